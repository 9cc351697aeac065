package io.feedhandler.avro;

import org.agrona.MutableDirectBuffer;

/**
 * Writes {@code Quote} records ({@code schemas/Quote.avsc}) in Avro binary from the book's
 * primitives, without allocating. Reused: one per encoding thread.
 *
 * <p>Fields after the common header, in schema order: bidPrice, bidSize, bidOrders, askPrice,
 * askSize, askOrders, bids, asks. An empty side has a null price and size 0; order counts are null
 * when the source gives none ({@link #NO_ORDER_COUNT}).
 *
 * <p>Each method writes the body alone (no wire-format prefix) at {@code offset} and returns its
 * length. The buffer must have {@link #maxEncodedLength} bytes from {@code offset}: that is checked
 * once per record.
 */
public final class QuoteEncoder
{
    /** Price of an empty side: written as null. */
    public static final long NO_PRICE = -1;

    /** Order count the source does not give: written as null. */
    public static final int NO_ORDER_COUNT = -1;

    private static final int TOP_FIELDS = 6;
    private static final int MAX_TOP_LENGTH = TOP_FIELDS * AvroWriter.MAX_FIELD_LENGTH;
    /** A level: price (1 + 8 for a signed long), shares, orders. */
    private static final int MAX_LEVEL_LENGTH = 9 + AvroWriter.MAX_LONG_LENGTH + AvroWriter.MAX_INT_LENGTH;
    /** Both arrays' block count and end marker. */
    private static final int MAX_ARRAYS_LENGTH = 2 * (AvroWriter.MAX_INT_LENGTH + 1);

    private final AvroWriter writer = new AvroWriter();

    /**
     * @param header the common fields as they will be set.
     * @param levels bid and ask levels together, 0 for top of book only.
     * @return the most bytes one record can take.
     */
    public static int maxEncodedLength(final RecordHeader header, final int levels)
    {
        return header.maxEncodedLength() + MAX_TOP_LENGTH + MAX_ARRAYS_LENGTH + levels * MAX_LEVEL_LENGTH;
    }

    /**
     * Top of book, no depth (empty {@code bids} and {@code asks}).
     *
     * @param header    common fields.
     * @param bidPrice  best bid, price(4), or {@link #NO_PRICE} when the side is empty.
     * @param bidSize   shares at the best bid (0 when empty).
     * @param bidOrders orders at the best bid, or {@link #NO_ORDER_COUNT}.
     * @param askPrice  best ask, price(4), or {@link #NO_PRICE} when the side is empty.
     * @param askSize   shares at the best ask (0 when empty).
     * @param askOrders orders at the best ask, or {@link #NO_ORDER_COUNT}.
     * @param buffer    to write into.
     * @param offset    where the record starts.
     * @return bytes written.
     */
    public int encode(
        final RecordHeader header,
        final long bidPrice,
        final long bidSize,
        final int bidOrders,
        final long askPrice,
        final long askSize,
        final int askOrders,
        final MutableDirectBuffer buffer,
        final int offset)
    {
        buffer.boundsCheck(offset, maxEncodedLength(header, 0));
        final AvroWriter writer = this.writer.wrap(buffer, offset);
        header.write(writer);
        writeSide(writer, bidPrice, bidSize, bidOrders);
        writeSide(writer, askPrice, askSize, askOrders);
        writer.writeArrayBlock(0);
        writer.writeArrayBlock(0);
        return writer.position() - offset;
    }

    /**
     * Top of book and depth: the top fields are the first level of each side (null price, size 0
     * and 0 orders for an empty side).
     *
     * @param header common fields.
     * @param bids   bid levels from the best down.
     * @param asks   ask levels from the best up.
     * @param buffer to write into.
     * @param offset where the record starts.
     * @return bytes written.
     */
    public int encode(
        final RecordHeader header,
        final QuoteLevels bids,
        final QuoteLevels asks,
        final MutableDirectBuffer buffer,
        final int offset)
    {
        buffer.boundsCheck(offset, maxEncodedLength(header, bids.count() + asks.count()));
        final AvroWriter writer = this.writer.wrap(buffer, offset);
        header.write(writer);
        writeTop(writer, bids);
        writeTop(writer, asks);
        writeLevels(writer, bids);
        writeLevels(writer, asks);
        return writer.position() - offset;
    }

    private static void writeTop(final AvroWriter writer, final QuoteLevels levels)
    {
        if (levels.count() == 0)
        {
            writeSide(writer, NO_PRICE, 0, 0);
        }
        else
        {
            writeSide(writer, levels.price(0), levels.shares(0), levels.orders(0));
        }
    }

    private static void writeSide(final AvroWriter writer, final long price, final long size, final int orders)
    {
        if (price == NO_PRICE)
        {
            writer.writeNull();
        }
        else
        {
            writer.writeOptionalDecimal(price);
        }
        writer.writeLong(size);
        if (orders == NO_ORDER_COUNT)
        {
            writer.writeNull();
        }
        else
        {
            writer.writeOptionalInt(orders);
        }
    }

    private static void writeLevels(final AvroWriter writer, final QuoteLevels levels)
    {
        final int count = levels.count();
        if (count > 0)
        {
            writer.writeArrayBlock(count);
            for (int i = 0; i < count; i++)
            {
                writer.writeDecimal(levels.price(i));
                writer.writeLong(levels.shares(i));
                writer.writeInt(levels.orders(i));
            }
        }
        writer.writeArrayBlock(0);
    }
}
