package io.feedhandler.pipeline;

import io.feedhandler.avro.RecordSchema;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.avro.SingleObjectEncoding;
import io.feedhandler.book.BookAnomaly;
import io.feedhandler.config.BookSettings;
import io.feedhandler.itch50.AddOrder;
import io.feedhandler.itch50.ItchMessage;
import io.feedhandler.itch50.OrderDelete;
import io.feedhandler.itch50.OrderExecuted;
import io.feedhandler.itch50.OrderExecutedWithPrice;
import io.feedhandler.itch50.Side;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The encoder stage with its books: an order event's record first, then the book's trade and
 * quote in the same event, each decoded by Avro's own reader against {@code schemas/*.avsc}.
 */
class RecordEncoderStageBookTest
{
    private static final int LOCATE = 13;
    private static final long STOCK = 0x4141504C20202020L; // "AAPL    "

    private final UnsafeBuffer message = new UnsafeBuffer(new byte[64]);
    private final FeedEvent event = new FeedEvent();
    private final PipelineCounters counters = new PipelineCounters();
    private long sequence;

    @Test
    void shouldFollowAnAddThatMakesANewBestBidWithAQuote() throws IOException
    {
        final RecordEncoderStage stage = stage("nasdaq", "session", 0);

        final List<GenericRecord> records = send(stage, add(1, Side.BUY, 300, 1_234_500), null);

        assertEquals(List.of(RecordSchema.ORDER_EVENT, RecordSchema.QUOTE), kinds());
        final GenericRecord quote = records.get(1);
        assertEquals(new BigDecimal("123.4500"), decimal(quote.get("bidPrice")));
        assertEquals(300L, quote.get("bidSize"));
        assertEquals(1, quote.get("bidOrders"));
        assertNull(quote.get("askPrice"));
        assertEquals(0L, quote.get("askSize"));
        assertEquals(sequence, quote.get("sequence"), "the quote carries the sequence of the message that changed the top");
        assertEquals("AAPL", quote.get("symbol").toString());
    }

    @Test
    void shouldFollowAnExecutionWithATradeAtTheRestingPriceAndSideAndAQuote() throws IOException
    {
        final RecordEncoderStage stage = stage("nasdaq", "session", 0);
        send(stage, add(1, Side.SELL, 300, 1_234_500), null);

        final List<GenericRecord> records = send(stage, new OrderExecuted().wrapForEncode(message, 0)
            .stockLocate(LOCATE).timestamp(1).orderReferenceNumber(1).executedShares(100).matchNumber(77), null);

        assertEquals(List.of(RecordSchema.ORDER_EVENT, RecordSchema.TRADE, RecordSchema.QUOTE), kinds());
        final GenericRecord trade = records.get(1);
        assertEquals("EXECUTION", trade.get("source").toString());
        assertEquals(new BigDecimal("123.4500"), decimal(trade.get("price")));
        assertEquals("S", trade.get("side").toString());
        assertEquals(100L, trade.get("shares"));
        assertEquals(77L, trade.get("matchNumber"));
        assertEquals(true, trade.get("printable"));
        assertEquals(200L, records.get(2).get("askSize"));
    }

    @Test
    void shouldMarkANonPrintableExecutionWithPriceRatherThanDropIt() throws IOException
    {
        final RecordEncoderStage stage = stage("nasdaq", "session", 0);
        send(stage, add(1, Side.BUY, 300, 1_234_500), null);

        final List<GenericRecord> records = send(stage, new OrderExecutedWithPrice().wrapForEncode(message, 0)
            .stockLocate(LOCATE).timestamp(1).orderReferenceNumber(1).executedShares(300).matchNumber(78)
            .printable((byte)'N').executionPrice(1_234_400), null);

        assertEquals(List.of(RecordSchema.ORDER_EVENT, RecordSchema.TRADE, RecordSchema.QUOTE), kinds());
        assertEquals("EXECUTION_WITH_PRICE", records.get(1).get("source").toString());
        assertEquals(new BigDecimal("123.4400"), decimal(records.get(1).get("price")));
        assertEquals(false, records.get(1).get("printable"));
        assertNull(records.get(2).get("bidPrice"), "the bid side is empty now");
    }

    @Test
    void shouldKeepTheOrderEventOfAnUnknownOrderAndCountIt() throws IOException
    {
        final RecordEncoderStage stage = stage("nasdaq", "session", 0);

        send(stage, new OrderDelete().wrapForEncode(message, 0).stockLocate(LOCATE).timestamp(1).orderReferenceNumber(42), null);

        assertEquals(List.of(RecordSchema.ORDER_EVENT), kinds());
        assertEquals(FeedEvent.MESSAGE, event.kind(), "not malformed: no DLQ");
        assertEquals(1, counters.bookAnomalies[BookAnomaly.UNKNOWN_ORDER.ordinal()].sum());
    }

    @Test
    void shouldCarryTheDepthLevelsOfTheProfileInEachQuote() throws IOException
    {
        final RecordEncoderStage stage = stage("nasdaq", "session", 2);
        send(stage, add(1, Side.BUY, 100, 1_000_000), null);
        send(stage, add(2, Side.BUY, 200, 990_000), null);
        send(stage, add(3, Side.BUY, 300, 980_000), null);

        final List<GenericRecord> records = send(stage, add(4, Side.SELL, 400, 1_010_000), null);

        final GenericRecord quote = records.get(1);
        @SuppressWarnings("unchecked")
        final List<GenericRecord> bids = (List<GenericRecord>)quote.get("bids");
        assertEquals(2, bids.size(), "two levels asked for");
        assertEquals(new BigDecimal("100.0000"), decimal(bids.get(0).get("price")));
        assertEquals(200L, bids.get(1).get("shares"));
        assertEquals(1, ((List<?>)quote.get("asks")).size());
    }

    @Test
    void shouldFitTheWorstEventInItsRecordBuffer() throws IOException
    {
        final int depth = BookSettings.MAX_DEPTH_LEVELS;
        final RecordEncoderStage stage = stage("x".repeat(64), "s".repeat(64), depth);
        for (int level = 0; level < depth; level++)
        {
            send(stage, add(-1L - level, Side.BUY, 0xFFFF_FFFFL, 0xFFFF_FFFFL - level), null);
            send(stage, add(-100L - level, Side.SELL, 0xFFFF_FFFFL, 0x7FFF_FFFFL + level), null);
        }

        // A gap before it, then the best bid executed at the highest price: four records, the quote
        // with every level of both sides, every number at its longest.
        final List<GenericRecord> records = send(stage, new OrderExecutedWithPrice().wrapForEncode(message, 0)
            .stockLocate(LOCATE).trackingNumber(0xFFFF).timestamp(0xFFFF_FFFF_FFFFL).orderReferenceNumber(-1L)
            .executedShares(1).matchNumber(-1L).printable((byte)'Y').executionPrice(0xFFFF_FFFFL), e ->
        {
            e.gapFrom = Long.MAX_VALUE - 10;
            e.gapTo = Long.MAX_VALUE - 1;
            return e;
        });

        assertEquals(List.of(RecordSchema.STATUS, RecordSchema.ORDER_EVENT, RecordSchema.TRADE, RecordSchema.QUOTE), kinds());
        assertEquals(depth, ((List<?>)records.get(3).get("bids")).size());
        assertEquals(depth, ((List<?>)records.get(3).get("asks")).size());
    }

    private AddOrder add(final long reference, final byte side, final long shares, final long price)
    {
        return new AddOrder().wrapForEncode(message, 0).stockLocate(LOCATE).timestamp(1).orderReferenceNumber(reference)
            .side(side).shares(shares).stock(STOCK).price(price);
    }

    private RecordEncoderStage stage(final String exchange, final String session, final int depth)
    {
        final StreamRegistry streams = new StreamRegistry();
        streams.indexOf(session);
        return new RecordEncoderStage(exchange, LocalDate.of(2019, 12, 30), ZoneId.of("America/New_York"),
            new SingleObjectEncoding(RecordSchemas.fromClassPath()), streams, new SymbolTable(exchange), depth, counters);
    }

    private List<GenericRecord> send(final RecordEncoderStage stage, final ItchMessage<?> itch,
        final Function<FeedEvent, FeedEvent> adjust) throws IOException
    {
        event.loadMessage(0, ++sequence, 0, 1L, message, 0, itch.length());
        if (adjust != null)
        {
            adjust.apply(event);
        }
        stage.onEvent(event, sequence, true);
        final EncodedRecords records = event.records();
        final List<GenericRecord> decoded = new ArrayList<>();
        for (int i = 0; i < records.count(); i++)
        {
            final Schema schema = new Schema.Parser().parse(Path.of("..", "schemas", records.kind(i).fileName()).toFile());
            final byte[] bytes = new byte[records.length(i) - SingleObjectEncoding.PREFIX_LENGTH];
            records.buffer().getBytes(records.offset(i) + SingleObjectEncoding.PREFIX_LENGTH, bytes);
            decoded.add(new GenericDatumReader<GenericRecord>(schema).read(null,
                DecoderFactory.get().binaryDecoder(bytes, null)));
        }
        return decoded;
    }

    private List<RecordSchema> kinds()
    {
        final List<RecordSchema> kinds = new ArrayList<>();
        for (int i = 0; i < event.records().count(); i++)
        {
            kinds.add(event.records().kind(i));
        }
        return kinds;
    }

    private static BigDecimal decimal(final Object bytes)
    {
        final ByteBuffer buffer = ((ByteBuffer)bytes).duplicate();
        final byte[] unscaled = new byte[buffer.remaining()];
        buffer.get(unscaled);
        return new BigDecimal(new java.math.BigInteger(unscaled), 4);
    }
}
