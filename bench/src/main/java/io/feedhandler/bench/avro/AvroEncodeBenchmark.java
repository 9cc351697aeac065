package io.feedhandler.bench.avro;

import io.feedhandler.avro.ConfluentFraming;
import io.feedhandler.avro.OrderEventEncoder;
import io.feedhandler.avro.QuoteEncoder;
import io.feedhandler.avro.RecordHeader;
import io.feedhandler.avro.RecordSchema;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.avro.ReferenceDataEncoder;
import io.feedhandler.avro.SingleObjectEncoding;
import io.feedhandler.avro.StatusEncoder;
import io.feedhandler.avro.TradeEncoder;
import io.feedhandler.avro.WireFormat;
import io.feedhandler.itch50.AddOrder;
import io.feedhandler.itch50.Alpha;
import io.feedhandler.itch50.ItchMessageType;
import io.feedhandler.itch50.Noii;
import io.feedhandler.itch50.StockDirectory;
import io.feedhandler.itch50.Symbols;
import io.feedhandler.itch50.Trade;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Encoding one Avro record body of each kind from an ITCH message (or, for quotes, from the book's
 * primitives): this project's encoders ({@code feedhandler*}) against Avro's own
 * {@code GenericDatumWriter} writing the equivalent {@code GenericRecord}, the reference, in the
 * same run. {@code generic*} fills a reused record from the message and writes it, as a
 * conventional encoder must for every message; {@code genericWriteOnly*} writes an already-filled
 * record, Avro's serializer alone.
 *
 * <p>Sources: OrderEvent from A, Trade from P, Quote top of book, ReferenceData from R, Status from I
 * (NOII, the widest status). Every operation also sets the header's sequence number, as the
 * pipeline will. {@code framed*} write the wire prefix in front of the body, as the pipeline does:
 * Confluent framing (registry ids) and single-object encoding. Run with {@code -prof gc}: the
 * {@code feedhandler*} and {@code framed*} benchmarks must show 0 B/op.
 *
 * <p>The fork runs as the daemon does, with {@code agrona.disable.bounds.checks=true}; each encoder
 * still checks its buffer once per record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Dagrona.disable.bounds.checks=true", "-Xmx1g"})
public class AvroEncodeBenchmark
{
    private static final String EXCHANGE = "nasdaq";
    private static final String SESSION = "000004567A";
    private static final String SYMBOL = "AAPL";
    private static final long RECEIVE_NANOS = 1_577_716_200_123_456_789L;

    private final UnsafeBuffer input = new UnsafeBuffer(new byte[5 * ItchMessageType.MAX_LENGTH]);
    private final UnsafeBuffer output = new UnsafeBuffer(new byte[4096]);
    private final AddOrder addOrder = new AddOrder();
    private final Trade trade = new Trade();
    private final StockDirectory stockDirectory = new StockDirectory();
    private final Noii noii = new Noii();
    private final RecordHeader header = new RecordHeader();
    private final OrderEventEncoder orderEventEncoder = new OrderEventEncoder();
    private final TradeEncoder tradeEncoder = new TradeEncoder();
    private final QuoteEncoder quoteEncoder = new QuoteEncoder();
    private final ReferenceDataEncoder referenceDataEncoder = new ReferenceDataEncoder();
    private final StatusEncoder statusEncoder = new StatusEncoder();
    private GenericRecordEncoders generic;
    private WireFormat confluentFraming;
    private WireFormat singleObjectEncoding;
    private long sequence;

    /** Build one message of each source type with realistic values, and fill the reference's records once. */
    @Setup
    public void setUp()
    {
        final long stock = Symbols.encode(SYMBOL);
        final long time = 34_200_123_456_789L;
        addOrder.wrapForEncode(input, 0).stockLocate(13).trackingNumber(2).timestamp(time)
            .orderReferenceNumber(36_000_123L).side((byte)'B').shares(100).stock(stock).price(2_935_700L);
        trade.wrapForEncode(input, 50).stockLocate(13).trackingNumber(2).timestamp(time + 17)
            .orderReferenceNumber(0).side((byte)'B').shares(37).stock(stock).price(2_935_800L).matchNumber(4_123_456L);
        stockDirectory.wrapForEncode(input, 100).stockLocate(13).trackingNumber(0).timestamp(10_800_000_000_000L)
            .stock(stock).marketCategory((byte)'Q').financialStatusIndicator((byte)'N').roundLotSize(100)
            .roundLotsOnly((byte)'N').issueClassification((byte)'C').issueSubType(Alpha.encode2("Z"))
            .authenticity((byte)'P').shortSaleThresholdIndicator((byte)'N').ipoFlag((byte)'N')
            .luldReferencePriceTier((byte)'1').etpFlag((byte)'N').etpLeverageFactor(0).inverseIndicator((byte)'N');
        noii.wrapForEncode(input, 150).stockLocate(13).trackingNumber(2).timestamp(57_300_000_000_000L)
            .pairedShares(1_250_000).imbalanceShares(48_200).imbalanceDirection((byte)'S').stock(stock)
            .farPrice(2_935_000L).nearPrice(2_936_100L).currentReferencePrice(2_935_900L).crossType((byte)'C')
            .priceVariationIndicator((byte)'L');

        final Map<RecordSchema, Integer> ids = new EnumMap<>(RecordSchema.class);
        for (final RecordSchema kind : RecordSchema.values())
        {
            ids.put(kind, 100_000 + kind.ordinal());
        }
        confluentFraming = new ConfluentFraming(ids);
        singleObjectEncoding = new SingleObjectEncoding(RecordSchemas.fromClassPath());

        final ZoneId zone = ZoneId.of("America/New_York");
        final LocalDate tradeDate = LocalDate.of(2019, 12, 30);
        header.exchange(EXCHANGE).session(SESSION).tradeDate(tradeDate, zone).receiveTimestampNanos(RECEIVE_NANOS);
        generic = new GenericRecordEncoders(
            RecordSchemas.fromClassPath(), EXCHANGE, SESSION, SYMBOL, header.tradeDateMidnightNanos());
        // Both sides must write the same bytes, or the comparison means nothing.
        sequence = 0;
        sameBytes("OrderEvent", feedhandlerOrderEvent(), () -> generic.orderEvent(addOrder, sequence, RECEIVE_NANOS));
        sameBytes("Trade", feedhandlerTrade(), () -> generic.trade(trade, sequence, RECEIVE_NANOS));
        sameBytes("Quote", feedhandlerQuote(), () -> generic.quote(
            addOrder, sequence, RECEIVE_NANOS, 2_935_700L, 100, 1, 2_935_800L, 300, 2));
        sameBytes("ReferenceData", feedhandlerReferenceData(),
            () -> generic.referenceData(stockDirectory, sequence, RECEIVE_NANOS));
        sameBytes("Status", feedhandlerStatus(), () -> generic.status(noii, sequence, RECEIVE_NANOS));
    }

    private void sameBytes(final String kind, final int length, final IntSupplier reference)
    {
        final byte[] ours = new byte[length];
        output.getBytes(0, ours);
        reference.getAsInt();
        if (!Arrays.equals(ours, generic.lastWritten()))
        {
            throw new IllegalStateException(kind + ": the encoder and the GenericDatumWriter reference write different bytes");
        }
    }

    /** @return record length. */
    @Benchmark
    public int feedhandlerOrderEvent()
    {
        header.sequence(++sequence).symbol(addOrder.stock()).itchHeader(addOrder);
        return orderEventEncoder.encode(header, addOrder, output, 0);
    }

    /** @return record length. */
    @Benchmark
    public int feedhandlerTrade()
    {
        header.sequence(++sequence).symbol(trade.stock()).itchHeader(trade);
        return tradeEncoder.encode(header, trade, output, 0);
    }

    /** @return record length. */
    @Benchmark
    public int feedhandlerQuote()
    {
        header.sequence(++sequence).symbol(addOrder.stock()).itchHeader(addOrder);
        return quoteEncoder.encode(header, 2_935_700L, 100, 1, 2_935_800L, 300, 2, output, 0);
    }

    /** @return record length. */
    @Benchmark
    public int feedhandlerReferenceData()
    {
        header.sequence(++sequence).symbol(stockDirectory.stock()).itchHeader(stockDirectory);
        return referenceDataEncoder.encode(header, stockDirectory, output, 0);
    }

    /** @return record length. */
    @Benchmark
    public int feedhandlerStatus()
    {
        header.sequence(++sequence).symbol(noii.stock()).itchHeader(noii);
        return statusEncoder.encode(header, noii, output, 0);
    }

    /** @return prefix plus record length: what the pipeline writes per trade with a registry. */
    @Benchmark
    public int framedConfluentTrade()
    {
        header.sequence(++sequence).symbol(trade.stock()).itchHeader(trade);
        final int prefix = confluentFraming.writePrefix(output, 0, RecordSchema.TRADE);
        return prefix + tradeEncoder.encode(header, trade, output, prefix);
    }

    /** @return prefix plus record length: what the pipeline writes per trade without a registry. */
    @Benchmark
    public int framedSingleObjectTrade()
    {
        header.sequence(++sequence).symbol(trade.stock()).itchHeader(trade);
        final int prefix = singleObjectEncoding.writePrefix(output, 0, RecordSchema.TRADE);
        return prefix + tradeEncoder.encode(header, trade, output, prefix);
    }

    /** @return prefix plus record length, order events being most of the feed. */
    @Benchmark
    public int framedConfluentOrderEvent()
    {
        header.sequence(++sequence).symbol(addOrder.stock()).itchHeader(addOrder);
        final int prefix = confluentFraming.writePrefix(output, 0, RecordSchema.ORDER_EVENT);
        return prefix + orderEventEncoder.encode(header, addOrder, output, prefix);
    }

    /** @return record length. */
    @Benchmark
    public int genericOrderEvent()
    {
        return generic.orderEvent(addOrder, ++sequence, RECEIVE_NANOS);
    }

    /** @return record length. */
    @Benchmark
    public int genericTrade()
    {
        return generic.trade(trade, ++sequence, RECEIVE_NANOS);
    }

    /** @return record length. */
    @Benchmark
    public int genericQuote()
    {
        return generic.quote(addOrder, ++sequence, RECEIVE_NANOS, 2_935_700L, 100, 1, 2_935_800L, 300, 2);
    }

    /** @return record length. */
    @Benchmark
    public int genericReferenceData()
    {
        return generic.referenceData(stockDirectory, ++sequence, RECEIVE_NANOS);
    }

    /** @return record length. */
    @Benchmark
    public int genericStatus()
    {
        return generic.status(noii, ++sequence, RECEIVE_NANOS);
    }

    /** @return record length. */
    @Benchmark
    public int genericWriteOnlyOrderEvent()
    {
        return generic.write(RecordSchema.ORDER_EVENT, generic.record(RecordSchema.ORDER_EVENT));
    }

    /** @return record length. */
    @Benchmark
    public int genericWriteOnlyTrade()
    {
        return generic.write(RecordSchema.TRADE, generic.record(RecordSchema.TRADE));
    }

    /** @return record length. */
    @Benchmark
    public int genericWriteOnlyQuote()
    {
        return generic.write(RecordSchema.QUOTE, generic.record(RecordSchema.QUOTE));
    }

    /** @return record length. */
    @Benchmark
    public int genericWriteOnlyReferenceData()
    {
        return generic.write(RecordSchema.REFERENCE_DATA, generic.record(RecordSchema.REFERENCE_DATA));
    }

    /** @return record length. */
    @Benchmark
    public int genericWriteOnlyStatus()
    {
        return generic.write(RecordSchema.STATUS, generic.record(RecordSchema.STATUS));
    }
}
