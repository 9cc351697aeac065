package io.feedhandler.bench.gate;

import io.feedhandler.bench.gate.GateCheck.Gated;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real gate (JMH, forked, gc profiler) over a hot path with a deliberate allocation. */
class BenchmarkGateTest
{
    private static final String CLEAN = "CarelessPipelineStagesBenchmark.sequenceAndEncode";
    private static final String CARELESS = "CarelessPipelineStagesBenchmark.sequenceEncodeAndCopyRecords";

    @BeforeAll
    static void allowAnotherJmhRun()
    {
        // These tests check verdicts, not timings: a benchmark running elsewhere on the machine
        // (JMH's /tmp/jmh.lock) must not make them error.
        System.setProperty("jmh.ignoreLock", "true");
    }

    @Test
    void shouldFailWhenADeliberateAllocationIsAddedToTheHotPathAndPassTheSamePathWithout(@TempDir final Path dir)
        throws Exception
    {
        final Path results = dir.resolve("gate.json");
        final ByteArrayOutputStream table = new ByteArrayOutputStream();

        final boolean passed = BenchmarkGate.run(
            List.of(new Gated(CLEAN, null, true), new Gated(CARELESS, null, true)),
            dir.resolve("no-baseline.json"), results, false, new PrintStream(table, true, StandardCharsets.UTF_8));

        final String output = table.toString(StandardCharsets.UTF_8);
        assertFalse(passed, output);
        assertTrue(output.lines().anyMatch(line -> line.startsWith("ok") && line.contains(CLEAN + " ")), output);
        assertTrue(output.lines().anyMatch(line -> line.startsWith("FAIL") && line.contains(CARELESS) &&
            line.contains("on a zero-allocation path")), output);
        assertTrue(output.contains("gate: FAILED"), output);
        final String json = Files.readString(results);
        assertTrue(json.contains("\"passed\" : false"), json);
    }

    @Test
    void shouldWriteABaselineThatTheNextRunComparesWith(@TempDir final Path dir) throws Exception
    {
        final Path baseline = dir.resolve("baseline.json");
        final List<Gated> gated = List.of(new Gated(CLEAN, null, true));

        assertTrue(BenchmarkGate.run(gated, baseline, dir.resolve("first.json"), true, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        final ByteArrayOutputStream table = new ByteArrayOutputStream();
        final boolean passed = BenchmarkGate.run(gated, baseline, dir.resolve("second.json"), false,
            new PrintStream(table, true, StandardCharsets.UTF_8));

        final String output = table.toString(StandardCharsets.UTF_8);
        assertTrue(passed, output);
        assertTrue(output.lines().anyMatch(line -> line.startsWith("ok") && line.contains(CLEAN + " ") &&
            line.contains("x of baseline")), "compared with the written baseline: " + output);
    }
}
