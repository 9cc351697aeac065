package io.feedhandler.transport.moldudp64;

import java.time.Duration;
import io.feedhandler.Await;
import io.feedhandler.config.Profile;
import io.feedhandler.sim.ExchangeSimulator;
import io.feedhandler.sim.LoopbackLines;
import io.feedhandler.sim.MessageStore;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The lines on real loopback multicast against the simulator (real UDP re-request server): no
 * Kafka, so each scenario takes a second or two. If loopback multicast does not work here, the
 * tests fail and say so: they never skip.
 */
class MoldUdp64LinesTest
{
    private static final MessageStore DAY = MessageStore.generated(7, 50, 20_000);

    /** Collects what the arbiter delivers, on the line thread. */
    private static final class Collected implements LineSink
    {
        final List<Long> sequences = new ArrayList<>();
        final List<String> lineEvents = new ArrayList<>();
        final List<String> sessions = new ArrayList<>();
        long mismatches;
        volatile boolean ended;

        @Override
        public int session(final byte[] session)
        {
            sessions.add(new String(session).strip());
            return sessions.size() - 1;
        }

        @Override
        public int capacity()
        {
            return 1 << 16;
        }

        @Override
        public boolean tryClaim(final int count)
        {
            return true;
        }

        @Override
        public void message(final int stream, final long sequence, final DirectBuffer buffer, final int offset,
            final int storedLength, final int length, final long receiveNanos)
        {
            sequences.add(sequence);
            if (length != DAY.length(sequence) || buffer.getByte(offset) != DAY.bytes()[DAY.offset(sequence)])
            {
                mismatches++;
            }
        }

        @Override
        public void publish()
        {
        }

        @Override
        public boolean gap(final int stream, final long from, final long to, final GapReason reason, final long nowNanos)
        {
            lineEvents.add("GAP " + from + "-" + to + " " + reason);
            return true;
        }

        @Override
        public boolean shed(final int stream, final long from, final long to, final long nowNanos)
        {
            lineEvents.add("SHED " + from + "-" + to);
            return true;
        }

        @Override
        public boolean staleLine(final int stream, final int line, final long nextExpected, final long nowNanos)
        {
            lineEvents.add("STALE " + line);
            return true;
        }

        @Override
        public boolean endOfSession(final int stream, final long next, final long nowNanos)
        {
            lineEvents.add("END " + next);
            ended = true;
            return true;
        }
    }

    private record Run(Collected collected, ExchangeSimulator simulator, LineCounters counters)
    {
    }

    private static Run run(final Map<String, String> sets, final double lossA, final double lossB, final boolean exclusive,
        final double reorder, final boolean answer) throws Exception
    {
        return run(sets, lossA, lossB, exclusive, reorder, answer, MoldUdp64Lines.epoll());
    }

    private static Run run(final Map<String, String> sets, final double lossA, final double lossB, final boolean exclusive,
        final double reorder, final boolean answer, final boolean epoll) throws Exception
    {
        final Profile profile = LoopbackLines.profile(sets);
        final Collected collected = new Collected();
        final LineCounters counters = new LineCounters();
        final MoldUdp64Lines lines = new MoldUdp64Lines(profile.lines(), profile.retransmission(), false, collected,
            new OffsetEpochNanoClock(), counters, epoll);
        try
        {
            lines.start();
            final ExchangeSimulator.Settings settings = ExchangeSimulator.Settings.of(profile, "T" + System.nanoTime() % 1_000_000_000L)
                .with(200_000, lossA, lossB, exclusive, reorder, 42).with(20, answer, 16);
            try (ExchangeSimulator simulator = new ExchangeSimulator(settings, DAY).start())
            {
                assertTrue(simulator.awaitFinished(30, TimeUnit.SECONDS), "the simulator did not finish playing");
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                Await.until("wait while: !collected.ended", Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), () -> !(!collected.ended));
                if (counters.packets[LineArbiter.LINE_A].sum() == 0 && counters.packets[LineArbiter.LINE_B].sum() == 0)
                {
                    fail("no multicast packet arrived on loopback: the simulator sends with IP_MULTICAST_IF lo and the " +
                        "lines join on lo; check that lo is up and multicast on it is not filtered (" + profile.lines() + ")");
                }
                lines.close();
                return new Run(collected, simulator, counters);
            }
        }
        finally
        {
            lines.close();
        }
    }

    @Test
    void shouldDeliverEverythingOnceWithoutAskingWhenTheLinesTogetherCarryEverything() throws Exception
    {
        final Run run = run(Map.of("retransmission.request-delay-ms", "200"), 0.2, 0.2, true, 0.05, true);

        assertEquals(DAY.count(), run.collected.sequences.size(), run.collected.lineEvents.toString());
        for (int i = 0; i < DAY.count(); i++)
        {
            assertEquals(i + 1, run.collected.sequences.get(i));
        }
        assertEquals(0, run.collected.mismatches);
        assertEquals(List.of(), run.simulator.requests(), "no re-request when the other line has the packet");
        assertEquals(List.of("END " + (DAY.count() + 1)), run.collected.lineEvents);
        assertTrue(run.simulator.dropped(0) > 0 && run.simulator.dropped(1) > 0);
        assertTrue(run.counters.duplicates[LineArbiter.LINE_A].sum() > 0 && run.counters.duplicates[LineArbiter.LINE_B].sum() > 0);
    }

    @Test
    void shouldAskForAndRecoverEveryRangeBothLinesLost() throws Exception
    {
        final Run run = run(Map.of(), 0.1, 0.1, false, 0.02, true);

        assertEquals(DAY.count(), run.collected.sequences.size(), run.collected.lineEvents.toString());
        for (int i = 0; i < DAY.count(); i++)
        {
            assertEquals(i + 1, run.collected.sequences.get(i));
        }
        assertEquals(0, run.collected.mismatches);
        assertEquals(List.of("END " + (DAY.count() + 1)), run.collected.lineEvents);
        assertTrue(!run.simulator.requests().isEmpty());
        assertTrue(run.counters.gapsRecovered.sum() > 0);
        assertEquals(0, run.counters.gapsGivenUp.sum());
    }

    @Test
    void shouldRunOnEpollHere()
    {
        assertTrue(MoldUdp64Lines.epoll(), "the epoll native library (netty-transport-native-epoll linux-x86_64) did not load");
    }

    @Test
    void shouldRecoverEverythingOnTheNioTransportToo() throws Exception
    {
        final Run run = run(Map.of(), 0.1, 0.1, false, 0.02, true, false);

        assertEquals(DAY.count(), run.collected.sequences.size(), run.collected.lineEvents.toString());
        assertEquals(0, run.collected.mismatches);
        assertEquals(List.of("END " + (DAY.count() + 1)), run.collected.lineEvents);
        assertTrue(!run.simulator.requests().isEmpty());
    }

    @Test
    void shouldReportEachRangeNeverAnsweredOnceAndKeepGoing() throws Exception
    {
        final Run run = run(Map.of("retransmission.timeout-ms", "5", "retransmission.retries", "2"), 0.05, 0.05, false, 0, false);

        final List<String> gaps = run.collected.lineEvents.stream().filter(event -> event.startsWith("GAP")).toList();
        long missing = 0;
        long expectedNext = 1;
        final java.util.Set<Long> delivered = new java.util.HashSet<>(run.collected.sequences);
        for (final String gap : gaps)
        {
            final String[] range = gap.split(" ")[1].split("-");
            final long from = Long.parseLong(range[0]);
            final long to = Long.parseLong(range[1]);
            assertTrue(from >= expectedNext, "ranges in order, each once: " + gaps);
            for (long s = from; s <= to; s++)
            {
                assertTrue(!delivered.contains(s), s + " both delivered and reported missing");
            }
            missing += to - from + 1;
            expectedNext = to + 1;
        }
        assertTrue(!gaps.isEmpty());
        assertEquals(DAY.count(), run.collected.sequences.size() + missing, "every number delivered or reported");
        assertEquals(run.counters.gapsGivenUp.sum(), gaps.size());
        assertTrue(run.collected.ended, "the handler kept going to the end of the session");
    }
}
