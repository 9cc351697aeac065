package io.feedhandler.config;

/**
 * The {@code replay} section: how a feed file is published ({@code feedhandler replay}, the file
 * part of {@code demo}). A replay is a throughput job, not a latency one: its producer lets each
 * partition's batch fill for a few milliseconds, where the live lines send at once
 * ({@code kafka.producer.linger.ms}). Keyed records spread over every partition of five topics, so
 * at {@code linger.ms = 0} each batch holds a handful of records and the per-batch cost (producer,
 * network, broker) is paid per handful (bench/README.md, "Replay against ProducerPerformance").
 *
 * @param lingerMillis {@code linger.ms} of the replay's producer, in place of {@code kafka.producer.linger.ms}.
 */
public record ReplaySettings(long lingerMillis)
{
    /** The longest linger a profile may give a replay: a batch job, but not one that waits. */
    public static final long MAX_LINGER_MS = 1_000;

    static ReplaySettings read(final ProfileReader reader)
    {
        return new ReplaySettings(reader.wholeNumber("replay.linger-ms", 0, MAX_LINGER_MS));
    }
}
