package io.feedhandler.pipeline;

import io.feedhandler.Await;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.config.Profile;
import io.feedhandler.kafka.OutputVerifier;
import io.feedhandler.kafka.TopicReader;
import io.feedhandler.kafka.Topics;
import io.feedhandler.kafka.broker.BrokerExtension;
import io.feedhandler.sim.ExchangeSimulator;
import io.feedhandler.sim.LoopbackLines;
import io.feedhandler.sim.MessageStore;
import io.feedhandler.transport.moldudp64.LineArbiter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault injection (the {@code fault-injection} Maven profile), live lines: seeded garbage datagrams
 * on line A between the real packets (too short for a header; this session's header with a block
 * running past the end; the same over 128 bytes long). Each goes to the DLQ topic with its raw
 * bytes (the first 128 and its original length when longer), a reason naming line A and its
 * position on the line; the stream around them is intact (the output audit passes, nothing
 * missing, no duplicate, no gap).
 *
 * <p>Then malformed messages inside well-formed packets, mixed with the garbage datagrams: a copy
 * of the session with one message in about 400 corrupted (seeded: an unknown type byte, cut short,
 * or longer than its type), the same bytes on both lines and from the re-request server. Each
 * corrupted message reaches the DLQ under its own session and sequence number with its exact raw
 * bytes and a reason, and {@code verify} counts it as accounted for; every other sequence number
 * has its records.
 */
class MalformedDatagramFaultTest
{
    private static final MessageStore DAY = MessageStore.generated(17, 100, 20_000);

    @RegisterExtension
    static final BrokerExtension BROKER = new BrokerExtension();

    @TempDir
    Path state;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void shouldSendEveryMalformedDatagramToTheDlqWithItsReasonAndKeepTheStreamIntact() throws Exception
    {
        final Played played = play("garbage", DAY, 25);
        final Profile profile = played.profile;
        final LiveJob job = played.job;
        final ExchangeSimulator simulator = played.simulator;
        final ReplaySummary summary = played.summary;

        final long injected = simulator.garbageSent();
        final Topics topics = Topics.of(profile);
        final OutputVerifier.Report report = new OutputVerifier(BROKER.bootstrapServers(), Duration.ofSeconds(30),
            topics, RecordSchemas.fromClassPath(), null).verify(null);
        final String session = new String(simulator.session()).strip();
        final OutputVerifier.SessionReport s = report.sessions().get(session);
        final List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        new TopicReader(BROKER.bootstrapServers(), Duration.ofSeconds(30)).readFromBeginning(List.of(topics.dlq()), dead::add);
        long cut = 0;
        for (final ConsumerRecord<byte[], byte[]> record : dead)
        {
            final String reason = header(record, "reason");
            assertNotNull(reason, "every DLQ record has a reason");
            assertTrue(reason.startsWith("malformed MoldUDP64 datagram on line A: "), reason);
            assertTrue(Long.parseLong(header(record, "source.offset")) >= 1, "the datagram's position on line A");
            final String original = header(record, "original.length");
            if (original != null)
            {
                cut++;
                assertEquals(FeedEvent.PAYLOAD_CAPACITY, record.value().length, "kept the first bytes only");
                assertTrue(Integer.parseInt(original) > FeedEvent.PAYLOAD_CAPACITY);
            }
            else
            {
                assertTrue(record.value().length > 0 && record.value().length <= FeedEvent.PAYLOAD_CAPACITY);
            }
        }
        System.out.printf("malformed: %d garbage datagrams injected on line A, %d counted malformed, %d on the DLQ (%d cut to" +
                " %d bytes with original.length); present %d of %d; duplicates %d; gaps reported %d; decode failures %d," +
                " order violations %d; dead letters without sequence %d; %s%n",
            injected, job.lineCounters().malformed[LineArbiter.LINE_A].sum(), dead.size(), cut, FeedEvent.PAYLOAD_CAPACITY,
            s.present(), DAY.count(), s.duplicates(), s.reportedMissing(), report.decodeFailures(), report.orderViolations(),
            report.deadLettersWithoutSequence(), summary.render());

        assertTrue(summary.complete(), summary.render());
        assertTrue(injected >= 20, "garbage injected: " + injected);
        assertEquals(injected, job.lineCounters().malformed[LineArbiter.LINE_A].sum(), "every garbage datagram counted");
        assertEquals(0, job.lineCounters().malformed[LineArbiter.LINE_B].sum());
        assertEquals(0, job.lineCounters().malformedNotDeadLettered[LineArbiter.LINE_A].sum(), "the ring had room for each");
        assertEquals(injected, dead.size(), "exactly the injected datagrams on the DLQ");
        assertEquals(injected, report.deadLettersWithoutSequence());
        assertTrue(cut > 0, "some garbage was longer than an event's payload");
        assertTrue(report.passed(), "verify: " + s.missingRanges() + " " + report.decodeFailureExamples());
        assertEquals(DAY.count(), s.present(), "every sequence number, the garbage notwithstanding");
        assertEquals(0, s.reportedMissing());
        assertEquals(0, s.duplicates());
        assertEquals(injected, summary.counters().deadLettersAcked.sum());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void shouldSendEveryMalformedMessageWithItsSequenceAndEveryGarbageDatagramToTheDlqAndKeepTheStreamIntact() throws Exception
    {
        // The exchange's own session with seeded defects inside well-formed packets: the same bytes
        // on both lines and from the re-request server, each under its own sequence number.
        final Map<Long, byte[]> corrupted = new java.util.TreeMap<>();
        final MessageStore fuzzed = fuzz(DAY, new java.util.Random(20261123L), 400, corrupted);
        final Played played = play("fuzzed", fuzzed, 40);

        final long injected = played.simulator.garbageSent();
        final Topics topics = Topics.of(played.profile);
        final OutputVerifier.Report report = new OutputVerifier(BROKER.bootstrapServers(), Duration.ofSeconds(30),
            topics, RecordSchemas.fromClassPath(), null).verify(null);
        final String session = new String(played.simulator.session()).strip();
        final OutputVerifier.SessionReport s = report.sessions().get(session);
        final Map<Long, byte[]> deadMessages = new java.util.TreeMap<>();
        final List<String> reasons = new ArrayList<>();
        long deadDatagrams = 0;
        final List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        new TopicReader(BROKER.bootstrapServers(), Duration.ofSeconds(30)).readFromBeginning(List.of(topics.dlq()), dead::add);
        for (final ConsumerRecord<byte[], byte[]> record : dead)
        {
            final String sequence = header(record, "sequence");
            if (sequence == null)
            {
                deadDatagrams++;
                assertTrue(header(record, "reason").startsWith("malformed MoldUDP64 datagram on line A: "), header(record, "reason"));
                continue;
            }
            assertEquals(session, header(record, "session").strip());
            deadMessages.put(Long.parseLong(sequence), record.value());
            reasons.add(header(record, "reason"));
        }
        System.out.printf("fuzzed: %d messages corrupted of %d, %d on the DLQ with their sequence; %d garbage datagrams, %d on the " +
                "DLQ; present %d, dead-lettered %d, missing %d, duplicates %d, gaps reported %d; %s%n",
            corrupted.size(), fuzzed.count(), deadMessages.size(), injected, deadDatagrams, s.present(), s.deadLettered(),
            s.missing(), s.duplicates(), s.reportedMissing(), played.summary.render());

        assertTrue(corrupted.size() >= 20, "defects injected: " + corrupted.size());
        assertEquals(corrupted.keySet(), deadMessages.keySet(), "exactly the corrupted sequence numbers on the DLQ");
        corrupted.forEach((sequence, bytes) ->
            assertArrayEquals(bytes, deadMessages.get(sequence), "the raw bytes of message " + sequence));
        for (final String reason : reasons)
        {
            assertTrue(reason.startsWith("message type '") && (reason.endsWith("unknown") || reason.contains("but its framing says")),
                reason);
        }
        assertTrue(injected >= 10, "garbage injected: " + injected);
        assertEquals(injected, deadDatagrams, "every garbage datagram on the DLQ");
        assertTrue(report.passed(), "verify: " + s.missingRanges() + " " + report.decodeFailureExamples() + " " +
            report.orderViolationExamples());
        assertEquals(fuzzed.count() - corrupted.size(), s.present(), "every other sequence number has its records");
        assertEquals(corrupted.size(), s.deadLettered());
        assertEquals(0, s.missing());
        assertEquals(0, s.reportedMissing());
        assertEquals(0, s.duplicates());
        assertTrue(played.summary.complete(), played.summary.render());
    }

    /**
     * @return a copy of the day where about one message in {@code every} (after the first 100, the
     *         day's set-up) is corrupted, seeded: an unknown type byte, cut short, or grown longer
     *         than its type; {@code corrupted} gets each such sequence number and its bytes.
     */
    private static MessageStore fuzz(final MessageStore day, final java.util.Random random, final int every,
        final Map<Long, byte[]> corrupted)
    {
        final MessageStore fuzzed = new MessageStore();
        final byte[] unknownTypes = "0123456789!#*z".getBytes(StandardCharsets.US_ASCII);
        for (long sequence = 1; sequence <= day.count(); sequence++)
        {
            final int length = day.length(sequence);
            byte[] bytes = new byte[length];
            day.buffer().getBytes(day.offset(sequence), bytes);
            if (sequence > 100 && random.nextInt(every) == 0)
            {
                switch (random.nextInt(3))
                {
                    case 0 -> bytes[0] = unknownTypes[random.nextInt(unknownTypes.length)];
                    case 1 -> bytes = java.util.Arrays.copyOf(bytes, 1 + random.nextInt(length - 1));
                    default ->
                    {
                        bytes = java.util.Arrays.copyOf(bytes, length + 1 + random.nextInt(8));
                        for (int i = length; i < bytes.length; i++)
                        {
                            bytes[i] = (byte)random.nextInt();
                        }
                    }
                }
                corrupted.put(sequence, bytes);
            }
            fuzzed.add(new org.agrona.concurrent.UnsafeBuffer(bytes), 0, bytes.length);
        }
        return fuzzed;
    }

    /** One live session played on loopback lines into a real broker, stopped at its end. */
    private record Played(Profile profile, LiveJob job, ExchangeSimulator simulator, ReplaySummary summary)
    {
    }

    private Played play(final String exchange, final MessageStore day, final int garbageEvery) throws Exception
    {
        final Profile profile = Profile.defaults(LoopbackLines.overrides(Map.of(
            "exchange", exchange,
            "kafka.bootstrap-servers", BROKER.bootstrapServers(),
            "checkpoint.directory", state.toString(),
            "pipeline.ring-size", "4096",
            "kafka.topics.partitions", "4")), Map.of());
        final LiveJob job = new LiveJob(profile);
        job.start();
        final ExchangeSimulator.Settings settings = ExchangeSimulator.Settings.of(profile, "G" + System.nanoTime() % 1_000_000_000L)
            .with(5_000, 0, 0, false, 0, 17).with(20, true, 16);
        final ExchangeSimulator simulator = new ExchangeSimulator(settings, day).garbageOnLineA(garbageEvery);
        final ReplaySummary summary;
        try (simulator)
        {
            simulator.start();
            assertTrue(simulator.awaitFinished(30, TimeUnit.SECONDS), "the simulator did not finish");
            final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Await.until("wait while: !job.sessionEnded()", Duration.ofNanos(Math.max(0, end - System.nanoTime())), () -> !(!job.sessionEnded()));
            assertTrue(job.sessionEnded(), "end of session not reached");
            summary = job.stop(Duration.ofSeconds(30));
        }

        return new Played(profile, job, simulator, summary);
    }

    private static String header(final ConsumerRecord<byte[], byte[]> record, final String name)
    {
        final Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
