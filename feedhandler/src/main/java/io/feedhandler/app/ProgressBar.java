package io.feedhandler.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar with rate and time left, redrawn in place on a terminal at most
 * {@link #REDRAW_INTERVAL_NS} apart, so long file work shows it is alive without flooding a log.
 *
 * <pre>
 * 12302019.NASDAQ_ITCH50.gz [##########..........]  50.1%  1.52 GB of 3.04 GB  212.4 MB/s  6.31 M msg/s  0:07 left
 * </pre>
 */
final class ProgressBar
{
    static final long REDRAW_INTERVAL_NS = 200_000_000L;
    private static final int WIDTH = 20;

    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final String label;
    private final long total;
    private final Unit unit;
    private final long startNs;
    private long lastDrawNs;
    private boolean drawn;

    /**
     * @param out       where to draw (stderr).
     * @param nanoClock monotonic clock in ns (injected so tests need not sleep).
     * @param label     what is being read.
     * @param total     total units (bytes on disk).
     */
    ProgressBar(final PrintStream out, final LongSupplier nanoClock, final String label, final long total)
    {
        this(out, nanoClock, label, total, Unit.BYTES);
    }

    /**
     * @param out       where to draw (stderr).
     * @param nanoClock monotonic clock in ns (injected so tests need not sleep).
     * @param label     what is being done.
     * @param total     total units.
     * @param unit      what the units are.
     */
    ProgressBar(final PrintStream out, final LongSupplier nanoClock, final String label, final long total, final Unit unit)
    {
        this.unit = unit;
        this.out = out;
        this.nanoClock = nanoClock;
        this.label = label;
        this.total = total;
        this.startNs = nanoClock.getAsLong();
        this.lastDrawNs = startNs;
    }

    /**
     * @return true if stderr is a terminal (Linux: fd 2 links to a tty or pts device), the only
     * place a redrawn bar belongs.
     */
    static boolean stderrIsTerminal()
    {
        try
        {
            final String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        }
        catch (final Exception ex)
        {
            return false;
        }
    }

    /**
     * Redraw if the last redraw is old enough.
     *
     * @param done     units done.
     * @param messages messages so far.
     */
    void update(final long done, final long messages)
    {
        final long now = nanoClock.getAsLong();
        if (now - lastDrawNs >= REDRAW_INTERVAL_NS)
        {
            lastDrawNs = now;
            draw(now, done, messages);
        }
    }

    /** Clear the bar, leaving the line free for what comes next. */
    void finish()
    {
        if (drawn)
        {
            out.print("\r\033[K");
            out.flush();
        }
    }

    String render(final long now, final long done, final long messages)
    {
        final double seconds = Math.max(1e-9, (now - startNs) / 1e9);
        final double fraction = total > 0 ? Math.min(1.0, (double)done / total) : 0.0;
        final int filled = (int)(fraction * WIDTH);
        final double unitsPerSecond = done / seconds;
        final long left = unitsPerSecond > 0 ? (long)((total - done) / unitsPerSecond) : 0;
        final String rate = unit == Unit.BYTES ?
            String.format(Locale.ROOT, "%s/s  %.2f M msg/s", unit.format((long)unitsPerSecond), messages / seconds / 1e6) :
            String.format(Locale.ROOT, "%.2f M msg/s", messages / seconds / 1e6);
        return String.format(Locale.ROOT, "%s [%s%s] %5.1f%%  %s of %s  %s  %d:%02d left",
            label, "#".repeat(filled), ".".repeat(WIDTH - filled), fraction * 100, unit.format(done), unit.format(total),
            rate, left / 60, left % 60);
    }

    private void draw(final long now, final long done, final long messages)
    {
        out.print("\r\033[K" + render(now, done, messages));
        out.flush();
        drawn = true;
    }

    /** What the bar counts. */
    enum Unit
    {
        BYTES,
        MESSAGES;

        String format(final long value)
        {
            return this == BYTES ? bytes(value) : String.format(Locale.ROOT, "%.2f M msgs", value / 1e6);
        }
    }

    private static String bytes(final long bytes)
    {
        if (bytes >= 1L << 30)
        {
            return String.format(Locale.ROOT, "%.2f GB", bytes / (double)(1L << 30));
        }
        if (bytes >= 1L << 20)
        {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double)(1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
}
