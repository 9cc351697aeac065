package io.feedhandler.pipeline;

import com.typesafe.config.Config;
import io.feedhandler.TestData;
import io.feedhandler.avro.RecordSchema;
import io.feedhandler.book.ReferenceBooks;
import io.feedhandler.config.Profile;
import io.feedhandler.kafka.TopicAudit;
import io.feedhandler.kafka.Topics;
import io.feedhandler.kafka.broker.BrokerExtension;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline end to end against a real (in-process KRaft) broker: real samples replayed, topics
 * read back, counts checked against the manifest's per-type counts (trades: P and Q, plus the E
 * and C executions and the quotes that {@link ReferenceBooks}, an independent model, works out
 * from the same file), every record decoded with the plain Avro reader against its .avsc, keys,
 * partitions and per-symbol order checked.
 */
class ReplayIntegrationTest
{
    private static final AtomicInteger EXCHANGES = new AtomicInteger();
    private static final String ORDER_TYPES = "AFECXDU";
    private static final String TRADE_TYPES = "PQ";
    private static final String STATUS_TYPES = "SHYLVWKJhINOB";

    @RegisterExtension
    static final BrokerExtension BROKER = new BrokerExtension();

    @TempDir
    Path state;


    @Test
    void shouldPublishOneRecordPerMessageOfTheRealNasdaqSampleOnTheRightTopics() throws Exception
    {
        final String file = "itch50/nasdaq-12302019-snippet.itch50";
        final Replayed replayed = replay(file);

        assertTrue(replayed.summary.complete(), replayed.summary.render());
        assertCounts(TestData.manifestEntry(file), replayed, 0, ReferenceBooks.of(TestData.path(file)));
        assertEquals(Map.of("nasdaq-12302019-snippet", 1000L), replayed.summary.watermarks());
        assertTrue(Files.readString(state.resolve(replayed.exchange + ".checkpoint")).contains("nasdaq-12302019-snippet=1000"));
    }

    @Test
    void shouldPublishReferenceDataAndStatusOfTheDirectorySample() throws Exception
    {
        final String file = "itch50/bekele-sample.itch50";
        final Replayed replayed = replay(file);

        assertTrue(replayed.summary.complete(), replayed.summary.render());
        assertCounts(TestData.manifestEntry(file), replayed, 0, ReferenceBooks.of(TestData.path(file)));
        assertEquals(993, replayed.reports.get(RecordSchema.REFERENCE_DATA).keys.size());
    }

    @Test
    void shouldPublishAGapStatusRecordForTheGapInARealCapture() throws Exception
    {
        final String file = "pcap/nasdaq-itch50-moldudp64/Nasdaq.Equities.TotalView.Itch.v5.0/Multiple.Packets.pcap";
        final Replayed replayed = replay(file);

        assertCounts(TestData.manifestEntry(file), replayed, 1, ReferenceBooks.of(TestData.path(file)));
        final List<GenericRecord> status = replayed.decoded.get(RecordSchema.STATUS);
        assertEquals("GAP", status.get(0).get("statusType").toString());
        assertEquals(14764497L, status.get(0).get("gapFrom"));
        assertEquals(19009116L, status.get(0).get("gapTo"));
        assertEquals(Map.of("000010059B", 19009154L), replayed.summary.watermarks());
    }

    @Test
    void shouldSendWhatIsBeforeADefectAndTheDefectToTheDeadLetterTopic() throws Exception
    {
        final String file = "itch50/fasanello-sample-truncated.itch50";
        final Replayed replayed = replay(file);

        assertCounts(TestData.manifestEntry(file), replayed, 0, ReferenceBooks.of(TestData.path(file)));
        assertEquals(1, replayed.deadLetters.size());
        final ConsumerRecord<byte[], byte[]> dead = replayed.deadLetters.get(0);
        assertEquals("4081", header(dead, "source.offset"));
        assertTrue(header(dead, "reason").contains("cut off"), header(dead, "reason"));
        assertEquals("fasanello-sample-truncated.itch50", header(dead, "source"));
    }

    @Test
    void shouldPublishTheQuotesAndExecutionTradesOfTheReferenceModelForTheRealSnippet() throws Exception
    {
        final String file = "itch50/nasdaq-12302019-snippet.itch50";
        final Replayed replayed = replay(file);
        final ReferenceBooks reference = ReferenceBooks.of(TestData.path(file));

        final List<String> expected = reference.quoteLines();
        final List<String> published = new ArrayList<>();
        for (final GenericRecord quote : replayed.decoded.get(RecordSchema.QUOTE))
        {
            published.add(ReferenceBooks.line(quote));
        }
        published.sort(java.util.Comparator.comparingLong(line -> Long.parseLong(line.substring(0, line.indexOf(' ')))));
        assertEquals(expected, published, "quotes, in sequence order");
        final long executions = replayed.decoded.get(RecordSchema.TRADE).stream()
            .filter(trade -> trade.get("source").toString().startsWith("EXECUTION")).count();
        assertEquals(reference.executionTrades, executions);
        final long nonPrintable = replayed.decoded.get(RecordSchema.TRADE).stream()
            .filter(trade -> !(Boolean)trade.get("printable")).count();
        assertEquals(reference.executionTrades - reference.printableExecutionTrades, nonPrintable);
    }

    private static void assertCounts(final Config manifest, final Replayed replayed, final int gaps,
        final ReferenceBooks books)
    {
        final Map<String, Long> types = TestData.types(manifest);
        final Map<RecordSchema, Long> expected = new EnumMap<>(RecordSchema.class);
        for (final RecordSchema kind : RecordSchema.values())
        {
            expected.put(kind, 0L);
        }
        types.forEach((type, count) ->
        {
            final RecordSchema kind = ORDER_TYPES.contains(type) ? RecordSchema.ORDER_EVENT :
                TRADE_TYPES.contains(type) ? RecordSchema.TRADE :
                STATUS_TYPES.contains(type) ? RecordSchema.STATUS : RecordSchema.REFERENCE_DATA;
            expected.merge(kind, count, Long::sum);
        });
        expected.merge(RecordSchema.STATUS, (long)gaps, Long::sum);
        expected.merge(RecordSchema.TRADE, books.executionTrades, Long::sum);
        expected.merge(RecordSchema.QUOTE, (long)books.quotes.size(), Long::sum);
        for (final RecordSchema kind : RecordSchema.values())
        {
            final TopicAudit.TopicReport report = replayed.reports.get(kind);
            assertEquals(expected.get(kind), report.records, kind + " records on " + report.topic);
            assertEquals(report.records, replayed.decoded.get(kind).size(), "decoded " + kind);
            assertEquals(0, report.wrongKeys, "keys on " + report.topic);
            assertEquals(0, report.wrongPartitions, "partitions on " + report.topic);
            assertEquals(0, report.outOfOrder, "per-symbol order on " + report.topic);
            assertEquals(0, report.duplicates, "duplicates on " + report.topic);
        }
    }

    private Replayed replay(final String file) throws Exception
    {
        final String exchange = "test" + EXCHANGES.incrementAndGet();
        final Profile profile = Profile.defaults(Map.of(
            "exchange", exchange,
            "kafka.bootstrap-servers", BROKER.bootstrapServers(),
            "checkpoint.directory", state.toString(),
            "pipeline.ring-size", "1024",
            "kafka.topics.partitions", "4"), Map.of());
        final ReplayJob job = new ReplayJob(profile);
        final ReplaySummary summary = job.replay(TestData.path(file), 0, null, Duration.ofSeconds(60));
        final TopicAudit audit = new TopicAudit(BROKER.bootstrapServers(), job.wirePrefixLength());
        final Replayed replayed = new Replayed(exchange, summary);
        for (final RecordSchema kind : RecordSchema.values())
        {
            final Schema schema = schema(kind);
            final GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema);
            final List<GenericRecord> decoded = new ArrayList<>();
            replayed.reports.put(kind, audit.audit(job.topics().topic(kind.dataType()), exchange, record ->
            {
                try
                {
                    final byte[] value = record.value();
                    decoded.add(reader.read(null, DecoderFactory.get().binaryDecoder(
                        value, job.wirePrefixLength(), value.length - job.wirePrefixLength(), null)));
                }
                catch (final IOException ex)
                {
                    throw new AssertionError(kind + " record does not decode against schemas/" + kind.fileName(), ex);
                }
            }));
            replayed.decoded.put(kind, decoded);
        }
        new TopicAudit(BROKER.bootstrapServers(), TopicAudit.RAW)
            .audit(new Topics(profile.assetClass(), exchange).dlq(), exchange, replayed.deadLetters::add);
        return replayed;
    }

    private static Schema schema(final RecordSchema kind) throws IOException
    {
        final Path file = Path.of("..", "schemas", kind.fileName());
        assertTrue(Files.isRegularFile(file), "schema file missing: " + file.toAbsolutePath());
        return new Schema.Parser().parse(file.toFile());
    }

    private static String header(final ConsumerRecord<byte[], byte[]> record, final String name)
    {
        final Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static final class Replayed
    {
        final String exchange;
        final ReplaySummary summary;
        final Map<RecordSchema, TopicAudit.TopicReport> reports = new EnumMap<>(RecordSchema.class);
        final Map<RecordSchema, List<GenericRecord>> decoded = new EnumMap<>(RecordSchema.class);
        final List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();

        Replayed(final String exchange, final ReplaySummary summary)
        {
            this.exchange = exchange;
            this.summary = summary;
        }
    }
}
