package io.feedhandler.config;

/**
 * The {@code pipeline} section: the Disruptor ring between the feed lines and Kafka.
 *
 * @param ringSize       slots in the ring, a power of two; every slot is a preallocated event.
 * @param waitStrategy   how the ring's consumers wait.
 * @param overloadPolicy what happens when the ring is full.
 * @param stageThreads   one consumer thread for all stages, or one per stage.
 */
public record PipelineSettings(int ringSize, WaitStrategy waitStrategy, OverloadPolicy overloadPolicy,
    StageThreads stageThreads)
{
    /** The largest ring a profile may ask for: 2^24 preallocated events already take gigabytes. */
    public static final int MAX_RING_SIZE = 1 << 24;

    static PipelineSettings read(final ProfileReader reader)
    {
        final int ringSize = (int)reader.wholeNumber("pipeline.ring-size", 2, MAX_RING_SIZE);
        if (Integer.bitCount(ringSize) != 1)
        {
            reader.invalid("pipeline.ring-size", "must be a power of two (the ring indexes slots with a mask)");
        }
        final WaitStrategy waitStrategy = reader.choice("pipeline.wait-strategy",
            ProfileReader.choicesOf(WaitStrategy.class, WaitStrategy::profileName)).orElse(WaitStrategy.SLEEPING);
        final OverloadPolicy overloadPolicy = reader.choice("pipeline.overload-policy",
            ProfileReader.choicesOf(OverloadPolicy.class, OverloadPolicy::profileName)).orElse(OverloadPolicy.BLOCK);
        final StageThreads stageThreads = reader.choice("pipeline.stage-threads",
            ProfileReader.choicesOf(StageThreads.class, StageThreads::profileName)).orElse(StageThreads.ONE);
        return new PipelineSettings(ringSize, waitStrategy, overloadPolicy, stageThreads);
    }
}
