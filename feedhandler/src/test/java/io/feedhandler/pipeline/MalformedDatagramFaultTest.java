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
        final Profile profile = Profile.defaults(LoopbackLines.overrides(Map.of(
            "exchange", "garbage",
            "kafka.bootstrap-servers", BROKER.bootstrapServers(),
            "checkpoint.directory", state.toString(),
            "pipeline.ring-size", "4096",
            "kafka.topics.partitions", "4")), Map.of());
        final LiveJob job = new LiveJob(profile);
        job.start();
        final ExchangeSimulator.Settings settings = ExchangeSimulator.Settings.of(profile, "G" + System.nanoTime() % 1_000_000_000L)
            .with(5_000, 0, 0, false, 0, 17).with(20, true, 16);
        final ExchangeSimulator simulator = new ExchangeSimulator(settings, DAY).garbageOnLineA(25);
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

    private static String header(final ConsumerRecord<byte[], byte[]> record, final String name)
    {
        final Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
