package io.feedhandler.bench.harness;

import org.agrona.concurrent.EpochNanoClock;

import java.util.concurrent.locks.LockSupport;

/**
 * Waits for a send's intended time on a fixed schedule, open loop: a send that is late goes at
 * once, and the schedule is never shifted or thinned to make up for it (wrk2's rule: latency is
 * measured from the intended time, so lateness is charged, not hidden).
 *
 * <p>{@code parkNanos} wakes about 50 to 60 µs late here (the kernel's timer slack), too coarse
 * for a 20 µs budget: park until {@value #SPIN_NANOS} ns before the due time, then spin.
 */
final class Pacer
{
    /** How long before the due time parking gives way to spinning. */
    static final long SPIN_NANOS = 100_000L;

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
