package io.feedhandler.avro;

import io.feedhandler.itch50.CrossTrade;
import io.feedhandler.itch50.OrderExecuted;
import io.feedhandler.itch50.OrderExecutedWithPrice;
import io.feedhandler.itch50.Prices;
import io.feedhandler.itch50.Trade;
import org.agrona.MutableDirectBuffer;

/**
 * Writes {@code Trade} records ({@code schemas/Trade.avsc}) in Avro binary, without allocating.
 * Reused: one per encoding thread.
 *
 * <p>P and Q carry everything a trade needs. E and C do not: an E executes a resting order at its
 * display price, and neither repeats the order's side, so the book supplies what it knows of the
 * resting order ({@link #encode(RecordHeader, OrderExecuted, long, byte, MutableDirectBuffer, int)},
 * {@link #encode(RecordHeader, OrderExecutedWithPrice, byte, MutableDirectBuffer, int)}, or the
 * primitive {@link #encodeExecution}).
 *
 * <p>Fields after the common header, in schema order:
 * <pre>
 *    source               matchNumber shares  price          marketOrderPrice side        crossType printable  orderReferenceNumber
 * P  NON_CROSS            match       shares  price          price==sentinel  as sent     null      true       as sent (0)
 * Q  CROSS                match       shares  cross price    price==sentinel  null        type      true       null
 * E  EXECUTION            match       exec'd  order's price  false            order's     null      true       ref
 * C  EXECUTION_WITH_PRICE match       exec'd  exec price     false            order's     null      =='Y'      ref
 * </pre>
 *
 * <p>Each method writes the body alone (no wire-format prefix) at {@code offset} and returns its
 * length. The buffer must have {@link #maxEncodedLength(RecordHeader)} bytes from {@code offset}:
 * that is checked once per record.
 */
public final class TradeEncoder
{
    /** Side of an execution whose resting order the book does not know: the record's side is null. */
    public static final byte UNKNOWN_SIDE = 0;

    private static final int FIELDS = 9;
    private static final int MAX_BODY_LENGTH = FIELDS * AvroWriter.MAX_FIELD_LENGTH;
    private static final byte PRINTABLE = 'Y';

    private final AvroWriter writer = new AvroWriter();

    /**
     * @param header the common fields as they will be set.
     * @return the most bytes one record can take.
     */
    public static int maxEncodedLength(final RecordHeader header)
    {
        return header.maxEncodedLength() + MAX_BODY_LENGTH;
    }

    /**
     * @param header  common fields.
     * @param message a non-cross Trade (P).
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(final RecordHeader header, final Trade message, final MutableDirectBuffer buffer, final int offset)
    {
        final long price = message.price();
        final AvroWriter writer = begin(
            header, buffer, offset, TradeSource.NON_CROSS, message.matchNumber(), message.shares(), price);
        writer.writeBoolean(Prices.isMarketOrder(price));
        writer.writeOptionalCode(message.side());
        writer.writeNull();
        writer.writeBoolean(true);
        writer.writeOptionalLong(message.orderReferenceNumber());
        return writer.position() - offset;
    }

    /**
     * @param header  common fields.
     * @param message a Cross Trade (Q): the cross's whole volume.
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(final RecordHeader header, final CrossTrade message, final MutableDirectBuffer buffer, final int offset)
    {
        final long price = message.crossPrice();
        final AvroWriter writer = begin(
            header, buffer, offset, TradeSource.CROSS, message.matchNumber(), message.shares(), price);
        writer.writeBoolean(Prices.isMarketOrder(price));
        writer.writeNull();
        writer.writeOptionalCode(message.crossType());
        writer.writeBoolean(true);
        writer.writeNull();
        return writer.position() - offset;
    }

    /**
     * An Order Executed (E) as a trade, printable.
     *
     * @param header       common fields.
     * @param message      the execution.
     * @param restingPrice the resting order's display price, price(4).
     * @param restingSide  the resting order's side, or {@link #UNKNOWN_SIDE}.
     * @param buffer       to write into.
     * @param offset       where the record starts.
     * @return bytes written.
     */
    public int encode(
        final RecordHeader header,
        final OrderExecuted message,
        final long restingPrice,
        final byte restingSide,
        final MutableDirectBuffer buffer,
        final int offset)
    {
        return encodeExecution(
            header, TradeSource.EXECUTION, message.matchNumber(), message.executedShares(), restingPrice, restingSide,
            true, message.orderReferenceNumber(), buffer, offset);
    }

    /**
     * An Order Executed With Price (C) as a trade, printable as the message says.
     *
     * @param header      common fields.
     * @param message     the execution.
     * @param restingSide the resting order's side, or {@link #UNKNOWN_SIDE}.
     * @param buffer      to write into.
     * @param offset      where the record starts.
     * @return bytes written.
     */
    public int encode(
        final RecordHeader header,
        final OrderExecutedWithPrice message,
        final byte restingSide,
        final MutableDirectBuffer buffer,
        final int offset)
    {
        return encodeExecution(
            header, TradeSource.EXECUTION_WITH_PRICE, message.matchNumber(), message.executedShares(),
            message.executionPrice(), restingSide, message.printable() == PRINTABLE, message.orderReferenceNumber(),
            buffer, offset);
    }

    /**
     * An execution of a resting order, from primitives (what the book has at hand).
     *
     * @param header               common fields.
     * @param source               {@link TradeSource#EXECUTION} or {@link TradeSource#EXECUTION_WITH_PRICE}.
     * @param matchNumber          match number (uint64 bits).
     * @param shares               executed shares.
     * @param price                execution price, price(4).
     * @param side                 the resting order's side, or {@link #UNKNOWN_SIDE} for null.
     * @param printable            whether it counts toward volume.
     * @param orderReferenceNumber the resting order (uint64 bits).
     * @param buffer               to write into.
     * @param offset               where the record starts.
     * @return bytes written.
     * @throws IllegalArgumentException if the source is not an execution.
     */
    public int encodeExecution(
        final RecordHeader header,
        final TradeSource source,
        final long matchNumber,
        final long shares,
        final long price,
        final byte side,
        final boolean printable,
        final long orderReferenceNumber,
        final MutableDirectBuffer buffer,
        final int offset)
    {
        if (source != TradeSource.EXECUTION && source != TradeSource.EXECUTION_WITH_PRICE)
        {
            throw new IllegalArgumentException("an execution trade comes from E or C, not " + source);
        }
        final AvroWriter writer = begin(header, buffer, offset, source, matchNumber, shares, price);
        writer.writeBoolean(false);
        if (side == UNKNOWN_SIDE)
        {
            writer.writeNull();
        }
        else
        {
            writer.writeOptionalCode(side);
        }
        writer.writeNull();
        writer.writeBoolean(printable);
        writer.writeOptionalLong(orderReferenceNumber);
        return writer.position() - offset;
    }

    private AvroWriter begin(
        final RecordHeader header,
        final MutableDirectBuffer buffer,
        final int offset,
        final TradeSource source,
        final long matchNumber,
        final long shares,
        final long price)
    {
        buffer.boundsCheck(offset, maxEncodedLength(header));
        final AvroWriter writer = this.writer.wrap(buffer, offset);
        header.write(writer);
        writer.writeEnum(source.ordinal());
        writer.writeLong(matchNumber);
        writer.writeLong(shares);
        writer.writeDecimal(price);
        return writer;
    }
}
