package io.feedhandler.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedhandler.Await;
import io.feedhandler.avro.RecordSchema;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.config.Profile;
import io.feedhandler.kafka.OutputVerifier;
import io.feedhandler.kafka.TopicReader;
import io.feedhandler.kafka.Topics;
import io.feedhandler.kafka.broker.BrokerExtension;
import io.feedhandler.pipeline.Checkpoint;
import io.feedhandler.registry.RegisteredSchema;
import io.feedhandler.registry.RegistryExtension;
import io.feedhandler.registry.SchemaRegistryClient;
import io.feedhandler.registry.SchemaRegistryException;
import io.feedhandler.sim.ExchangeSimulator;
import io.feedhandler.sim.LoopbackLines;
import io.feedhandler.sim.MessageStore;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault injection (the {@code fault-injection} Maven profile): the schema registry dies while a
 * real {@code feedhandler run} process publishes a live MoldUDP64 session. The handler asks the
 * registry only at start ({@code SchemaRollout} looks up or registers each record schema; the ids go
 * into the Confluent framing) and never on the publishing path, so the loss must change nothing:
 * every sequence number published once, every record framed with the id the registry issued at
 * start, no error in the log, a clean stop on SIGTERM.
 *
 * <p>The registry (Apicurio, a child process) is SIGKILLed once the handler's checkpoint shows a
 * tenth of the session acknowledged; the simulator then plays the rest. Whatever has a sequence
 * number above the one the simulator had played when the registry was gone cannot have been
 * received, let alone published, before: those records are the ones checked for the start ids.
 *
 * <p>The audit cannot ask the dead registry for writer schemas by id, as {@code feedhandler verify}
 * does; it asks the live registry for every id it issued right after the handler started, and
 * gives {@link OutputVerifier} that map: a record framed with any other id fails to decode.
 */
class RegistryMidRunFaultTest
{
    private static final int MESSAGES = 150_000;
    /** 15 s of session: most of it plays after the kill, even on a loaded 2-core machine. */
    private static final long RATE = 10_000;
    private static final String SESSION = "REGMIDRUN1";
    private static final MessageStore DAY = MessageStore.generated(29, 50, MESSAGES);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final BrokerExtension BROKER = new BrokerExtension();
    @RegisterExtension
    static final RegistryExtension REGISTRY = new RegistryExtension();

    @TempDir
    Path state;

    @Test
    void shouldPublishEverySequenceOnceWithTheStartSchemaIdsWhenTheRegistryDiesMidRun() throws Exception
    {
        final Map<String, String> sets = LoopbackLines.overrides(Map.of(
            "exchange", "regmid",
            "kafka.bootstrap-servers", BROKER.bootstrapServers(),
            "checkpoint.directory", state.toString(),
            "kafka.topics.partitions", "2",
            "schema-registry.url", REGISTRY.url().toString()));
        final Profile profile = Profile.defaults(sets, Map.of());
        final Topics topics = Topics.of(profile);
        final Checkpoint checkpoint = new Checkpoint(state.resolve("regmid.checkpoint"));

        final Handler handler = Handler.start(sets);
        final Map<RecordSchema, RegisteredSchema> issued;
        final long playedAtKill;
        final long ackedAtKill;
        final int logAtKill;
        try
        {
            // The handler is up, so its schemas are settled: what the registry issued, while it lives.
            issued = issued(topics);
            final ExchangeSimulator.Settings settings = ExchangeSimulator.Settings.of(profile, SESSION)
                .with(RATE, 0, 0, false, 0, 29).with(20, true, 16);
            try (ExchangeSimulator simulator = new ExchangeSimulator(settings, DAY).start())
            {
                Await.until("the handler acknowledged a tenth of the session", Duration.ofSeconds(60),
                    () -> acked(checkpoint) >= MESSAGES / 10);
                // The log is checked from before the kill; the played sequence taken once the registry is gone.
                logAtKill = handler.errorLength();
                REGISTRY.kill();
                playedAtKill = simulator.publishedSequence();
                ackedAtKill = acked(checkpoint);
                try (SchemaRegistryClient client = REGISTRY.client())
                {
                    final int id = issued.get(RecordSchema.ORDER_EVENT).id();
                    final SchemaRegistryException gone = assertThrows(SchemaRegistryException.class, () -> client.schemaById(id));
                    assertTrue(gone.unreachable(), "the registry is gone, not answering: " + gone.getMessage());
                }
                assertTrue(playedAtKill <= MESSAGES / 2,
                    "most of the session plays after the registry is gone: played " + playedAtKill + " of " + MESSAGES);

                Await.until("the handler acknowledged the whole session", Duration.ofSeconds(120),
                    () -> acked(checkpoint) == MESSAGES);
                assertTrue(simulator.dataPackets() > 0);
                handler.terminate();
                assertTrue(handler.process.waitFor(60, TimeUnit.SECONDS), "run did not stop after SIGTERM:\n" + handler.output());
            }
        }
        finally
        {
            handler.close();
        }
        assertEquals(0, handler.process.exitValue(), handler.output());
        assertEquals(MESSAGES, checkpoint.read().get(SESSION), "the stop checkpoints the whole session");
        final List<String> logAfterKill = handler.errorLines(logAtKill);
        logAfterKill.forEach(line -> System.out.println("run's log after the registry was killed: " + line));
        // The log after the kill is read to the end: the orderly stop's last line is in it.
        assertTrue(logAfterKill.stream().anyMatch(line -> line.contains("stopped: checkpoint written, exit status 0")),
            handler.output());
        assertLogClean(logAfterKill);
        final String summary = handler.standardOutput();
        assertTrue(summary.contains("every record acknowledged") && summary.contains("delivery failures 0,"), summary);
        assertFalse(summary.contains("WARNING"), summary);

        final Map<Integer, Schema> writers = new HashMap<>();
        issued.values().forEach(schema -> writers.put(schema.id(), new Schema.Parser().parse(schema.schema())));
        final OutputVerifier.Report report = new OutputVerifier(BROKER.bootstrapServers(), Duration.ofSeconds(30), topics,
            RecordSchemas.fromClassPath(), writers::get).verify(null);
        assertEquals(Set.of(SESSION), report.sessions().keySet());
        final OutputVerifier.SessionReport session = report.sessions().get(SESSION);
        final Framing framing = framing(topics, issued, writers, playedAtKill);
        System.out.printf(Locale.ROOT, "registry mid-run: expected %d / present %d / duplicates %d / reported as gap %d " +
                "(missing %d, dead-lettered %d, decode failures %d, order violations %d); registry killed with %d played, " +
                "%d acknowledged; ids issued at start %s; records after the kill by kind %s, their ids %s; " +
                "records on the topics %s; %d log lines after the kill%n",
            MESSAGES, session.present(), session.duplicates(), session.reportedMissing(), session.missing(),
            session.deadLettered(), report.decodeFailures(), report.orderViolations(), playedAtKill, ackedAtKill,
            ids(issued), framing.afterKill, framing.idsAfterKill, report.records(), logAfterKill.size());

        assertEquals(0, report.decodeFailures(), "every record decodes against a schema the registry issued before it died: " +
            report.decodeFailureExamples());
        assertEquals(1, session.first());
        assertEquals(MESSAGES, session.last());
        assertEquals(MESSAGES, session.present(), "every sequence number has a record");
        assertEquals(0, session.missing(), () -> "missing: " + session.missingRanges());
        assertEquals(Map.of(), session.reportedGaps(), "nothing given up");
        assertEquals(0, session.deadLettered());
        assertEquals(0, session.duplicates(), "nothing published twice");
        assertEquals(0, report.orderViolations(), () -> report.orderViolationExamples().toString());
        assertTrue(report.passed());

        assertEquals(List.of(), framing.problems, "every record Confluent-framed with its kind's id and schema header");
        for (final RecordSchema kind : List.of(RecordSchema.ORDER_EVENT, RecordSchema.TRADE, RecordSchema.QUOTE))
        {
            assertTrue(framing.afterKill.getOrDefault(kind, 0L) > 0, kind + " records published after the kill: " + framing.afterKill);
        }
        framing.idsAfterKill.forEach((kind, ids) -> assertEquals(Set.of(issued.get(kind).id()), ids,
            kind + ": after the kill, the id issued at start and no other"));
    }

    /** Asks the live registry what it issued for each record kind, the schema text by id as a consumer would. */
    private static Map<RecordSchema, RegisteredSchema> issued(final Topics topics) throws SchemaRegistryException
    {
        final Map<RecordSchema, RegisteredSchema> issued = new EnumMap<>(RecordSchema.class);
        try (SchemaRegistryClient client = REGISTRY.client())
        {
            for (final RecordSchema kind : RecordSchema.values())
            {
                final String subject = topics.valueSubject(kind.dataType());
                assertEquals(List.of(1), client.versions(subject), subject + ": registered once, at the handler's start");
                final RegisteredSchema latest = client.latest(subject).orElseThrow();
                final String text = client.schemaById(latest.id()).orElseThrow(() -> new AssertionError("no schema " + latest.id()));
                issued.put(kind, new RegisteredSchema(subject, latest.id(), latest.version(), text));
            }
        }
        return issued;
    }

    /** What the records' framing says, read back record by record. */
    private static final class Framing
    {
        final Map<RecordSchema, Long> afterKill = new EnumMap<>(RecordSchema.class);
        final Map<RecordSchema, Set<Integer>> idsAfterKill = new EnumMap<>(RecordSchema.class);
        final List<String> problems = new ArrayList<>();
    }

    private static Framing framing(final Topics topics, final Map<RecordSchema, RegisteredSchema> issued,
        final Map<Integer, Schema> writers, final long playedAtKill)
    {
        final Framing framing = new Framing();
        final Map<String, RecordSchema> kindByTopic = new HashMap<>();
        for (final RecordSchema kind : RecordSchema.values())
        {
            kindByTopic.put(topics.topic(kind.dataType()), kind);
        }
        new TopicReader(BROKER.bootstrapServers(), Duration.ofSeconds(30)).readFromBeginning(List.copyOf(kindByTopic.keySet()), record ->
        {
            final RecordSchema kind = kindByTopic.get(record.topic());
            final String where = record.topic() + "-" + record.partition() + "@" + record.offset();
            final byte[] value = record.value();
            if (value.length < 5 || value[0] != 0)
            {
                problem(framing, where + ": not Confluent-framed (first byte " + (value.length == 0 ? "none" : value[0]) + ")");
                return;
            }
            final int id = ByteBuffer.wrap(value, 1, 4).getInt();
            final RegisteredSchema expected = issued.get(kind);
            final String header = header(record, "schema");
            final String expectedHeader = kind.fullName() + ";version=" + expected.version() + ";id=" + expected.id();
            if (id != expected.id() || !expectedHeader.equals(header))
            {
                problem(framing, where + ": id " + id + ", schema header " + header + "; issued " + expectedHeader);
            }
            final long sequence;
            try
            {
                // With the schema issued for the kind, whatever the prefix says: a wrong id is counted, not skipped.
                final Schema writer = writers.get(expected.id());
                final GenericRecord decoded = new GenericDatumReader<GenericRecord>(writer).read(null,
                    DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
                sequence = (Long)decoded.get("sequence");
            }
            catch (final IOException | RuntimeException ex)
            {
                problem(framing, where + ": does not decode: " + ex.getMessage());
                return;
            }
            if (sequence > playedAtKill)
            {
                framing.afterKill.merge(kind, 1L, Long::sum);
                framing.idsAfterKill.computeIfAbsent(kind, k -> new TreeSet<>()).add(id);
            }
        });
        return framing;
    }

    private static void problem(final Framing framing, final String problem)
    {
        if (framing.problems.size() < 10)
        {
            framing.problems.add(problem);
        }
    }

    private static String header(final ConsumerRecord<byte[], byte[]> record, final String name)
    {
        final Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * After the kill: every stderr line is one JSON log event (no stray stack trace), none at ERROR
     * or FATAL, none carrying an exception, none about the registry or the schemas.
     */
    private static void assertLogClean(final List<String> lines)
    {
        for (final String line : lines)
        {
            final JsonNode event;
            try
            {
                event = JSON.readTree(line);
            }
            catch (final IOException ex)
            {
                throw new AssertionError("not a JSON log event after the registry was killed: " + line, ex);
            }
            final String level = event.path("log.level").asText();
            assertFalse(level.equals("ERROR") || level.equals("FATAL"), "logged after the registry was killed: " + line);
            assertFalse(event.has("error.type") || event.has("error.stack_trace") || line.contains("Exception"),
                "an exception after the registry was killed: " + line);
            final String message = event.path("message").asText().toLowerCase(Locale.ROOT);
            assertFalse(message.contains("registry") || message.contains("schema"),
                "the registry is not the handler's concern after start: " + line);
        }
    }

    private static Map<RecordSchema, Integer> ids(final Map<RecordSchema, RegisteredSchema> issued)
    {
        final Map<RecordSchema, Integer> ids = new TreeMap<>();
        issued.forEach((kind, schema) -> ids.put(kind, schema.id()));
        return ids;
    }

    private static long acked(final Checkpoint checkpoint)
    {
        try
        {
            return checkpoint.read().getOrDefault(SESSION, 0L);
        }
        catch (final IOException ex)
        {
            return 0; // not written yet, or being replaced: read again
        }
    }

    /** A {@code feedhandler run} child process: its stdout (the summary) and stderr (the JSON log), each line by line. */
    private static final class Handler
    {
        final Process process;
        private final List<String> out = new ArrayList<>();
        private final List<String> err = new ArrayList<>();
        private final Thread outReader;
        private final Thread errReader;

        private Handler(final Process process, final CountDownLatch up)
        {
            this.process = process;
            this.outReader = reader(process.getInputStream(), out, null);
            this.errReader = reader(process.getErrorStream(), err, up);
        }

        static Handler start(final Map<String, String> sets) throws Exception
        {
            final List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), FeedHandlerCommand.class.getName(), "run"));
            sets.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
            final CountDownLatch up = new CountDownLatch(1);
            final Handler handler = new Handler(new ProcessBuilder(command).start(), up);
            assertTrue(up.await(60, TimeUnit.SECONDS), "run did not come up:\n" + handler.output());
            return handler;
        }

        private static Thread reader(final InputStream stream, final List<String> into, final CountDownLatch up)
        {
            final Thread thread = new Thread(() ->
            {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)))
                {
                    String line;
                    while ((line = lines.readLine()) != null)
                    {
                        synchronized (into)
                        {
                            into.add(line);
                        }
                        if (up != null && line.contains("lines up"))
                        {
                            up.countDown();
                        }
                    }
                }
                catch (final IOException ex)
                {
                    // the process ended
                }
            });
            thread.start();
            return thread;
        }

        /**
         * SIGTERM through the process handle: {@link Process#destroy()} would close our ends of its
         * stdout and stderr, losing what it writes while it stops (the drain, the summary).
         */
        void terminate()
        {
            process.toHandle().destroy();
        }

        /** @return stderr lines so far. */
        int errorLength()
        {
            synchronized (err)
            {
                return err.size();
            }
        }

        /** @return stderr lines from the {@code from}-th on. */
        List<String> errorLines(final int from)
        {
            synchronized (err)
            {
                return List.copyOf(err.subList(from, err.size()));
            }
        }

        String standardOutput()
        {
            synchronized (out)
            {
                return String.join("\n", out);
            }
        }

        String output()
        {
            final Map<String, List<String>> both = new LinkedHashMap<>();
            synchronized (out)
            {
                both.put("stdout", List.copyOf(out));
            }
            synchronized (err)
            {
                both.put("stderr", List.copyOf(err));
            }
            final StringBuilder text = new StringBuilder();
            both.forEach((name, lines) -> text.append(name).append(":\n").append(String.join("\n", lines)).append('\n'));
            return text.toString();
        }

        /** Kills the process if it still runs, then reads what it wrote to the end. */
        void close() throws InterruptedException
        {
            process.toHandle().destroyForcibly();
            outReader.join(10_000);
            errReader.join(10_000);
            process.destroyForcibly();
        }
    }
}
