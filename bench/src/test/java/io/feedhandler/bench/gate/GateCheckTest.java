package io.feedhandler.bench.gate;

import io.feedhandler.bench.gate.GateCheck.Gated;
import io.feedhandler.bench.gate.GateCheck.Line;
import io.feedhandler.bench.gate.GateCheck.Measurement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateCheckTest
{
    private static final Gated DECODE = new Gated("Decode.ours", "Decode.reference", true);
    private static final Measurement REFERENCE = new Measurement("Decode.reference", 100e6, 0.0001);

    @Test
    void shouldPassASpeedWithinTwiceTheBaselineRelativeToItsYardstick()
    {
        // Baseline: ours was 1.5x the reference. Now both run on a machine half as fast: still 1.5x.
        final List<Line> lines = GateCheck.check(List.of(DECODE),
            Map.of("Decode.ours", new Measurement("Decode.ours", 75e6, 0.0002),
                "Decode.reference", new Measurement("Decode.reference", 50e6, 0)),
            Map.of("Decode.ours", 1.5));

        assertTrue(GateCheck.passed(lines), lines.toString());
        assertEquals(1.5, lines.get(0).relative(), 1e-9);
    }

    @Test
    void shouldFailATwoTimesRegressionRelativeToTheYardstick()
    {
        final List<Line> lines = GateCheck.check(List.of(DECODE),
            Map.of("Decode.ours", new Measurement("Decode.ours", 70e6, 0), "Decode.reference", REFERENCE),
            Map.of("Decode.ours", 1.5));

        assertFalse(GateCheck.passed(lines));
        assertTrue(lines.get(0).problem().contains("2.1x slower than the baseline"), lines.get(0).problem());
    }

    @Test
    void shouldFailAnyAllocationAboveJmhsOwnNoiseOnAZeroAllocationPath()
    {
        final Gated noisy = new Gated("Encode.ours", null, true);
        final Gated allowed = new Gated("Encode.reference", null, false);
        final List<Line> lines = GateCheck.check(List.of(noisy, allowed, DECODE),
            Map.of("Encode.ours", new Measurement("Encode.ours", 1e6, 16.0),
                "Encode.reference", new Measurement("Encode.reference", 1e6, 264.0),
                "Decode.ours", new Measurement("Decode.ours", 150e6, 0.001), "Decode.reference", REFERENCE),
            Map.of());

        assertEquals("allocates 16.0 B/op on a zero-allocation path", lines.get(0).problem());
        assertNull(lines.get(1).problem());
        assertNull(lines.get(2).problem());
    }

    @Test
    void shouldFailABenchmarkThatWasNotMeasuredOrWhoseYardstickWasNot()
    {
        final List<Line> lines = GateCheck.check(List.of(DECODE, new Gated("Gone.method", null, true)),
            Map.of("Decode.ours", new Measurement("Decode.ours", 150e6, 0)), Map.of());

        assertEquals("yardstick Decode.reference not measured", lines.get(0).problem());
        assertTrue(lines.get(1).problem().startsWith("not measured"));
    }
}
