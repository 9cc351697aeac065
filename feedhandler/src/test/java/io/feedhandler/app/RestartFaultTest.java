package io.feedhandler.app;

import io.feedhandler.Await;
import io.feedhandler.avro.RecordSchema;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.book.ReferenceBooks;
import io.feedhandler.config.Profile;
import io.feedhandler.kafka.OutputVerifier;
import io.feedhandler.kafka.TopicReader;
import io.feedhandler.kafka.Topics;
import io.feedhandler.kafka.broker.BrokerExtension;
import io.feedhandler.pipeline.Checkpoint;
import io.feedhandler.sim.ExchangeSimulator;
import io.feedhandler.sim.LoopbackLines;
import io.feedhandler.sim.MessageStore;
import io.feedhandler.sim.SoupBinTcpServer;
import io.feedhandler.transport.soupbintcp.Credentials;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8's restart "done means": a real {@code feedhandler run} process is killed mid-session
 * (SIGKILL: a crash; SIGTERM: an orderly stop), then started again on the same checkpoint
 * directory and left to finish the session ({@code --exit-at-end-of-session}), over SoupBinTCP
 * and over MoldUDP64 multicast with re-requests (the simulator keeps the whole session).
 *
 * <p>Then what reached Kafka is checked with {@link OutputVerifier}: every sequence number has a
 * record; after SIGTERM there is no duplicate at all; after SIGKILL every duplicate record is a
 * redelivery of a (session, sequence) the first process published after its last checkpoint
 * write: all duplicated sequence numbers lie in (watermark at the kill, last sequence in Kafka at
 * the kill], so there are at most {@code last - watermark} of them (the checkpoint is written
 * every second: about a second of feed plus what was in flight). Counted per sequence number,
 * not per record, since one message may give several records (an execution: order event, trade).
 *
 * <p>The restart rebuilds the order books from the session's first message without publishing
 * again what the checkpoint covers: the quotes topic must hold exactly the quotes of an
 * independent book model ({@link ReferenceBooks}) run over the whole session, a redelivered quote
 * equal to its first copy, and {@code verify} must pass (no per-symbol order violation).
 */
class RestartFaultTest
{
    private static final int MESSAGES = 100_000;
    private static final long RATE = 10_000;
    /**
     * Slower on multicast: the restarted handler must join while the session is still live (it
     * learns the session from a packet; the re-request server then gives it what it missed).
     */
    private static final long MULTICAST_RATE = 5_000;
    private static final MessageStore DAY = MessageStore.generated(17, 50, MESSAGES);
    /** Avro single-object encoding (no registry here): C3 01 and the schema's 8-byte fingerprint. */
    private static final int SINGLE_OBJECT_PREFIX = 10;

    @RegisterExtension
    static final BrokerExtension BROKER = new BrokerExtension();

    @TempDir
    Path state;

    @Test
    void shouldPublishEverySequenceAfterSigkillAndRestartOverSoupBinTcp() throws Exception
    {
        soupBinTcp("soupkill", "SOUPKILL01", true);
    }

    @Test
    void shouldPublishEverySequenceOnceAfterSigtermAndRestartOverSoupBinTcp() throws Exception
    {
        soupBinTcp("soupterm", "SOUPTERM01", false);
    }

    @Test
    void shouldPublishEverySequenceAfterSigkillAndRestartOverMulticastWithReRequests() throws Exception
    {
        multicast("moldkill", "MOLDKILL01", true);
    }

    @Test
    void shouldPublishEverySequenceOnceAfterSigtermAndRestartOverMulticastWithReRequests() throws Exception
    {
        multicast("moldterm", "MOLDTERM01", false);
    }

    private void soupBinTcp(final String exchange, final String session, final boolean kill) throws Exception
    {
        try (SoupBinTcpServer server = new SoupBinTcpServer(new SoupBinTcpServer.Settings(
            new InetSocketAddress("127.0.0.1", 0), session, Credentials.NONE, RATE, 100, 0, 1), DAY).start())
        {
            final Map<String, String> sets = common(exchange);
            sets.put("transport", "soupbintcp");
            sets.put("soupbintcp.port", Integer.toString(server.port()));
            crashAndRecover(sets, session, kill);
        }
    }

    private void multicast(final String exchange, final String session, final boolean kill) throws Exception
    {
        final Map<String, String> sets = LoopbackLines.overrides(common(exchange));
        // The restart's missing range is held while it is re-requested: room for the whole session.
        sets.put("lines.reorder-buffer-messages", Integer.toString(1 << 17));
        final Profile profile = Profile.defaults(sets, Map.of());
        final ExchangeSimulator.Settings settings = ExchangeSimulator.Settings.of(profile, session)
            .with(MULTICAST_RATE, 0.01, 0.01, false, 0, 5).with(20, true, 16);
        try (ExchangeSimulator simulator = new ExchangeSimulator(settings, DAY).start())
        {
            crashAndRecover(sets, session, kill);
            assertTrue(!simulator.requests().isEmpty());
        }
    }

    private Map<String, String> common(final String exchange)
    {
        final Map<String, String> sets = new LinkedHashMap<>();
        sets.put("exchange", exchange);
        sets.put("kafka.bootstrap-servers", BROKER.bootstrapServers());
        sets.put("checkpoint.directory", state.toString());
        sets.put("kafka.topics.partitions", "2");
        return sets;
    }

    private void crashAndRecover(final Map<String, String> sets, final String session, final boolean kill) throws Exception
    {
        final Profile profile = Profile.defaults(sets, Map.of());
        final Checkpoint checkpoint = new Checkpoint(state.resolve(profile.exchange() + ".checkpoint"));
        final Handler first = Handler.start(sets);
        final long watermark;
        final long lastAtStop;
        try
        {
            // Mid-session: well past the start, well before the end.
            Await.until("the checkpoint passed a fifth of the session", Duration.ofSeconds(60), () ->
            {
                try
                {
                    return checkpoint.read().getOrDefault(session, 0L) >= MESSAGES / 5;
                }
                catch (final java.io.IOException ex)
                {
                    return false; // being replaced: read again
                }
            });
            assertTrue(checkpoint.read().getOrDefault(session, 0L) >= MESSAGES / 5, "no progress:\n" + first.output());
            if (kill)
            {
                first.process.destroyForcibly();
            }
            else
            {
                first.process.destroy();
            }
            assertTrue(first.process.waitFor(90, TimeUnit.SECONDS), "did not stop:\n" + first.output());
            if (!kill)
            {
                assertEquals(0, first.process.exitValue(), first.output());
            }
        }
        finally
        {
            first.close();
        }
        watermark = checkpoint.read().get(session);
        final OutputVerifier.SessionReport atStop = verify(profile).sessions().get(session);
        lastAtStop = atStop.last();
        assertTrue(watermark < MESSAGES && lastAtStop < MESSAGES, "stopped mid-session: " + watermark + ", " + lastAtStop);

        final Handler second = Handler.start(sets, "--exit-at-end-of-session");
        try
        {
            assertTrue(second.process.waitFor(120, TimeUnit.SECONDS), "the restart did not finish:\n" + second.output());
            assertEquals(0, second.process.exitValue(), second.output());
            assertTrue(second.output().contains("resuming"), second.output());
            assertTrue(second.output().contains("rebuilt the order books and symbols from " + watermark +
                " messages below the checkpoint; publishing from sequence number " + (watermark + 1)), second.output());
        }
        finally
        {
            second.close();
        }

        final OutputVerifier.Report report = verify(profile);
        final OutputVerifier.SessionReport after = report.sessions().get(session);
        final long records = report.records().entrySet().stream().filter(entry -> !entry.getKey().startsWith("market.dlq"))
            .mapToLong(Map.Entry::getValue).sum();
        System.out.printf("%s %s: checkpoint at stop %d, last in Kafka at stop %d, duplicate records %d of %d sequence " +
                "numbers in %d..%d (bound: %d sequence numbers in %d..%d), records %d%n",
            kill ? "SIGKILL" : "SIGTERM", session, watermark, lastAtStop, after.duplicates(), after.duplicatedSequences(),
            after.firstDuplicate(), after.lastDuplicate(), lastAtStop - watermark, watermark + 1, lastAtStop, records);
        assertEquals(0, report.decodeFailures(), report.decodeFailureExamples().toString());
        // The restart rebuilt the books from the session's start: redelivered quotes are the
        // first ones again (duplicates, not out of order), and the quotes are an uninterrupted session's.
        assertEquals(0, report.orderViolations(), report.orderViolationExamples().toString());
        assertEquals(ReferenceBooks.of(DAY, MESSAGES).quoteLines(), publishedQuotes(profile),
            "the quotes, in sequence order, are the reference model's for the whole session");
        assertTrue(report.passed(), "verify passes");
        assertEquals(1, after.first());
        assertEquals(MESSAGES, after.last());
        assertEquals(MESSAGES, after.present(), "every sequence number has a record");
        assertEquals(0, after.missing());
        assertEquals(0, after.reportedMissing(), "nothing given up: the restart recovered everything");
        if (kill)
        {
            assertTrue(after.duplicatedSequences() <= lastAtStop - watermark,
                "duplicates only after the checkpoint at the kill: " + after.duplicatedSequences() + " > " + (lastAtStop - watermark));
            if (after.duplicates() > 0)
            {
                assertTrue(after.firstDuplicate() > watermark && after.lastDuplicate() <= lastAtStop,
                    "duplicated " + after.firstDuplicate() + ".." + after.lastDuplicate() + ", outside " + (watermark + 1) + ".." +
                        lastAtStop);
            }
        }
        else
        {
            assertEquals(watermark, lastAtStop, "an orderly stop checkpoints everything it published");
            assertEquals(0, after.duplicates(), "no duplicates after SIGTERM");
        }
    }

    /**
     * @return each quote on the quotes topic once, in sequence order, as {@link ReferenceBooks#line}
     *         writes it; a redelivered quote must equal the first copy.
     */
    private static List<String> publishedQuotes(final Profile profile) throws IOException
    {
        final Schema schema = new Schema.Parser().parse(Path.of("..", "schemas", RecordSchema.QUOTE.fileName()).toFile());
        final GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema);
        final Map<Long, String> bySequence = new TreeMap<>();
        final List<String> differing = new ArrayList<>();
        new TopicReader(BROKER.bootstrapServers()).readFromBeginning(
            List.of(Topics.of(profile).topic(RecordSchema.QUOTE.dataType())), record ->
            {
                final byte[] value = record.value();
                final GenericRecord quote;
                try
                {
                    quote = reader.read(null, DecoderFactory.get().binaryDecoder(value, SINGLE_OBJECT_PREFIX,
                        value.length - SINGLE_OBJECT_PREFIX, null));
                }
                catch (final IOException ex)
                {
                    throw new AssertionError("a quote that does not decode at offset " + record.offset(), ex);
                }
                final String line = ReferenceBooks.line(quote);
                final String first = bySequence.putIfAbsent((Long)quote.get("sequence"), line);
                if (first != null && !first.equals(line))
                {
                    differing.add(first + " then " + line);
                }
            });
        assertEquals(List.of(), differing, "a redelivered quote equals the first copy");
        return new ArrayList<>(bySequence.values());
    }

    private static OutputVerifier.Report verify(final Profile profile)
    {
        return new OutputVerifier(BROKER.bootstrapServers(), Duration.ofSeconds(10), Topics.of(profile),
            RecordSchemas.fromClassPath(), null).verify(null);
    }

    /** A {@code feedhandler run} child process and its output. */
    private static final class Handler
    {
        final Process process;
        final StringBuilder output = new StringBuilder();
        final Thread reader;

        private Handler(final Process process, final CountDownLatch up)
        {
            this.process = process;
            this.reader = new Thread(() ->
            {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
                {
                    String line;
                    while ((line = lines.readLine()) != null)
                    {
                        synchronized (output)
                        {
                            output.append(line).append('\n');
                        }
                        if (line.contains("lines up") || line.contains(": connecting ("))
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
            reader.start();
        }

        static Handler start(final Map<String, String> sets, final String... extra) throws Exception
        {
            final List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), FeedHandlerCommand.class.getName(), "run"));
            command.addAll(List.of(extra));
            sets.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
            final CountDownLatch up = new CountDownLatch(1);
            final Handler handler = new Handler(new ProcessBuilder(command).redirectErrorStream(true).start(), up);
            assertTrue(up.await(60, TimeUnit.SECONDS), "run did not come up:\n" + handler.output());
            return handler;
        }

        String output()
        {
            synchronized (output)
            {
                return output.toString();
            }
        }

        void close() throws InterruptedException
        {
            process.destroyForcibly();
            reader.join(5000);
        }
    }
}
