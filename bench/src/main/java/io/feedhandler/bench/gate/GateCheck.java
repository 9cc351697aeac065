package io.feedhandler.bench.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The latency guard's verdict on one gate run, compared with the committed baseline. Pure: no JMH,
 * no files, so the rules are tested on their own.
 *
 * <p>Two rules:
 * <ul>
 *   <li><b>Allocation.</b> A benchmark of the zero-allocation set that allocates more than
 *       {@link #ALLOCATION_TOLERANCE_BYTES} bytes per operation fails. JMH's own bookkeeping shows
 *       as 10^-4 to 10^-3 B/op on a benchmark that allocates nothing; the smallest object is 16 B,
 *       so one object every 160 operations is still caught.</li>
 *   <li><b>Time.</b> Each benchmark's speed is divided by the speed of its yardstick (a third-party
 *       reference measured in the same run, e.g. juncture's ITCH parser), so a slower or busier
 *       machine moves both. A benchmark whose relative speed fell to half of the baseline's or
 *       below (a 2x time regression) fails.</li>
 * </ul>
 */
public final class GateCheck
{
    /** Bytes per operation above which a zero-allocation benchmark fails. */
    public static final double ALLOCATION_TOLERANCE_BYTES = 0.1;
    /** A relative speed at or below baseline / this fails. */
    public static final double REGRESSION_FACTOR = 2.0;

    private GateCheck()
    {
    }

    /**
     * One measured benchmark.
     *
     * @param id          {@code Class.method} plus {@code [param=value]} when it has parameters.
     * @param opsPerSecond speed (throughput, or 1 / average time).
     * @param bytesPerOp  the gc profiler's {@code gc.alloc.rate.norm}.
     */
    public record Measurement(String id, double opsPerSecond, double bytesPerOp)
    {
    }

    /**
     * What the gate watches in one benchmark.
     *
     * @param id             benchmark id, as in {@link Measurement#id()}.
     * @param yardstick      id of the reference it is divided by, or null for its absolute speed.
     * @param zeroAllocation whether it must allocate nothing.
     */
    public record Gated(String id, String yardstick, boolean zeroAllocation)
    {
    }

    /**
     * @param id       benchmark.
     * @param relative speed / yardstick speed in this run (or the absolute speed without yardstick).
     * @param baseline the same in the baseline, or NaN when the baseline has none.
     * @param bytesPerOp allocation in this run.
     * @param problem  why it fails, or null when it passes.
     */
    public record Line(String id, double relative, double baseline, double bytesPerOp, String problem)
    {
        /** @return the line of the gate's table. */
        public String render()
        {
            final String ratio = Double.isNaN(baseline) ? "no baseline" : String.format(Locale.ROOT, "%.2fx of baseline", relative / baseline);
            return String.format(Locale.ROOT, "%-4s %-62s %10.4g rel  %-18s %10.4f B/op%s",
                problem == null ? "ok" : "FAIL", id, relative, ratio, bytesPerOp, problem == null ? "" : "  " + problem);
        }
    }

    /**
     * @param gated    what to check.
     * @param measured this run's measurements by id.
     * @param baseline relative speed per id from the committed baseline.
     * @return one line per gated benchmark.
     */
    public static List<Line> check(final List<Gated> gated, final Map<String, Measurement> measured,
        final Map<String, Double> baseline)
    {
        final List<Line> lines = new ArrayList<>();
        for (final Gated g : gated)
        {
            final Measurement m = measured.get(g.id());
            if (m == null)
            {
                lines.add(new Line(g.id(), Double.NaN, Double.NaN, Double.NaN, "not measured (renamed or failed to run?)"));
                continue;
            }
            final double relative = relative(g, measured);
            final double base = baseline.getOrDefault(g.id(), Double.NaN);
            String problem = null;
            if (Double.isNaN(relative))
            {
                problem = "yardstick " + g.yardstick() + " not measured";
            }
            else if (g.zeroAllocation() && m.bytesPerOp() > ALLOCATION_TOLERANCE_BYTES)
            {
                problem = String.format(Locale.ROOT, "allocates %.1f B/op on a zero-allocation path", m.bytesPerOp());
            }
            else if (!Double.isNaN(base) && relative * REGRESSION_FACTOR <= base)
            {
                problem = String.format(Locale.ROOT, "%.1fx slower than the baseline (relative to %s)",
                    base / relative, g.yardstick() == null ? "nothing: absolute" : g.yardstick());
            }
            lines.add(new Line(g.id(), relative, base, m.bytesPerOp(), problem));
        }
        return lines;
    }

    /**
     * @param gated    the benchmark.
     * @param measured this run.
     * @return its speed relative to its yardstick, NaN when either is missing.
     */
    public static double relative(final Gated gated, final Map<String, Measurement> measured)
    {
        final Measurement m = measured.get(gated.id());
        if (m == null)
        {
            return Double.NaN;
        }
        if (gated.yardstick() == null)
        {
            return m.opsPerSecond();
        }
        final Measurement yardstick = measured.get(gated.yardstick());
        return yardstick == null ? Double.NaN : m.opsPerSecond() / yardstick.opsPerSecond();
    }

    /**
     * @param lines the verdict.
     * @return true if every line passes.
     */
    public static boolean passed(final List<Line> lines)
    {
        return lines.stream().allMatch(line -> line.problem() == null);
    }
}
