package io.feedhandler.pipeline;

import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.config.Profile;
import io.feedhandler.kafka.OutputVerifier;
import io.feedhandler.kafka.Topics;
import io.feedhandler.kafka.broker.KafkaBrokerProcess;
import io.feedhandler.sim.SyntheticMarket;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
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
 * Fault injection (the {@code fault-injection} Maven profile): a cluster of three broker processes
 * (KRaft, each node broker and controller), topics with three replicas and
 * {@code min.insync.replicas} 2; the leader of partition 0 of the order-event topic is killed
 * (SIGKILL, not restarted) in the middle of a paced replay. The replay completes on the two brokers
 * left, and the output audit finds every sequence number, no record that fails to decode, no
 * symbol out of order, and (idempotent producer) no duplicate.
 */
class ClusterLeaderKillFaultTest
{
    private static final int MESSAGES = 120_000;
    private static final long RATE = 20_000;

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void shouldPublishEverySequenceNumberOnceWhenAPartitionLeaderIsKilledMidReplay() throws Exception
    {
        final Path day = directory.resolve("cluster.itch50");
        SyntheticMarket.writeBinaryFile(day, 9L, 100, MESSAGES);
        final List<KafkaBrokerProcess> brokers = KafkaBrokerProcess.cluster(directory.resolve("cluster"), 3, Map.of());
        try
        {
            final long startNs = System.nanoTime();
            KafkaBrokerProcess.startAll(brokers);
            final long startMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
            final String bootstrap = KafkaBrokerProcess.bootstrapServers(brokers);
            final Profile profile = Profile.defaults(Map.of(
                "exchange", "cluster",
                "kafka.bootstrap-servers", bootstrap,
                "checkpoint.directory", directory.resolve("state").toString(),
                "pipeline.ring-size", "4096",
                "kafka.topics.partitions", "4",
                "kafka.topics.replication-factor", "3"), Map.of());
            final ReplayJob job = new ReplayJob(profile);
            final AtomicLong messagesIn = new AtomicLong();
            final CompletableFuture<ReplaySummary> replay = CompletableFuture.supplyAsync(() ->
            {
                try
                {
                    return job.replay(day, RATE, (bytes, messages) -> messagesIn.set(messages), Duration.ofMinutes(2));
                }
                catch (final Exception ex)
                {
                    throw new IllegalStateException(ex);
                }
            });

            awaitAtLeast(messagesIn, MESSAGES / 4);
            final String orders = Topics.of(profile).topic(io.feedhandler.avro.RecordSchema.ORDER_EVENT.dataType());
            final TopicDescription before = describe(bootstrap, orders);
            assertEquals(3, before.partitions().get(0).replicas().size(), "three replicas: " + before);
            final int leader = before.partitions().get(0).leader().id();
            final KafkaBrokerProcess victim = brokers.stream().filter(b -> b.nodeId() == leader).findFirst().orElseThrow();
            final long killNs = System.nanoTime();
            victim.kill();
            final long atKill = messagesIn.get();
            final ReplaySummary summary = replay.get(3, TimeUnit.MINUTES);
            final long afterKillMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killNs);
            final TopicDescription after = describe(bootstrap, orders);

            final OutputVerifier.Report report = new OutputVerifier(bootstrap, Duration.ofSeconds(30), Topics.of(profile),
                RecordSchemas.fromClassPath(), null).verify(null);
            final OutputVerifier.SessionReport session = report.sessions().get("cluster");
            System.out.printf("cluster of 3 ready in %d ms; killed leader node %d of %s-0 after %d messages in; replay done %d ms" +
                    " after the kill; new leader %d; expected %d, present %d, duplicates %d, missing %d, gaps %d, decode failures %d," +
                    " order violations %d; producer retries %d; %s%n",
                startMs, leader, orders, atKill, afterKillMs, after.partitions().get(0).leader().id(), MESSAGES,
                session == null ? 0 : session.present(), session == null ? 0 : session.duplicates(),
                session == null ? 0 : session.missing(), session == null ? 0 : session.reportedMissing(),
                report.decodeFailures(), report.orderViolations(), summary.counters().retries.sum(), summary.render());

            assertTrue(atKill < MESSAGES, "the leader must go down mid-replay, not after it");
            assertTrue(summary.complete(), summary.render());
            assertTrue(after.partitions().get(0).leader().id() != leader, "leadership moved: " + after);
            assertTrue(report.passed(), "verify: " + report.sessions() + " " + report.decodeFailureExamples() + " " +
                report.orderViolationExamples());
            assertEquals(Set.of("cluster"), report.sessions().keySet());
            assertEquals(1, session.first());
            assertEquals(MESSAGES, session.last());
            assertEquals(MESSAGES, session.present(), "every sequence number 1.." + MESSAGES);
            assertEquals(0, session.reportedMissing(), "no gap reported: nothing was lost");
            assertEquals(0, session.duplicates(), "idempotent producer: a (session, sequence) at most once per topic");
        }
        finally
        {
            for (final KafkaBrokerProcess broker : brokers)
            {
                broker.kill();
            }
        }
    }

    private static TopicDescription describe(final String bootstrap, final String topic) throws Exception
    {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000)))
        {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
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
