package io.feedhandler.app;

import io.feedhandler.TestData;
import io.feedhandler.book.ReferenceBooks;
import io.feedhandler.kafka.broker.BrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayCommandTest
{
    @RegisterExtension
    static final BrokerExtension BROKER = new BrokerExtension();

    @TempDir
    Path state;



    @Test
    void shouldPublishTheRealSampleAndSummarizeWhatWasAcknowledged() throws Exception
    {
        final CommandRun run = run("replay", "--no-progress", "--set", "exchange=cli1", "--set", "kafka.bootstrap-servers=" + BROKER.bootstrapServers(),
            "--set", "checkpoint.directory=" + state, TestData.path("itch50/nasdaq-12302019-snippet.itch50").toString());

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("every record acknowledged"), run.out());
        // From the data: the manifest's per-type counts, and the executions the independent book model finds.
        final Map<String, Long> types = TestData.types(TestData.manifestEntry("itch50/nasdaq-12302019-snippet.itch50"));
        final long orders = "AFECXDU".chars().mapToLong(type -> types.getOrDefault(String.valueOf((char)type), 0L)).sum();
        final ReferenceBooks books = ReferenceBooks.of(TestData.path("itch50/nasdaq-12302019-snippet.itch50"));
        final long trades = types.getOrDefault("P", 0L) + types.getOrDefault("Q", 0L) + books.executionTrades;
        assertTrue(run.out().contains("records acked: orders " + orders + " trades " + trades + " quotes " + books.quotes.size()),
            run.out());
        assertTrue(Files.exists(state.resolve("cli1.checkpoint")));
    }

    @Test
    void shouldExitTwoWhenDefectsWentToTheDeadLetterTopic()
    {
        final CommandRun run = run("replay", "--no-progress", "--set", "exchange=cli2", "--set", "kafka.bootstrap-servers=" + BROKER.bootstrapServers(),
            "--set", "checkpoint.directory=" + state, TestData.path("itch50/fasanello-sample-truncated.itch50").toString());

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("DLQ 1"), run.out());
    }

    @Test
    void shouldNameTheKeyAndTheProblemOfABadProfileWithoutAStackTrace() throws Exception
    {
        final Path profile = state.resolve("bad.conf");
        Files.writeString(profile, Files.readString(Path.of("..", "conf", "nasdaq-totalview-itch.conf"))
            .replace("ring-size = 65536", "ring-size = 1000"));

        final CommandRun run = run("replay", "--profile", profile.toString(), TestData.path("itch50/bekele-sample.itch50").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(profile.toString()) && run.err().contains("pipeline.ring-size"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void shouldExitTwoForAMissingFile()
    {
        final CommandRun run = run("replay", state.resolve("missing.itch50").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("missing.itch50: no such file"), run.err());
    }

    @Test
    void shouldRunTheDemoEndToEndAndPassItsOwnChecks()
    {
        // Lines of its own: another checkout's tests on this machine must not hear this demo's packets.
        final java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("demo", "--no-progress", "--messages", "20000"));
        io.feedhandler.sim.LoopbackLines.overrides(java.util.Map.of()).forEach((key, value) -> args.addAll(java.util.List.of("--set", key + "=" + value)));
        final CommandRun run = run(args.toArray(String[]::new));

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("demo: OK"), run.out());
        assertTrue(run.out().contains("MoldUDP64 multicast"), run.out());
        assertTrue(run.out().contains("market.equities.orders.nasdaq"), run.out());
    }

    private static CommandRun run(final String... args)
    {
        return CommandRun.of(args);
    }
}
