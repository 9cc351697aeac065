package io.feedhandler.app;

import io.feedhandler.Await;
import io.feedhandler.TestData;
import io.feedhandler.avro.RecordSchema;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.config.Profile;
import io.feedhandler.kafka.OutputVerifier;
import io.feedhandler.kafka.TopicReader;
import io.feedhandler.kafka.Topics;
import io.feedhandler.kafka.broker.BrokerExtension;
import io.feedhandler.sim.ExchangeSimulator;
import io.feedhandler.sim.MessageStore;
import org.junit.jupiter.api.extension.RegisterExtension;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import io.feedhandler.registry.RegistryExtension;
import io.feedhandler.sim.LoopbackLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault injection (the {@code fault-injection} Maven profile): what {@code run} and {@code replay}
 * do when the Kafka cluster or the schema registry is not there when they start.
 */
class UnreachableAtStartFaultTest
{
    @RegisterExtension
    static final BrokerExtension BROKER = new BrokerExtension();

    @TempDir
    Path state;

    @Test
    // Bounded: the admin client gives up after 10 s; the timeout only guards against a hang.
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void replayShouldExitNonZeroWithOneLineNamingTheBootstrapServersWhenNoBrokerListens() throws Exception
    {
        final String closed = "127.0.0.1:" + RegistryExtension.freePort();
        final long start = System.nanoTime();
        final CommandRun run = CommandRun.of("replay", "--no-progress", "--set", "kafka.bootstrap-servers=" + closed,
            "--set", "checkpoint.directory=" + state, TestData.path("itch50/nasdaq-12302019-snippet.itch50").toString());
        report("replay, broker down", run, start);
        assertOneLineError(run, closed);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void runShouldExitNonZeroWithOneLineNamingTheBootstrapServersWhenNoBrokerListens() throws Exception
    {
        final String closed = "127.0.0.1:" + RegistryExtension.freePort();
        final long start = System.nanoTime();
        final CommandRun run = CommandRun.of(args(Map.of("kafka.bootstrap-servers", closed)));
        report("run, broker down", run, start);
        assertOneLineError(run, closed);
        assertEquals(2, run.exitCode());
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void runShouldExitTwoNamingTheRegistryWhenTheRegistryIsDown() throws Exception
    {
        final String down = "http://127.0.0.1:" + RegistryExtension.freePort();
        final long start = System.nanoTime();
        final CommandRun run = CommandRun.of(args(Map.of("schema-registry.url", down, "schema-registry.retries", "1",
            "schema-registry.retry-backoff-ms", "10")));
        report("run, registry down", run, start);
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().lines().findFirst().orElseThrow().startsWith("run: schema registry " + down + " unreachable"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void runShouldPublishInSingleObjectEncodingWhenTheRegistryIsDownAndTheProfileAllowsTheFallback() throws Exception
    {
        final String down = "http://127.0.0.1:" + RegistryExtension.freePort();
        final Map<String, String> sets = new java.util.LinkedHashMap<>(LoopbackLines.overrides(Map.of(
            "checkpoint.directory", state.toString(),
            "exchange", "regdown",
            "kafka.bootstrap-servers", BROKER.bootstrapServers(),
            "kafka.topics.partitions", "2",
            "schema-registry.url", down,
            "schema-registry.retries", "1",
            "schema-registry.retry-backoff-ms", "10",
            "schema-registry.fallback-to-single-object", "true")));
        final List<String> args = new ArrayList<>(List.of("run", "--exit-at-end-of-session", "--drain-timeout", "PT30S"));
        sets.forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
        final long start = System.nanoTime();
        final CompletableFuture<CommandRun> running = CompletableFuture.supplyAsync(() -> CommandRun.of(args.toArray(String[]::new)));
        final Profile profile = Profile.defaults(sets, Map.of());
        Await.until("run joined line A (registry down, fallback on)", Duration.ofSeconds(60),
            () -> Await.joinedOnLoopback(profile.lines().a().group()));
        final MessageStore day = MessageStore.generated(19, 20, 3_000);
        final CommandRun run;
        try (ExchangeSimulator simulator = new ExchangeSimulator(ExchangeSimulator.Settings.of(profile, "R" + System.nanoTime() % 1_000_000_000L)
            .with(1_000, 0, 0, false, 0, 19).with(20, true, 16), day).start())
        {
            run = running.get(60, TimeUnit.SECONDS);
            assertTrue(simulator.dataPackets() > 0);
        }
        report("run, registry down, fallback", run, start);
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue((run.out() + run.err()).contains("schema registry unreachable at start"), run.out() + run.err());
        final Topics topics = Topics.of(profile);
        final OutputVerifier.Report report = new OutputVerifier(BROKER.bootstrapServers(), Duration.ofSeconds(30), topics,
            RecordSchemas.fromClassPath(), null).verify(null);
        assertTrue(report.passed(), report.sessions() + " " + report.decodeFailureExamples());
        assertEquals(day.count(), report.sessions().values().iterator().next().present());
        final List<byte[]> values = new ArrayList<>();
        new TopicReader(BROKER.bootstrapServers(), Duration.ofSeconds(30)).readFromBeginning(
            List.of(topics.topic(RecordSchema.ORDER_EVENT.dataType())), record -> values.add(record.value()));
        assertFalse(values.isEmpty());
        for (final byte[] value : values)
        {
            assertEquals((byte)0xC3, value[0], "single-object encoding marker");
            assertEquals((byte)0x01, value[1], "single-object encoding marker");
        }
    }

    private String[] args(final Map<String, String> extra)
    {
        final Map<String, String> sets = LoopbackLines.overrides(Map.of("checkpoint.directory", state.toString()));
        final List<String> args = new ArrayList<>(List.of("run", "--exit-at-end-of-session", "--drain-timeout", "PT5S"));
        sets.forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
        extra.forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
        return args.toArray(String[]::new);
    }

    private static void report(final String what, final CommandRun run, final long start)
    {
        System.out.printf("%s: exit %d after %d ms; err: %s; out: %s%n", what, run.exitCode(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), run.err(), run.out());
    }

    private static void assertOneLineError(final CommandRun run, final String bootstrap)
    {
        assertTrue(run.exitCode() != 0, run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(bootstrap), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }
}
