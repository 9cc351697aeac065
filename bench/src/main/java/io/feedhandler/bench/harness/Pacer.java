package io.feedhandler.bench.harness;

import org.agrona.concurrent.EpochNanoClock;

import java.util.concurrent.locks.LockSupport;

/**
 * Waits for a send's intended time on a fixed schedule, open loop: a send that is late goes at
 * once, and the schedule is never shifted or thinned to make up for it (wrk2's rule: latency is
 * measured from the intended time, so lateness is charged, not hidden).
 *
 * <p>{@code parkNanos(10 µs)} returned 68 to 77 µs late here (p10 to p90, load average 7: timer
 * slack and a busy scheduler), too coarse for a 20 µs budget: park for what is left less
 * {@value #SPIN_NANOS} ns, which wakes near the due time, then spin what remains. Spinning all of the last 100 µs instead would keep
 * a whole core busy at 100,000 msg/s (a packet every 80 µs) on a 2-core machine that also runs the
 * handler and the broker.
 */
final class Pacer
{
    /** Closer than this to the due time, spin; further, park for the difference (the timer slack fills most of it). */
    static final long SPIN_NANOS = 70_000L;

    private Pacer()
    {
    }

    /**
     * @param clock  the clock of the schedule.
     * @param dueNanos when to go.
     * @return the clock's time once it is {@code dueNanos} or later.
     */
    static long awaitDue(final EpochNanoClock clock, final long dueNanos)
    {
        long now;
        while ((now = clock.nanoTime()) < dueNanos)
        {
            final long left = dueNanos - now;
            if (left > SPIN_NANOS)
            {
                LockSupport.parkNanos(left - SPIN_NANOS);
            }
            else
            {
                Thread.onSpinWait();
            }
        }
        return now;
    }
}
