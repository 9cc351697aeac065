package io.feedhandler.avro;

import io.feedhandler.itch50.AddOrder;
import io.feedhandler.itch50.AddOrderMpid;
import io.feedhandler.itch50.Alpha;
import io.feedhandler.itch50.OrderCancel;
import io.feedhandler.itch50.OrderDelete;
import io.feedhandler.itch50.OrderExecuted;
import io.feedhandler.itch50.OrderExecutedWithPrice;
import io.feedhandler.itch50.OrderReplace;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import static io.feedhandler.avro.PlainAvro.assertBody;
import static io.feedhandler.avro.PlainAvro.fields;
import static io.feedhandler.avro.Records.LOCATE;
import static io.feedhandler.avro.Records.MATCH_NUMBER;
import static io.feedhandler.avro.Records.NEW_ORDER_REFERENCE;
import static io.feedhandler.avro.Records.ORDER_REFERENCE;
import static io.feedhandler.avro.Records.OTHER_PRICE;
import static io.feedhandler.avro.Records.PRICE;
import static io.feedhandler.avro.Records.SHARES;
import static io.feedhandler.avro.Records.STOCK;
import static io.feedhandler.avro.Records.SYMBOL;
import static io.feedhandler.avro.Records.assertItchHeader;
import static io.feedhandler.avro.Records.itchHeader;
import static io.feedhandler.avro.Records.price;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every ITCH order message encoded as an {@code OrderEvent} and read back by Avro's generic reader
 * against {@code schemas/OrderEvent.avsc}: every field, nulls where the message has no such field.
 */
class OrderEventEncoderTest
{
    private static final int MESSAGE = 1024;
    private static final int OFFSET = 7;

    private final OrderEventEncoder encoder = new OrderEventEncoder();
    private final RecordHeader header = Records.header().symbol(STOCK);
    private final UnsafeBuffer buffer = Records.buffer();

    @Test
    void shouldEncodeAddOrder()
    {
        final AddOrder message = itchHeader(new AddOrder().wrapForEncode(buffer, MESSAGE))
            .orderReferenceNumber(ORDER_REFERENCE).side((byte)'S').shares(SHARES).stock(STOCK).price(PRICE);

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields(
            "eventType", "ADD",
            "orderReferenceNumber", ORDER_REFERENCE,
            "side", "S",
            "shares", SHARES,
            "price", price(PRICE)));
    }

    @Test
    void shouldEncodeAddOrderWithAttribution()
    {
        final AddOrderMpid message = itchHeader(new AddOrderMpid().wrapForEncode(buffer, MESSAGE))
            .orderReferenceNumber(ORDER_REFERENCE).side((byte)'B').shares(SHARES).stock(STOCK).price(OTHER_PRICE)
            .attribution(Alpha.encode4("NSD"));

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields(
            "eventType", "ADD",
            "orderReferenceNumber", ORDER_REFERENCE,
            "side", "B",
            "shares", SHARES,
            "price", price(OTHER_PRICE),
            "attribution", "NSD"));
    }

    @Test
    void shouldPassAnUnknownSideThrough()
    {
        final AddOrder message = itchHeader(new AddOrder().wrapForEncode(buffer, MESSAGE))
            .orderReferenceNumber(1).side((byte)0xE9).shares(1).stock(STOCK).price(1);

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertEquals("\u00E9", record.get("side").toString());
    }

    @Test
    void shouldEncodeOrderExecuted()
    {
        final OrderExecuted message = itchHeader(new OrderExecuted().wrapForEncode(buffer, MESSAGE))
            .orderReferenceNumber(ORDER_REFERENCE).executedShares(SHARES).matchNumber(MATCH_NUMBER);

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields(
            "eventType", "EXECUTE",
            "orderReferenceNumber", ORDER_REFERENCE,
            "shares", SHARES,
            "matchNumber", MATCH_NUMBER));
    }

    @Test
    void shouldEncodeOrderExecutedWithPrice()
    {
        final OrderExecutedWithPrice message = itchHeader(new OrderExecutedWithPrice().wrapForEncode(buffer, MESSAGE))
            .orderReferenceNumber(ORDER_REFERENCE).executedShares(SHARES).matchNumber(MATCH_NUMBER)
            .printable((byte)'Y').executionPrice(PRICE);

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields(
            "eventType", "EXECUTE_WITH_PRICE",
            "orderReferenceNumber", ORDER_REFERENCE,
            "shares", SHARES,
            "matchNumber", MATCH_NUMBER,
            "printable", true,
            "executionPrice", price(PRICE)));
    }

    @Test
    void shouldTreatEveryPrintableCodeButYAsNonPrintable()
    {
        final OrderExecutedWithPrice message = itchHeader(new OrderExecutedWithPrice().wrapForEncode(buffer, MESSAGE))
            .orderReferenceNumber(1).executedShares(1).matchNumber(1).executionPrice(1);
        for (final byte code : new byte[] {'N', 'y', ' ', 0})
        {
            message.printable(code);
            final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));
            assertEquals(false, record.get("printable"), "printable code " + code);
        }
    }

    @Test
    void shouldEncodeOrderCancel()
    {
        final OrderCancel message = itchHeader(new OrderCancel().wrapForEncode(buffer, MESSAGE))
            .orderReferenceNumber(ORDER_REFERENCE).cancelledShares(SHARES);

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields(
            "eventType", "CANCEL",
            "orderReferenceNumber", ORDER_REFERENCE,
            "shares", SHARES));
    }

    @Test
    void shouldEncodeOrderDelete()
    {
        final OrderDelete message = itchHeader(new OrderDelete().wrapForEncode(buffer, MESSAGE))
            .orderReferenceNumber(ORDER_REFERENCE);

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields(
            "eventType", "DELETE",
            "orderReferenceNumber", ORDER_REFERENCE));
    }

    @Test
    void shouldEncodeOrderReplace()
    {
        final OrderReplace message = itchHeader(new OrderReplace().wrapForEncode(buffer, MESSAGE))
            .originalOrderReferenceNumber(ORDER_REFERENCE).newOrderReferenceNumber(NEW_ORDER_REFERENCE)
            .shares(SHARES).price(OTHER_PRICE);

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields(
            "eventType", "REPLACE",
            "orderReferenceNumber", ORDER_REFERENCE,
            "newOrderReferenceNumber", NEW_ORDER_REFERENCE,
            "shares", SHARES,
            "price", price(OTHER_PRICE)));
    }

    private GenericRecord decode(final int length)
    {
        return PlainAvro.decode(RecordSchema.ORDER_EVENT, buffer, OFFSET, length);
    }
}
