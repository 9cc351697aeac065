package io.feedhandler.config;

import java.util.Locale;

/**
 * How the ring's stages map to threads ({@code pipeline.stage-threads}).
 */
public enum StageThreads
{
    /**
     * Every stage on one consumer thread, one after the other per event: the fewest threads
     * competing for the cores (with the feed's own thread and the producer's I/O thread). The
     * default, and what machines with few cores want.
     */
    ONE,
    /**
     * One thread per stage (the classic Disruptor pipeline): stages overlap, which pays only when
     * every stage thread has a core of its own (isolated cores, {@code busy-spin}).
     */
    PER_STAGE;

    /** @return how a profile spells it, e.g. {@code per-stage}. */
    public String profileName()
    {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
