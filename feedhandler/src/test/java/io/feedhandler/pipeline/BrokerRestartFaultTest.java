package io.feedhandler.pipeline;

import io.feedhandler.avro.RecordSchema;
import io.feedhandler.book.ReferenceBooks;
import io.feedhandler.config.Profile;
import io.feedhandler.kafka.TopicAudit;
import io.feedhandler.kafka.broker.KafkaBrokerProcess;
import io.feedhandler.sim.SyntheticMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault injection (the {@code fault-injection} Maven profile): the broker, a real separate process,
 * is killed with SIGKILL in the middle of a paced replay and started again. Afterwards every
 * sequence number of the file is on Kafka, and duplicates (same session and sequence) are no
 * more than the records the publisher reported sending again.
 */
class BrokerRestartFaultTest
{
    private static final int MESSAGES = 120_000;
    private static final long RATE = 20_000;

    @TempDir
    Path directory;

    @Test
    void shouldPublishEverySequenceNumberAcrossABrokerKilledAndRestartedMidReplay() throws Exception
    {
        final Path day = directory.resolve("restart.itch50");
        SyntheticMarket.writeBinaryFile(day, 7L, 100, MESSAGES);
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.create(directory.resolve("broker")).start())
        {
            final Profile profile = Profile.defaults(Map.of(
                "exchange", "fault",
                "kafka.bootstrap-servers", broker.bootstrapServers(),
                "checkpoint.directory", directory.resolve("state").toString(),
                "pipeline.ring-size", "4096",
                "kafka.topics.partitions", "4"), Map.of());
            final ReplayJob job = new ReplayJob(profile);
            final AtomicLong messagesIn = new AtomicLong();
            final CompletableFuture<ReplaySummary> replay = CompletableFuture.supplyAsync(() ->
            {
                try
                {
                    return job.replay(day, RATE, (bytes, messages) -> messagesIn.set(messages), Duration.ofMinutes(4));
                }
                catch (final Exception ex)
                {
                    throw new IllegalStateException(ex);
                }
            });

            awaitAtLeast(messagesIn, MESSAGES / 4);
            broker.kill();
            final long atKill = messagesIn.get();
            broker.start();
            final ReplaySummary summary = replay.get(5, TimeUnit.MINUTES);
            System.out.println("broker killed after " + atKill + " messages in; " + summary.render());

            assertTrue(atKill < MESSAGES, "the broker must go down mid-replay, not after it");
            assertTrue(summary.complete(), summary.render());
            assertEquals(MESSAGES, summary.counters().messages.sum());
            final TopicAudit audit = new TopicAudit(broker.bootstrapServers(), job.wirePrefixLength());
            final Set<Long> sequences = new HashSet<>();
            long records = 0;
            long duplicates = 0;
            for (final RecordSchema kind : RecordSchema.values())
            {
                final TopicAudit.TopicReport report = audit.audit(job.topics().topic(kind.dataType()), "fault", null);
                records += report.records;
                duplicates += report.duplicates;
                assertEquals(0, report.outOfOrder, "per-symbol order on " + report.topic + " (re-sent records excepted)" +
                    " in " + summary.render());
                for (final List<Long> perSession : report.sequences.values())
                {
                    sequences.addAll(perSession);
                }
            }
            assertEquals(MESSAGES, sequences.size(), "every sequence number 1.." + MESSAGES + " on Kafka");
            // One record per message, plus the trades and quotes its book makes, worked out independently.
            final ReferenceBooks books = ReferenceBooks.of(day);
            assertEquals(MESSAGES + books.executionTrades + books.quotes.size(), records - duplicates,
                "one record per message, a trade per execution and a quote per top-of-book change, duplicates aside");
            assertTrue(duplicates <= summary.counters().retries.sum(),
                "duplicates " + duplicates + " must have been reported as re-sent: " + summary.render());
        }
    }

    @Test
    void shouldReturnAndReportWhatWasNotAcknowledgedWhenTheBrokerNeverComesBack() throws Exception
    {
        final Path day = directory.resolve("gone.itch50");
        SyntheticMarket.writeBinaryFile(day, 8L, 100, MESSAGES);
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.create(directory.resolve("broker-gone")).start())
        {
            final Profile profile = Profile.defaults(Map.of(
                "exchange", "gone",
                "kafka.bootstrap-servers", broker.bootstrapServers(),
                "checkpoint.directory", directory.resolve("state").toString(),
                "pipeline.ring-size", "4096",
                "kafka.producer.delivery.timeout.ms", "8000",
                "kafka.producer.request.timeout.ms", "4000"), Map.of());
            final ReplayJob job = new ReplayJob(profile);
            final AtomicLong messagesIn = new AtomicLong();
            final CompletableFuture<ReplaySummary> replay = CompletableFuture.supplyAsync(() ->
            {
                try
                {
                    return job.replay(day, RATE, (bytes, messages) -> messagesIn.set(messages), Duration.ofSeconds(10));
                }
                catch (final Exception ex)
                {
                    throw new IllegalStateException(ex);
                }
            });

            awaitAtLeast(messagesIn, MESSAGES / 4);
            broker.kill();
            final ReplaySummary summary = replay.get(5, TimeUnit.MINUTES);
            System.out.println("broker gone for good; " + summary.render());

            assertTrue(!summary.complete(), "a replay whose broker is gone must not claim completion: " + summary.render());
            final long watermark = summary.watermarks().get("gone");
            assertTrue(watermark < MESSAGES, "watermark " + watermark);
            assertTrue(java.nio.file.Files.readString(directory.resolve("state/gone.checkpoint")).contains("gone=" + watermark),
                "the checkpoint holds the last acknowledged sequence");
        }
    }

    private static void awaitAtLeast(final AtomicLong value, final long target)
    {
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (value.get() < target)
        {
            assertTrue(System.nanoTime() < deadline, "replay made no progress");
            LockSupport.parkNanos(1_000_000L);
        }
    }
}
