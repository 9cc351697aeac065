package io.feedhandler.itch50;

import com.sun.management.ThreadMXBean;

import java.lang.management.ManagementFactory;

/**
 * Measures heap allocation by the current thread, to guard "zero allocation in steady state" in unit
 * tests (JMH's gc profiler in the bench module is the real measurement).
 */
public final class AllocationMeter
{
    private static final int MAX_RUNS = 20;

    private AllocationMeter()
    {
    }

    /**
     * Run the work repeatedly until one run allocates nothing, or give up. The first runs allocate
     * while the JIT compiles and swaps code in; steady state is what matters.
     *
     * @param work the code under test, the same amount of work on every call.
     * @return 0 if some run allocated nothing, else the smallest allocation seen in any run, in bytes.
     */
    public static long steadyStateAllocation(final Runnable work)
    {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled())
        {
            throw new IllegalStateException("this JVM does not measure per-thread allocation");
        }
        long least = Long.MAX_VALUE;
        for (int i = 0; i < MAX_RUNS && least > 0; i++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            work.run();
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
        }
        return least;
    }
}
