package io.feedhandler.avro;

import io.feedhandler.itch50.AddOrder;
import io.feedhandler.itch50.AddOrderMpid;
import io.feedhandler.itch50.OrderCancel;
import io.feedhandler.itch50.OrderDelete;
import io.feedhandler.itch50.OrderExecuted;
import io.feedhandler.itch50.OrderExecutedWithPrice;
import io.feedhandler.itch50.OrderReplace;
import org.agrona.MutableDirectBuffer;

/**
 * Writes {@code OrderEvent} records ({@code schemas/OrderEvent.avsc}) in Avro binary from the ITCH
 * order messages A, F, E, C, X, D and U, without allocating. Reused: one per encoding thread.
 *
 * <p>Fields after the common header, in schema order:
 * <pre>
 * eventType  orderReferenceNumber  newOrderReferenceNumber  side  shares  price  attribution  matchNumber  printable  executionPrice
 * A  ADD     ref                   null                     side  shares  price  null         null         null       null
 * F  ADD     ref                   null                     side  shares  price  attribution  null         null       null
 * E  EXECUTE ref                   null                     null  exec'd  null   null         match        null       null
 * C  EXECUTE_WITH_PRICE ref        null                     null  exec'd  null   null         match        =='Y'      price
 * X  CANCEL  ref                   null                     null  cancl'd null   null         null         null       null
 * D  DELETE  ref                   null                     null  null    null   null         null         null       null
 * U  REPLACE original ref          new ref                  null  shares  price  null         null         null       null
 * </pre>
 *
 * <p>Each method writes the body alone (no wire-format prefix) at {@code offset} and returns its
 * length. The buffer must have {@link #maxEncodedLength(RecordHeader)} bytes from {@code offset}:
 * that is checked once per record (always, whatever {@code agrona.disable.bounds.checks} says).
 */
public final class OrderEventEncoder
{
    private static final int FIELDS = 10;
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
     * @param message an Add Order (A).
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(final RecordHeader header, final AddOrder message, final MutableDirectBuffer buffer, final int offset)
    {
        final AvroWriter writer = begin(header, buffer, offset, OrderEventType.ADD, message.orderReferenceNumber());
        writer.writeNull();
        writer.writeOptionalCode(message.side());
        writer.writeOptionalLong(message.shares());
        writer.writeOptionalDecimal(message.price());
        writer.writeNulls(4);
        return writer.position() - offset;
    }

    /**
     * @param header  common fields.
     * @param message an Add Order with MPID attribution (F).
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(
        final RecordHeader header, final AddOrderMpid message, final MutableDirectBuffer buffer, final int offset)
    {
        final AvroWriter writer = begin(header, buffer, offset, OrderEventType.ADD, message.orderReferenceNumber());
        writer.writeNull();
        writer.writeOptionalCode(message.side());
        writer.writeOptionalLong(message.shares());
        writer.writeOptionalDecimal(message.price());
        writer.writeOptionalAlpha(message.attribution(), 4);
        writer.writeNulls(3);
        return writer.position() - offset;
    }

    /**
     * @param header  common fields.
     * @param message an Order Executed (E).
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(
        final RecordHeader header, final OrderExecuted message, final MutableDirectBuffer buffer, final int offset)
    {
        final AvroWriter writer = begin(header, buffer, offset, OrderEventType.EXECUTE, message.orderReferenceNumber());
        writer.writeNulls(2);
        writer.writeOptionalLong(message.executedShares());
        writer.writeNulls(2);
        writer.writeOptionalLong(message.matchNumber());
        writer.writeNulls(2);
        return writer.position() - offset;
    }

    /**
     * @param header  common fields.
     * @param message an Order Executed With Price (C).
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(
        final RecordHeader header, final OrderExecutedWithPrice message, final MutableDirectBuffer buffer, final int offset)
    {
        final AvroWriter writer = begin(
            header, buffer, offset, OrderEventType.EXECUTE_WITH_PRICE, message.orderReferenceNumber());
        writer.writeNulls(2);
        writer.writeOptionalLong(message.executedShares());
        writer.writeNulls(2);
        writer.writeOptionalLong(message.matchNumber());
        writer.writeOptionalBoolean(message.printable() == PRINTABLE);
        writer.writeOptionalDecimal(message.executionPrice());
        return writer.position() - offset;
    }

    /**
     * @param header  common fields.
     * @param message an Order Cancel (X).
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(final RecordHeader header, final OrderCancel message, final MutableDirectBuffer buffer, final int offset)
    {
        final AvroWriter writer = begin(header, buffer, offset, OrderEventType.CANCEL, message.orderReferenceNumber());
        writer.writeNulls(2);
        writer.writeOptionalLong(message.cancelledShares());
        writer.writeNulls(5);
        return writer.position() - offset;
    }

    /**
     * @param header  common fields.
     * @param message an Order Delete (D).
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(final RecordHeader header, final OrderDelete message, final MutableDirectBuffer buffer, final int offset)
    {
        final AvroWriter writer = begin(header, buffer, offset, OrderEventType.DELETE, message.orderReferenceNumber());
        writer.writeNulls(8);
        return writer.position() - offset;
    }

    /**
     * @param header  common fields.
     * @param message an Order Replace (U); the new order keeps the original's side, which the message
     *                does not repeat.
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(final RecordHeader header, final OrderReplace message, final MutableDirectBuffer buffer, final int offset)
    {
        final AvroWriter writer = begin(
            header, buffer, offset, OrderEventType.REPLACE, message.originalOrderReferenceNumber());
        writer.writeOptionalLong(message.newOrderReferenceNumber());
        writer.writeNull();
        writer.writeOptionalLong(message.shares());
        writer.writeOptionalDecimal(message.price());
        writer.writeNulls(4);
        return writer.position() - offset;
    }

    private AvroWriter begin(
        final RecordHeader header,
        final MutableDirectBuffer buffer,
        final int offset,
        final OrderEventType type,
        final long orderReferenceNumber)
    {
        buffer.boundsCheck(offset, maxEncodedLength(header));
        final AvroWriter writer = this.writer.wrap(buffer, offset);
        header.write(writer);
        writer.writeEnum(type.ordinal());
        writer.writeLong(orderReferenceNumber);
        return writer;
    }
}
