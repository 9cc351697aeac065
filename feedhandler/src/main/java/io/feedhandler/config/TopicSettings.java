package io.feedhandler.config;

/**
 * The {@code kafka.topics} section: how the topics are created when they are missing.
 *
 * @param partitions        of each market data topic (reference data and the DLQ always get one).
 * @param replicationFactor copies of each partition: 1 on a development broker, 3 in production.
 * @param create            whether the feed handler creates missing topics at start-up.
 */
public record TopicSettings(int partitions, short replicationFactor, boolean create)
{
    /** Kafka itself has no hard limit; more than this is a typo, not a plan. */
    public static final int MAX_PARTITIONS = 10_000;

    static TopicSettings read(final ProfileReader reader)
    {
        return new TopicSettings(
            (int)reader.wholeNumber("kafka.topics.partitions", 1, MAX_PARTITIONS),
            (short)reader.wholeNumber("kafka.topics.replication-factor", 1, Short.MAX_VALUE),
            reader.flag("kafka.topics.create"));
    }
}
