package io.feedhandler.pipeline;

import io.feedhandler.Await;
import io.feedhandler.app.FeedHandlerCommand;
import io.feedhandler.avro.RecordSchema;
import io.feedhandler.config.Profile;
import io.feedhandler.book.ReferenceBooks;
import io.feedhandler.itch50.ItchMessageDispatcher;
import io.feedhandler.itch50.ItchMessageType;
import io.feedhandler.kafka.TopicAudit;
import io.feedhandler.kafka.Topics;
import io.feedhandler.kafka.broker.BrokerExtension;
import io.feedhandler.sim.ExchangeSimulator;
import io.feedhandler.sim.LoopbackLines;
import io.feedhandler.sim.MessageStore;
import io.feedhandler.transport.moldudp64.LineArbiter;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7's "done means", end to end: the simulator on real loopback multicast with a real UDP
 * re-request server, the handler's lines, the pipeline and a real (in-process KRaft) broker; the
 * topics read back and compared with the input: the (session, sequence) set of every topic, and
 * the record counts against the input's own message counts.
 */
class LiveLinesIntegrationTest
{
    private static final AtomicInteger EXCHANGES = new AtomicInteger();
    private static final MessageStore DAY = MessageStore.generated(11, 100, 30_000);
    private static final String ORDER_TYPES = "AFECXDU";
    private static final String TRADE_TYPES = "PQ";
    private static final String STATUS_TYPES = "SHYLVWKJhINOB";

    @RegisterExtension
    static final BrokerExtension BROKER = new BrokerExtension();

    @TempDir
    Path state;

    @Test
    void shouldPublishExactlyTheInputWithoutAnyRequestWhenTheLinesTogetherCarryEverything() throws Exception
    {
        final Profile profile = profile(Map.of("retransmission.request-delay-ms", "500"));
        final LiveJob job = new LiveJob(profile);
        job.start();
        final ExchangeSimulator simulator = simulate(profile, 0.25, 0.25, true, 0.02, true);
        final ReplaySummary summary = awaitEndAndStop(job, simulator);

        assertTrue(summary.complete(), summary.render());
        assertEquals(List.of(), simulator.requests(), "no re-request: line B had all line A lost, and the other way round");
        assertTrue(simulator.dropped(0) > 0 && simulator.dropped(1) > 0);
        final Map<RecordSchema, TreeSet<Long>> published = published(profile, job.wirePrefixLength(), simulator, new ArrayList<>());
        assertEquals(expected(List.of()), published);
        assertEquals(0, job.lineCounters().requests.sum());
        assertEquals(0, summary.counters().gaps.sum());
        assertEquals(Map.of(session(simulator), (long)DAY.count()), summary.watermarks());
    }

    @Test
    void shouldRequestRecoverAndPublishExactlyTheInputWhenLossHitsBothLinesThroughTheRunCommand() throws Exception
    {
        final Map<String, String> sets = overrides(Map.of());
        final Profile profile = Profile.defaults(sets, Map.of());
        final List<String> args = new ArrayList<>(List.of("run", "--exit-at-end-of-session", "--drain-timeout", "PT30S"));
        sets.forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() ->
            FeedHandlerCommand.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new)));
        // The run joins its lines before the simulator plays; lines.first-sequence = 1 makes it ask
        // for what both lines lose, which is what this test is about.
        Await.until("run joined line A", Duration.ofSeconds(60), () -> Await.joinedOnLoopback(profile.lines().a().group()));
        final ExchangeSimulator simulator = simulate(profile, 0.1, 0.1, false, 0.02, true);
        final int exit = run.get(60, TimeUnit.SECONDS);
        simulator.close();

        assertEquals(0, exit, out + "\n" + err);
        assertTrue(!simulator.requests().isEmpty(), out.toString());
        final Map<RecordSchema, TreeSet<Long>> published = published(profile, 10, simulator, new ArrayList<>());
        assertEquals(expected(List.of()), published, out.toString());
        assertTrue(out.toString().contains("given up 0 (0 messages)"), out.toString());
    }

    @Test
    void shouldReportEachRangeNeverAnsweredExactlyOnceAsAGapRecordAndKeepGoing() throws Exception
    {
        final Profile profile = profile(Map.of("retransmission.timeout-ms", "5", "retransmission.retries", "2"));
        final LiveJob job = new LiveJob(profile);
        job.start();
        final ExchangeSimulator simulator = simulate(profile, 0.05, 0.05, false, 0, false);
        final ReplaySummary summary = awaitEndAndStop(job, simulator);

        assertTrue(summary.complete(), summary.render());
        final List<long[]> gaps = new ArrayList<>();
        final Map<RecordSchema, TreeSet<Long>> published = published(profile, job.wirePrefixLength(), simulator, gaps);
        assertTrue(!gaps.isEmpty(), "both lines lost something: " + summary.render());
        long previousTo = 0;
        for (final long[] gap : gaps)
        {
            assertTrue(gap[0] > previousTo, "gap records in order, none twice, none overlapping");
            previousTo = gap[1];
        }
        assertPublishedWithGaps(gaps, published);
        assertEquals(job.lineCounters().gapsGivenUp.sum(), gaps.size());
        assertEquals(gaps.size(), summary.counters().gaps.sum());
        assertEquals(Map.of(session(simulator), (long)DAY.count()), summary.watermarks(), "the watermark passes the gaps");
    }

    private Profile profile(final Map<String, String> extra) throws Exception
    {
        return Profile.defaults(overrides(extra), Map.of());
    }

    private Map<String, String> overrides(final Map<String, String> extra)
    {
        final Map<String, String> sets = new LinkedHashMap<>(Map.of(
            "exchange", "lines" + EXCHANGES.incrementAndGet(),
            "kafka.bootstrap-servers", BROKER.bootstrapServers(),
            "checkpoint.directory", state.toString(),
            "pipeline.ring-size", "4096",
            "kafka.topics.partitions", "4"));
        sets.putAll(extra);
        return LoopbackLines.overrides(sets);
    }

    private static ExchangeSimulator simulate(final Profile profile, final double lossA, final double lossB,
        final boolean exclusive, final double reorder, final boolean answer) throws IOException
    {
        final ExchangeSimulator.Settings settings = ExchangeSimulator.Settings.of(profile, "L" + System.nanoTime() % 1_000_000_000L)
            .with(100_000, lossA, lossB, exclusive, reorder, 7).with(20, answer, 16);
        return new ExchangeSimulator(settings, DAY).start();
    }

    private static ReplaySummary awaitEndAndStop(final LiveJob job, final ExchangeSimulator simulator) throws Exception
    {
        try (simulator)
        {
            assertTrue(simulator.awaitFinished(30, TimeUnit.SECONDS), "the simulator did not finish");
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Await.until("wait while: !job.sessionEnded()", Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), () -> !(!job.sessionEnded()));
            assertTrue(job.lineCounters().packets[LineArbiter.LINE_A].sum() + job.lineCounters().packets[LineArbiter.LINE_B].sum() > 0,
                "no multicast packet arrived on loopback (simulator sends via lo, lines join on lo): is lo up?");
            assertTrue(job.sessionEnded(), "end of session not reached");
            return job.stop(Duration.ofSeconds(30));
        }
    }

    private static String session(final ExchangeSimulator simulator)
    {
        return new String(simulator.session()).strip();
    }

    /**
     * The sequence numbers each topic must hold: one order event, trade (P, Q), reference data or
     * status record per input message, plus the trades from executions and the quotes an
     * independent book model (ReferenceBooks, written from the ITCH rules) finds in the day, less
     * the gaps. With gaps the books miss messages, so their trades and quotes are only checked to
     * come from order messages outside the gaps (the transport is under test here; the books are
     * checked message by message in RealSampleBookTest and GeneratedDayBookTest).
     */
    private static Map<RecordSchema, TreeSet<Long>> expected(final List<long[]> gaps)
    {
        final Map<RecordSchema, TreeSet<Long>> expected = new EnumMap<>(RecordSchema.class);
        for (final RecordSchema kind : RecordSchema.values())
        {
            expected.put(kind, new TreeSet<>());
        }
        final ReferenceBooks books = new ReferenceBooks(true);
        final ItchMessageDispatcher dispatcher = new ItchMessageDispatcher(books);
        for (long s = 1; s <= DAY.count(); s++)
        {
            final long sequence = s;
            books.next(s);
            dispatcher.dispatch(DAY.buffer(), DAY.offset(s), DAY.length(s));
            if (inGap(gaps, sequence))
            {
                continue;
            }
            final String type = ItchMessageType.describe(DAY.bytes()[DAY.offset(s)]);
            final RecordSchema kind = ORDER_TYPES.contains(type) ? RecordSchema.ORDER_EVENT :
                TRADE_TYPES.contains(type) ? RecordSchema.TRADE :
                STATUS_TYPES.contains(type) ? RecordSchema.STATUS : RecordSchema.REFERENCE_DATA;
            expected.get(kind).add(s);
        }
        if (gaps.isEmpty())
        {
            expected.get(RecordSchema.TRADE).addAll(books.executionTradeSequences);
            books.quotes.forEach(quote -> expected.get(RecordSchema.QUOTE).add(quote.sequence()));
        }
        for (final long[] gap : gaps)
        {
            expected.get(RecordSchema.STATUS).add(-gap[0]);
        }
        return expected;
    }

    /**
     * With gaps: trades and quotes only from order messages outside the gaps; the rest exact.
     *
     * @param gaps      the given-up ranges.
     * @param published what the topics hold.
     */
    private static void assertPublishedWithGaps(final List<long[]> gaps, final Map<RecordSchema, TreeSet<Long>> published)
    {
        final Map<RecordSchema, TreeSet<Long>> expected = expected(gaps);
        for (final RecordSchema kind : List.of(RecordSchema.ORDER_EVENT, RecordSchema.REFERENCE_DATA, RecordSchema.STATUS))
        {
            assertEquals(expected.get(kind), published.get(kind), kind + ": everything but the gaps, once");
        }
        assertTrue(published.get(RecordSchema.TRADE).containsAll(expected.get(RecordSchema.TRADE)), "every P and Q trade");
        for (final long sequence : published.get(RecordSchema.TRADE))
        {
            final String type = ItchMessageType.describe(DAY.bytes()[DAY.offset(sequence)]);
            assertTrue(!inGap(gaps, sequence) && "PQEC".contains(type), "trade from " + type + " at " + sequence);
        }
        for (final long sequence : published.get(RecordSchema.QUOTE))
        {
            final String type = ItchMessageType.describe(DAY.bytes()[DAY.offset(sequence)]);
            assertTrue(!inGap(gaps, sequence) && ORDER_TYPES.contains(type), "quote from " + type + " at " + sequence);
        }
    }

    private static boolean inGap(final List<long[]> gaps, final long sequence)
    {
        return gaps.stream().anyMatch(gap -> sequence >= gap[0] && sequence <= gap[1]);
    }

    /**
     * Every topic read back: its sequence numbers (one session, no duplicates, record count equal
     * to the set's size); GAP status records go into {@code gaps} and into the status set negated.
     */
    private static Map<RecordSchema, TreeSet<Long>> published(final Profile profile, final int prefix,
        final ExchangeSimulator simulator, final List<long[]> gaps) throws IOException
    {
        final Topics topics = Topics.of(profile);
        final TopicAudit audit = new TopicAudit(BROKER.bootstrapServers(), prefix);
        final Schema status = new Schema.Parser().parse(Path.of("..", "schemas", RecordSchema.STATUS.fileName()).toFile());
        final GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(status);
        final Map<RecordSchema, TreeSet<Long>> published = new EnumMap<>(RecordSchema.class);
        for (final RecordSchema kind : RecordSchema.values())
        {
            final TreeSet<Long> sequences = new TreeSet<>();
            final TopicAudit.TopicReport report = audit.audit(topics.topic(kind.dataType()), profile.exchange(), record ->
            {
                if (kind != RecordSchema.STATUS)
                {
                    return;
                }
                try
                {
                    final GenericRecord decoded = reader.read(null, DecoderFactory.get().binaryDecoder(
                        record.value(), prefix, record.value().length - prefix, null));
                    if ("GAP".equals(decoded.get("statusType").toString()))
                    {
                        gaps.add(new long[] {(Long)decoded.get("gapFrom"), (Long)decoded.get("gapTo")});
                    }
                }
                catch (final IOException ex)
                {
                    throw new AssertionError("status record does not decode", ex);
                }
            });
            assertEquals(0, report.duplicates, "duplicates on " + report.topic);
            assertEquals(0, report.wrongKeys, "keys on " + report.topic);
            assertEquals(0, report.outOfOrder, "per-symbol order on " + report.topic);
            assertTrue(report.sequences.keySet().stream().allMatch(session(simulator)::equals), report.sequences.keySet().toString());
            for (final List<Long> list : report.sequences.values())
            {
                sequences.addAll(list);
            }
            assertEquals(report.records, sequences.size(), "records on " + report.topic + " are distinct sequence numbers");
            published.put(kind, sequences);
        }
        gaps.sort((a, b) -> Long.compare(a[0], b[0]));
        for (final long[] gap : gaps)
        {
            published.get(RecordSchema.STATUS).remove(gap[0]);
            published.get(RecordSchema.STATUS).add(-gap[0]);
        }
        return published;
    }
}
