package io.feedhandler.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest
{
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final ProgressBar bar = new ProgressBar(
        new PrintStream(screen, true, StandardCharsets.UTF_8), clock::get, "day.gz", 1L << 30);

    @Test
    void shouldShowFractionRateAndTimeLeft()
    {
        clock.addAndGet(2_000_000_000L);

        final String line = bar.render(clock.get(), 1L << 28, 10_000_000);

        assertTrue(line.startsWith("day.gz [#####...............]  25.0%"), line);
        assertTrue(line.contains("256.0 MB of 1.00 GB"), line);
        assertTrue(line.contains("128.0 MB/s"), line);
        assertTrue(line.contains("5.00 M msg/s"), line);
        assertTrue(line.endsWith("0:06 left"), line);
    }

    @Test
    void shouldRedrawAtMostFiveTimesASecond()
    {
        bar.update(1, 1);
        assertEquals("", screen.toString(StandardCharsets.UTF_8));

        clock.addAndGet(ProgressBar.REDRAW_INTERVAL_NS);
        bar.update(2, 2);
        clock.addAndGet(ProgressBar.REDRAW_INTERVAL_NS / 2);
        bar.update(3, 3);

        assertEquals(1, screen.toString(StandardCharsets.UTF_8).split("\r").length - 1);
    }

    @Test
    void shouldClearTheLineWhenFinished()
    {
        clock.addAndGet(ProgressBar.REDRAW_INTERVAL_NS);
        bar.update(2, 2);
        bar.finish();

        assertTrue(screen.toString(StandardCharsets.UTF_8).endsWith("\r\033[K"));
    }
}
