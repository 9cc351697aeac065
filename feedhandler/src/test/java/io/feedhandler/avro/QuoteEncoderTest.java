package io.feedhandler.avro;

import org.agrona.concurrent.UnsafeBuffer;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.feedhandler.avro.PlainAvro.assertBody;
import static io.feedhandler.avro.PlainAvro.fields;
import static io.feedhandler.avro.Records.MIDNIGHT_NANOS;
import static io.feedhandler.avro.Records.STOCK;
import static io.feedhandler.avro.Records.SYMBOL;
import static io.feedhandler.avro.Records.assertHeader;
import static io.feedhandler.avro.Records.price;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Quotes from the book's primitives, top of book and depth, read back against {@code schemas/Quote.avsc}. */
class QuoteEncoderTest
{
    private static final int OFFSET = 11;
    private static final int LOCATE = 4242;
    private static final int TRACKING = 7;
    private static final long EXCHANGE_NANOS = MIDNIGHT_NANOS + 34_200_000_000_001L;

    private final QuoteEncoder encoder = new QuoteEncoder();
    private final RecordHeader header = Records.header().symbol(STOCK).stockLocate(LOCATE).trackingNumber(TRACKING)
        .exchangeTimestampNanos(EXCHANGE_NANOS);
    private final UnsafeBuffer buffer = Records.buffer();

    @Test
    void shouldEncodeTopOfBook()
    {
        final GenericRecord record = decode(encoder.encode(
            header, 1_234_500, 0xFFFF_FFFFL, 3, 1_234_600, 200, 65_536, buffer, OFFSET));

        assertHeader(record, SYMBOL, LOCATE, TRACKING, EXCHANGE_NANOS);
        assertBody(record, fields(
            "bidPrice", price(1_234_500),
            "bidSize", 0xFFFF_FFFFL,
            "bidOrders", 3,
            "askPrice", price(1_234_600),
            "askSize", 200L,
            "askOrders", 65_536,
            "bids", List.of(),
            "asks", List.of()));
    }

    @Test
    void shouldWriteNullsForAnEmptySideAndUnknownOrderCounts()
    {
        final GenericRecord record = decode(encoder.encode(
            header, QuoteEncoder.NO_PRICE, 0, QuoteEncoder.NO_ORDER_COUNT, 99, 1, QuoteEncoder.NO_ORDER_COUNT, buffer, OFFSET));

        assertBody(record, fields(
            "bidSize", 0L,
            "askPrice", price(99),
            "askSize", 1L,
            "bids", List.of(),
            "asks", List.of()));
    }

    @Test
    void shouldEncodeDepth()
    {
        final QuoteLevels bids = new QuoteLevels(4).add(1_000_000, 300, 2).add(990_000, 0xFFFF_FFFFL, Integer.MAX_VALUE);
        final QuoteLevels asks = new QuoteLevels(4).add(1_000_100, 100, 1);

        final GenericRecord record = decode(encoder.encode(header, bids, asks, buffer, OFFSET));

        assertHeader(record, SYMBOL, LOCATE, TRACKING, EXCHANGE_NANOS);
        assertBody(record, fields(
            "bidPrice", price(1_000_000),
            "bidSize", 300L,
            "bidOrders", 2,
            "askPrice", price(1_000_100),
            "askSize", 100L,
            "askOrders", 1,
            "bids", List.of(
                fields("price", price(1_000_000), "shares", 300L, "orders", 2),
                fields("price", price(990_000), "shares", 0xFFFF_FFFFL, "orders", Integer.MAX_VALUE)),
            "asks", List.of(
                fields("price", price(1_000_100), "shares", 100L, "orders", 1))));
    }

    @Test
    void shouldEncodeDepthWithAnEmptySide()
    {
        final QuoteLevels bids = new QuoteLevels(1);
        final QuoteLevels asks = new QuoteLevels(1).add(5, 6, 7);

        final GenericRecord record = decode(encoder.encode(header, bids, asks, buffer, OFFSET));

        assertBody(record, fields(
            "bidSize", 0L,
            "bidOrders", 0,
            "askPrice", price(5),
            "askSize", 6L,
            "askOrders", 7,
            "bids", List.of(),
            "asks", List.of(fields("price", price(5), "shares", 6L, "orders", 7))));
    }

    @Test
    void shouldRefuseALevelBeyondCapacity()
    {
        final QuoteLevels levels = new QuoteLevels(1).add(1, 1, 1);

        assertThrows(IllegalStateException.class, () -> levels.add(2, 2, 2));
    }

    private GenericRecord decode(final int length)
    {
        return PlainAvro.decode(RecordSchema.QUOTE, buffer, OFFSET, length);
    }
}
