package io.feedhandler.config;

import java.util.Map;

/**
 * The {@code pipeline} section: the Disruptor ring between the feed lines and Kafka.
 *
 * @param ringSize       slots in the ring, a power of two; every slot is a preallocated event.
 * @param waitStrategy   how the ring's consumers wait.
 * @param overloadPolicy what a live line does when the ring is full: {@code recover} or {@code shed}
 *                       ({@code block} is refused: file replay always waits, live lines never do).
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
        final Map<String, OverloadPolicy> live = ProfileReader.choicesOf(OverloadPolicy.class, OverloadPolicy::profileName);
        live.remove(OverloadPolicy.BLOCK.profileName());
        final OverloadPolicy overloadPolicy = reader.value("pipeline.overload-policy")
            .filter(value -> OverloadPolicy.BLOCK.profileName().equals(String.valueOf(value.unwrapped())))
            .map(value ->
            {
                reader.invalid("pipeline.overload-policy", "must be recover or shed: block would stall a live line's " +
                    "socket thread and lose packets in the kernel (file replay always waits for the ring, whatever this says)");
                return OverloadPolicy.RECOVER;
            })
            .orElseGet(() -> reader.choice("pipeline.overload-policy", live).orElse(OverloadPolicy.RECOVER));
        final StageThreads stageThreads = reader.choice("pipeline.stage-threads",
            ProfileReader.choicesOf(StageThreads.class, StageThreads::profileName)).orElse(StageThreads.ONE);
        return new PipelineSettings(ringSize, waitStrategy, overloadPolicy, stageThreads);
    }
}
