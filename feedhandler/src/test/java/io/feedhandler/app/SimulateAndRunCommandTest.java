package io.feedhandler.app;

import io.feedhandler.sim.LoopbackLines;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command lines of {@code simulate} and {@code run} where they need no broker. */
class SimulateAndRunCommandTest
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(final String... args)
    {
        return FeedHandlerCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void shouldRefuseToRunALiveLineWithTheBlockPolicyNamingTheKey()
    {
        assertEquals(2, execute("run", "--set", "pipeline.overload-policy=block"));
        assertTrue(err.toString().contains("pipeline.overload-policy must be recover or shed: block would stall a live " +
            "line's socket thread"), err.toString());
    }

    @Test
    void shouldNameTheLineThatCannotBeJoined()
    {
        assertEquals(2, execute("run", "--set", "lines.b.interface=nosuch0"));
        assertEquals("run: line B (239.192.70.2:26401 on nosuch0): no network interface named nosuch0 (lines.b.interface)",
            err.toString().strip());
    }

    @Test
    void shouldPlayAGeneratedDayAndSayWhatItDid()
    {
        final List<String> args = new ArrayList<>(List.of("simulate", "--messages", "5000", "--symbols", "20", "--rate", "0",
            "--loss-a", "0.1", "--loss-b", "0.2", "--seed", "3", "--session", "TESTSIM", "--heartbeat-ms", "10",
            "--linger", "PT0S"));
        LoopbackLines.overrides(Map.of()).forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));

        assertEquals(0, execute(args.toArray(String[]::new)), err.toString());
        assertTrue(out.toString().contains("simulate: session TESTSIM, 5,000 messages"), out.toString());
        assertTrue(out.toString().matches("(?s).*played [0-9,]+ packets; dropped A [0-9,]+, B [0-9,]+; re-requests 0, answered 0.*"),
            out.toString());
    }

    @Test
    void shouldRefuseALossThatIsNotAFraction()
    {
        assertEquals(2, execute("simulate", "--loss-a", "1.5"));
        assertTrue(err.toString().contains("--loss-a, --loss-b and --reorder must be fractions from 0 to 1"), err.toString());
    }
}
