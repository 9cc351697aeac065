package io.feedhandler.bench.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedhandler.bench.gate.GateCheck.Gated;
import io.feedhandler.bench.gate.GateCheck.Line;
import io.feedhandler.bench.gate.GateCheck.Measurement;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The latency guard (bench/README.md, "Gate"): runs a short configuration of the zero-allocation
 * benchmarks and their yardsticks with the gc profiler, compares with {@code bench/gate-baseline.json},
 * prints one line per benchmark and exits 1 when one allocates or got 2x slower ({@link GateCheck}).
 * Benchmarks that look slower are run once more before they fail: two shared cores are noisy.
 *
 * <pre>
 * bench/gate [--baseline F] [--results F] [--write-baseline]
 * </pre>
 */
public final class BenchmarkGate
{
    private static final String JUNCTURE_REAL = "ItchDecodeBenchmark.junctureReference[data=real-sample]";
    private static final String JUNCTURE_DAY = "ItchDecodeBenchmark.junctureReference[data=generated-day]";

    /** What the gate watches; every entry must allocate nothing. Yardstick: juncture's parser, same run. */
    public static final List<Gated> GATED = List.of(
        new Gated("ItchDecodeBenchmark.feedhandlerFlyweights[data=real-sample]", JUNCTURE_REAL, true),
        new Gated("ItchDecodeBenchmark.feedhandlerFlyweights[data=generated-day]", JUNCTURE_DAY, true),
        new Gated("AvroEncodeBenchmark.feedhandlerOrderEvent", JUNCTURE_REAL, true),
        new Gated("AvroEncodeBenchmark.feedhandlerTrade", JUNCTURE_REAL, true),
        new Gated("AvroEncodeBenchmark.feedhandlerQuote", JUNCTURE_REAL, true),
        new Gated("AvroEncodeBenchmark.feedhandlerReferenceData", JUNCTURE_REAL, true),
        new Gated("AvroEncodeBenchmark.feedhandlerStatus", JUNCTURE_REAL, true),
        new Gated("PipelineStagesBenchmark.sequenceAndEncode", JUNCTURE_REAL, true),
        new Gated("PipelineStagesBenchmark.sequenceOnly", JUNCTURE_REAL, true),
        new Gated("BookUpdateBenchmark.orderBooks[data=real-sample]", JUNCTURE_REAL, true),
        new Gated("BookUpdateBenchmark.orderBooks[data=generated-day]", JUNCTURE_DAY, true),
        new Gated("LineArbiterBenchmark.decodePacket", JUNCTURE_REAL, true),
        new Gated("LineArbiterBenchmark.arbitrateFirstCopyAndDuplicate", JUNCTURE_REAL, true),
        new Gated("LineArbiterBenchmark.arbitrateAcrossAGap", JUNCTURE_REAL, true));

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchmarkGate()
    {
    }

    /**
     * @param args {@code [--baseline F] [--results F] [--write-baseline]}.
     * @throws Exception if JMH or a file fails.
     */
    public static void main(final String[] args) throws Exception
    {
        Path baseline = Path.of("bench/gate-baseline.json");
        Path results = Path.of("bench/results/gate.json");
        boolean writeBaseline = false;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--baseline" -> baseline = Path.of(args[++i]);
                case "--results" -> results = Path.of(args[++i]);
                case "--write-baseline" -> writeBaseline = true;
                default ->
                {
                    System.err.println("usage: bench/gate [--baseline F] [--results F] [--write-baseline]");
                    System.exit(2);
                }
            }
        }
        try
        {
            System.exit(run(GATED, baseline, results, writeBaseline, System.out) ? 0 : 1);
        }
        catch (final RunnerException ex)
        {
            System.err.println("bench/gate: JMH could not run the benchmarks: " + ex.getMessage());
            System.exit(2);
        }
    }

    /**
     * Measure, compare, print, write the results (and the baseline when asked).
     *
     * @param gated         what to check.
     * @param baselineFile  committed baseline (relative speeds); missing: only allocation is checked.
     * @param resultsFile   where this run's verdict and measurements go.
     * @param writeBaseline replace the baseline with this run.
     * @param out           the table goes here.
     * @return true if the gate passed.
     * @throws RunnerException if JMH fails.
     * @throws IOException     if a file cannot be read or written.
     */
    public static boolean run(final List<Gated> gated, final Path baselineFile, final Path resultsFile,
        final boolean writeBaseline, final PrintStream out) throws RunnerException, IOException
    {
        final Map<String, Double> baseline = readBaseline(baselineFile);
        final Map<String, Measurement> measured = measure(gated, ids(gated));
        final List<Line> first = GateCheck.check(gated, measured, baseline);
        List<Line> lines = first;
        final List<Gated> slower = gated.stream()
            .filter(g -> first.stream().anyMatch(l -> l.id().equals(g.id()) && l.problem() != null && l.problem().contains("slower")))
            .toList();
        if (!slower.isEmpty() && !writeBaseline)
        {
            out.println("gate: " + slower.size() + " benchmark(s) look slower; measuring them again once");
            measured.putAll(measure(slower, ids(slower)));
            lines = GateCheck.check(gated, measured, baseline);
        }
        final boolean passed = GateCheck.passed(lines);
        for (final Line line : lines)
        {
            out.println(line.render());
        }
        out.println(passed ? "gate: passed" : "gate: FAILED");
        writeResults(resultsFile, gated, measured, lines, passed);
        if (writeBaseline)
        {
            writeResults(baselineFile, gated, measured, lines, passed);
            out.println("gate: baseline written to " + baselineFile);
        }
        return passed;
    }

    /**
     * Run the benchmarks (short configuration, one fork each, gc profiler) and read their speed and
     * allocation.
     *
     * @param gated what to run.
     * @param ids   every benchmark id to run, yardsticks included.
     * @return measurement per id.
     * @throws RunnerException if JMH fails.
     */
    static Map<String, Measurement> measure(final List<Gated> gated, final Set<String> ids) throws RunnerException
    {
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .forks(1)
            .warmupIterations(3).warmupTime(TimeValue.milliseconds(500))
            .measurementIterations(3).measurementTime(TimeValue.milliseconds(500))
            .addProfiler("gc")
            .shouldFailOnError(true);
        for (final String method : ids.stream().map(BenchmarkGate::method).collect(Collectors.toCollection(LinkedHashSet::new)))
        {
            options.include("\\." + Pattern.quote(method) + "$");
        }
        final Collection<RunResult> runs = new Runner(options.build()).run();
        final Map<String, Measurement> measured = new LinkedHashMap<>();
        for (final RunResult run : runs)
        {
            final Measurement m = measurement(run);
            if (ids.contains(m.id()))
            {
                measured.put(m.id(), m);
            }
        }
        return measured;
    }

    private static Measurement measurement(final RunResult run)
    {
        final String benchmark = run.getParams().getBenchmark();
        final String[] parts = benchmark.split("\\.");
        final StringBuilder id = new StringBuilder(parts[parts.length - 2]).append('.').append(parts[parts.length - 1]);
        final Collection<String> keys = run.getParams().getParamsKeys();
        if (!keys.isEmpty())
        {
            id.append('[').append(keys.stream().map(k -> k + "=" + run.getParams().getParam(k)).collect(Collectors.joining(","))).append(']');
        }
        final Result<?> primary = run.getPrimaryResult();
        final double score = primary.getScore();
        final String unit = primary.getScoreUnit();
        final double opsPerSecond = unit.endsWith("/op") ? perSecond(1.0 / score, unit) : perSecondRate(score, unit);
        double bytesPerOp = Double.NaN;
        for (final String key : run.getSecondaryResults().keySet())
        {
            if (key.endsWith("gc.alloc.rate.norm"))
            {
                bytesPerOp = run.getSecondaryResults().get(key).getScore();
            }
        }
        return new Measurement(id.toString(), opsPerSecond, bytesPerOp);
    }

    /** @return operations per second from operations per unit ("ops/s", "ops/ms", "ops/us"). */
    private static double perSecondRate(final double score, final String unit)
    {
        return score * secondsIn(unit.substring(unit.indexOf('/') + 1), unit);
    }

    /** @return operations per second from operations per time unit given as "time/op" ("ns/op"). */
    private static double perSecond(final double opsPerUnit, final String unit)
    {
        return opsPerUnit * secondsIn(unit.substring(0, unit.indexOf('/')), unit);
    }

    private static double secondsIn(final String timeUnit, final String unit)
    {
        return switch (timeUnit)
        {
            case "s" -> 1.0;
            case "ms" -> 1e3;
            case "us" -> 1e6;
            case "ns" -> 1e9;
            default -> throw new IllegalArgumentException("unexpected JMH unit " + unit);
        };
    }

    private static Set<String> ids(final List<Gated> gated)
    {
        final Set<String> ids = new LinkedHashSet<>();
        for (final Gated g : gated)
        {
            ids.add(g.id());
            if (g.yardstick() != null)
            {
                ids.add(g.yardstick());
            }
        }
        return ids;
    }

    /** @return the method part of an id: {@code Class.method} without parameters. */
    private static String method(final String id)
    {
        final int bracket = id.indexOf('[');
        return bracket < 0 ? id : id.substring(0, bracket);
    }

    private static Map<String, Double> readBaseline(final Path file) throws IOException
    {
        final Map<String, Double> baseline = new TreeMap<>();
        if (!Files.exists(file))
        {
            return baseline;
        }
        final JsonNode benchmarks = JSON.readTree(file.toFile()).path("benchmarks");
        for (final Map.Entry<String, JsonNode> entry : benchmarks.properties())
        {
            baseline.put(entry.getKey(), entry.getValue().path("relative").asDouble(Double.NaN));
        }
        return baseline;
    }

    private static void writeResults(final Path file, final List<Gated> gated, final Map<String, Measurement> measured,
        final List<Line> lines, final boolean passed) throws IOException
    {
        final ObjectNode root = JSON.createObjectNode();
        root.put("measured", Instant.now().toString());
        root.put("java", System.getProperty("java.version"));
        root.put("passed", passed);
        final ObjectNode benchmarks = root.putObject("benchmarks");
        for (final Line line : lines)
        {
            final ObjectNode node = benchmarks.putObject(line.id());
            final Gated g = gated.stream().filter(x -> x.id().equals(line.id())).findFirst().orElseThrow();
            final Measurement m = measured.get(line.id());
            node.put("relative", line.relative());
            node.put("yardstick", g.yardstick());
            node.put("opsPerSecond", m == null ? Double.NaN : m.opsPerSecond());
            node.put("bytesPerOp", line.bytesPerOp());
            node.put("problem", line.problem());
        }
        final ObjectNode yardsticks = root.putObject("yardsticks");
        for (final Gated g : gated)
        {
            if (g.yardstick() != null && measured.containsKey(g.yardstick()))
            {
                yardsticks.put(g.yardstick(), measured.get(g.yardstick()).opsPerSecond());
            }
        }
        if (file.getParent() != null)
        {
            Files.createDirectories(file.getParent());
        }
        JSON.writeValue(file.toFile(), root);
    }
}
