package io.feedhandler.avro;

import io.feedhandler.itch50.CrossTrade;
import io.feedhandler.itch50.OrderExecuted;
import io.feedhandler.itch50.OrderExecutedWithPrice;
import io.feedhandler.itch50.Prices;
import io.feedhandler.itch50.Trade;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import static io.feedhandler.avro.PlainAvro.assertBody;
import static io.feedhandler.avro.PlainAvro.fields;
import static io.feedhandler.avro.Records.LOCATE;
import static io.feedhandler.avro.Records.MATCH_NUMBER;
import static io.feedhandler.avro.Records.ORDER_REFERENCE;
import static io.feedhandler.avro.Records.OTHER_PRICE;
import static io.feedhandler.avro.Records.PRICE;
import static io.feedhandler.avro.Records.SHARES;
import static io.feedhandler.avro.Records.STOCK;
import static io.feedhandler.avro.Records.SYMBOL;
import static io.feedhandler.avro.Records.assertItchHeader;
import static io.feedhandler.avro.Records.itchHeader;
import static io.feedhandler.avro.Records.price;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Trades from P and Q, and from E and C with the resting order's facts as the book will give them,
 * read back by Avro's generic reader against {@code schemas/Trade.avsc}.
 */
class TradeEncoderTest
{
    private static final int MESSAGE = 1024;
    private static final int OFFSET = 3;
    /** Q shares are uint64: the top bit set shows a signed or 32-bit read. */
    private static final long CROSS_SHARES = 0x8000_0000_0000_0007L;

    private final TradeEncoder encoder = new TradeEncoder();
    private final RecordHeader header = Records.header().symbol(STOCK);
    private final UnsafeBuffer buffer = Records.buffer();

    @Test
    void shouldEncodeNonCrossTrade()
    {
        final Trade message = itchHeader(new Trade().wrapForEncode(buffer, MESSAGE))
            .orderReferenceNumber(ORDER_REFERENCE).side((byte)'B').shares(SHARES).stock(STOCK).price(PRICE)
            .matchNumber(MATCH_NUMBER);

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields(
            "source", "NON_CROSS",
            "matchNumber", MATCH_NUMBER,
            "shares", SHARES,
            "price", price(PRICE),
            "marketOrderPrice", false,
            "side", "B",
            "printable", true,
            "orderReferenceNumber", ORDER_REFERENCE));
    }

    @Test
    void shouldFlagTheMarketOrderSentinelInNonCrossTrade()
    {
        final Trade message = itchHeader(new Trade().wrapForEncode(buffer, MESSAGE))
            .orderReferenceNumber(0).side((byte)'B').shares(100).stock(STOCK).price(Prices.MARKET_ORDER_PRICE)
            .matchNumber(1);

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertBody(record, fields(
            "source", "NON_CROSS",
            "matchNumber", 1L,
            "shares", 100L,
            "price", price(Prices.MARKET_ORDER_PRICE),
            "marketOrderPrice", true,
            "side", "B",
            "printable", true,
            "orderReferenceNumber", 0L));
    }

    @Test
    void shouldEncodeCrossTrade()
    {
        final CrossTrade message = itchHeader(new CrossTrade().wrapForEncode(buffer, MESSAGE))
            .shares(CROSS_SHARES).stock(STOCK).crossPrice(OTHER_PRICE).matchNumber(MATCH_NUMBER).crossType((byte)'O');

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields(
            "source", "CROSS",
            "matchNumber", MATCH_NUMBER,
            "shares", CROSS_SHARES,
            "price", price(OTHER_PRICE),
            "marketOrderPrice", false,
            "crossType", "O",
            "printable", true));
    }

    @Test
    void shouldFlagTheMarketOrderSentinelInCrossTrade()
    {
        final CrossTrade message = itchHeader(new CrossTrade().wrapForEncode(buffer, MESSAGE))
            .shares(5).stock(STOCK).crossPrice(Prices.MARKET_ORDER_PRICE).matchNumber(2).crossType((byte)'A');

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertBody(record, fields(
            "source", "CROSS",
            "matchNumber", 2L,
            "shares", 5L,
            "price", price(Prices.MARKET_ORDER_PRICE),
            "marketOrderPrice", true,
            "crossType", "A",
            "printable", true));
    }

    @Test
    void shouldEncodeExecutionAtTheRestingOrdersPrice()
    {
        final OrderExecuted message = itchHeader(new OrderExecuted().wrapForEncode(buffer, MESSAGE))
            .orderReferenceNumber(ORDER_REFERENCE).executedShares(SHARES).matchNumber(MATCH_NUMBER);

        final GenericRecord record = decode(
            encoder.encode(header.itchHeader(message), message, OTHER_PRICE, (byte)'S', buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields(
            "source", "EXECUTION",
            "matchNumber", MATCH_NUMBER,
            "shares", SHARES,
            "price", price(OTHER_PRICE),
            "marketOrderPrice", false,
            "side", "S",
            "printable", true,
            "orderReferenceNumber", ORDER_REFERENCE));
    }

    @Test
    void shouldEncodeExecutionWithPrice()
    {
        final OrderExecutedWithPrice message = itchHeader(new OrderExecutedWithPrice().wrapForEncode(buffer, MESSAGE))
            .orderReferenceNumber(ORDER_REFERENCE).executedShares(SHARES).matchNumber(MATCH_NUMBER)
            .printable((byte)'N').executionPrice(PRICE);

        final GenericRecord record = decode(
            encoder.encode(header.itchHeader(message), message, (byte)'B', buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields(
            "source", "EXECUTION_WITH_PRICE",
            "matchNumber", MATCH_NUMBER,
            "shares", SHARES,
            "price", price(PRICE),
            "marketOrderPrice", false,
            "side", "B",
            "printable", false,
            "orderReferenceNumber", ORDER_REFERENCE));
    }

    @Test
    void shouldWriteNullSideWhenTheRestingOrderIsUnknown()
    {
        final GenericRecord record = decode(encoder.encodeExecution(
            header, TradeSource.EXECUTION, 9, 10, 11, TradeEncoder.UNKNOWN_SIDE, false, 12, buffer, OFFSET));

        assertBody(record, fields(
            "source", "EXECUTION",
            "matchNumber", 9L,
            "shares", 10L,
            "price", price(11),
            "marketOrderPrice", false,
            "printable", false,
            "orderReferenceNumber", 12L));
    }

    @Test
    void shouldRefuseAnExecutionFromAnotherSource()
    {
        assertThrows(IllegalArgumentException.class, () -> encoder.encodeExecution(
            header, TradeSource.CROSS, 1, 1, 1, (byte)'B', true, 1, buffer, OFFSET));
    }

    private GenericRecord decode(final int length)
    {
        return PlainAvro.decode(RecordSchema.TRADE, buffer, OFFSET, length);
    }
}
