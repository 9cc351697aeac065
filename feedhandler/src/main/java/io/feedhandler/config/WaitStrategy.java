package io.feedhandler.config;

import java.util.Locale;

/**
 * How the ring's consumers wait for the next event ({@code pipeline.wait-strategy}): the trade
 * between latency and the CPU a waiting consumer burns.
 */
public enum WaitStrategy
{
    /** Spin without yielding: lowest latency, one full core per consumer. Only on dedicated, isolated cores. */
    BUSY_SPIN,
    /** Spin, then {@code Thread.yield()}: low latency, still close to a core each while idle. */
    YIELDING,
    /** Spin, yield, then park briefly: tens of microseconds more, little CPU when idle. The default. */
    SLEEPING,
    /** Lock and condition: highest latency, no CPU when idle. */
    BLOCKING;

    /** @return how a profile spells it, e.g. {@code busy-spin}. */
    public String profileName()
    {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
