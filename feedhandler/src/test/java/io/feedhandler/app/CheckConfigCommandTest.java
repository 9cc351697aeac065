package io.feedhandler.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code feedhandler check-config} on the repository's real profile, as an operator runs it: through
 * the command line, output captured.
 */
class CheckConfigCommandTest
{
    private static final Path PROFILE = Path.of("..", "conf", "nasdaq-totalview-itch.conf");

    @TempDir
    Path directory;

    @Test
    void shouldSummarizeTheRepositoryProfileAndSayWhereEachValueCameFrom()
    {
        final CommandRun run = run("check-config", "--profile", PROFILE.toString(),
            "--set", "kafka.bootstrap-servers=broker1:9092,broker2:9092");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith(PROFILE + ": OK"), run.out());
        assertTrue(run.out().contains("broker1:9092,broker2:9092  [kafka.bootstrap-servers: --set]"), run.out());
        assertTrue(run.out().contains("market.equities.orders.nasdaq"), run.out());
        assertTrue(run.out().contains("acks=all enable.idempotence=true linger.ms=0 compression.type=none"), run.out());
        assertTrue(run.out().contains("linger.ms=5 (file replay's producer)  [replay.linger-ms: line "), run.out());
        assertTrue(run.out().contains("the session again from 1: the books rebuilt, published from the checkpoint + 1  " +
            "[checkpoint.rebuild-books: line "), run.out());
        assertTrue(run.out().contains("[schema-registry.url: line "), run.out());
        assertTrue(run.out().contains("off (metrics.port = 0)"), run.out());
    }

    @Test
    void shouldReportEveryProblemOnItsOwnLineWithKeyExpectedAndActualAndExitTwo() throws IOException
    {
        final Path profile = copyOfProfile(
            "ring-size = 65536", "ring-size = 1000",
            "wait-strategy = sleeping", "wait-strategy = fast",
            "  port = 0\n", "  port = nine\n",
            "  create = true", "  create = true\n    partitons = 4");

        final CommandRun run = run("check-config", "--profile", profile.toString());

        assertEquals(2, run.exitCode(), run.out());
        assertEquals("", run.out());
        final List<String> lines = run.err().lines().toList();
        assertEquals(4, lines.size(), run.err());
        for (final String line : lines)
        {
            assertTrue(line.startsWith("profile " + profile + ": "), line);
        }
        assertContains(lines, "pipeline.ring-size must be a power of two (the ring indexes slots with a mask) (got '1000' at line ");
        assertContains(lines, "pipeline.wait-strategy must be one of busy-spin, yielding, sleeping, blocking (got 'fast' at line ");
        assertContains(lines, "metrics.port must be a whole number from 0 to 65535 (got 'nine' at line ");
        assertContains(lines, "kafka.topics.partitons is not a profile key; known keys under kafka.topics: create, partitions, " +
            "replication-factor (got '4' at line ");
    }

    @Test
    void shouldRefuseImpossibleCombinations() throws IOException
    {
        final Path profile = copyOfProfile(
            "    linger.ms = 0\n", "    linger.ms = 0\n    acks = 1\n    buffer.memory = 32768\n");

        final CommandRun run = run("check-config", "--profile", profile.toString());

        assertEquals(2, run.exitCode(), run.out());
        final List<String> lines = run.err().lines().toList();
        assertContains(lines, "kafka.producer.acks must be 'all' for idempotence: a record counts as sent once every in-sync " +
            "replica has it (got '1' at line ");
        assertContains(lines, "kafka.producer.batch.size must be at most buffer.memory = 32768: each batch is taken from that " +
            "buffer, and a batch bigger than all of it fails every send (got '65536' at line ");
        assertEquals(2, lines.size(), run.err());
    }

    @Test
    void shouldNameAnOverrideFromTheCommandLineThatIsWrong()
    {
        final CommandRun run = run("check-config", "--profile", PROFILE.toString(), "--set", "metrics.bind-address=metrics.example");

        assertEquals(2, run.exitCode(), run.out());
        assertEquals(List.of("profile " + PROFILE + ": metrics.bind-address must be a numeric IPv4 or IPv6 address to listen " +
            "on, e.g. 127.0.0.1 or 0.0.0.0 (no host names: a name that stops resolving must not keep the daemon from " +
            "starting) (got 'metrics.example' from --set)"), run.err().lines().toList());
    }

    private Path copyOfProfile(final String... replacements) throws IOException
    {
        String text = Files.readString(PROFILE);
        for (int i = 0; i < replacements.length; i += 2)
        {
            assertTrue(text.contains(replacements[i]), replacements[i]);
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        final Path copy = directory.resolve("profile.conf");
        Files.writeString(copy, text);
        return copy;
    }

    private static void assertContains(final List<String> lines, final String fragment)
    {
        final List<String> matching = new ArrayList<>();
        lines.stream().filter(line -> line.contains(fragment)).forEach(matching::add);
        assertEquals(1, matching.size(), "'" + fragment + "' in " + String.join("\n", lines));
    }

    private static CommandRun run(final String... args)
    {
        return CommandRun.of(args);
    }
}
