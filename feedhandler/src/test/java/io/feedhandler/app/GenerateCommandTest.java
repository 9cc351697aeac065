package io.feedhandler.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateCommandTest
{
    @TempDir
    Path tempDir;

    @Test
    void shouldWriteADayThatStatsReadsCleanWithTheRequestedMessageCount() throws Exception
    {
        final Path day = tempDir.resolve("day.itch50.gz");

        assertEquals(0, run("generate", "--no-progress", "--messages", "50000", "--symbols", "100", "-o", day.toString()));
        final StatsCommandTest.Run stats = StatsCommandTest.stats(day.toString());

        assertEquals(0, stats.exitCode(), stats.stderr());
        assertEquals("itch50-binaryfile-gzip", stats.report().getString("format"));
        assertEquals(50_000, stats.report().getLong("messages"));
        assertEquals(100, stats.report().getConfig("types").getLong("R"));
    }

    @Test
    void shouldWriteTheSameBytesForTheSameSeed() throws Exception
    {
        final Path first = tempDir.resolve("first.itch50");
        final Path second = tempDir.resolve("second.itch50");

        run("generate", "--no-progress", "--messages", "20000", "--seed", "7", "-o", first.toString());
        run("generate", "--no-progress", "--messages", "20000", "--seed", "7", "-o", second.toString());

        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void shouldRefuseMoreSymbolsThanStockLocatesCanNumber()
    {
        final StringWriter err = new StringWriter();

        final int exitCode = FeedHandlerCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
            "generate", "--symbols", "70000", "-o", tempDir.resolve("x").toString());

        assertEquals(2, exitCode);
        assertTrue(err.toString().contains("--symbols must be 1..65535"), err.toString());
    }

    private static int run(final String... args)
    {
        return FeedHandlerCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), args);
    }
}
