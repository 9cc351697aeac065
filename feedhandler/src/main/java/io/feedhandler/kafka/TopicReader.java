package io.feedhandler.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads topics up to their end offsets as of the start of the read, from the beginning or from a
 * consumer group's committed offsets (committing where it stopped), and hands each record over.
 * What {@link TopicAudit} and {@link OutputVerifier} read with.
 */
public final class TopicReader
{
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final Duration timeout;

    /** @param bootstrapServers of the cluster. */
    public TopicReader(final String bootstrapServers)
    {
        this(bootstrapServers, DEFAULT_TIMEOUT);
    }

    /**
     * @param bootstrapServers of the cluster.
     * @param timeout          for each metadata, offset and commit request.
     */
    public TopicReader(final String bootstrapServers, final Duration timeout)
    {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    /**
     * Read every partition of the topics from the beginning.
     *
     * @param topics to read; one that does not exist is read as empty.
     * @param each   sees every record.
     * @return partitions per topic (0 for a missing topic).
     */
    public Map<String, Integer> readFromBeginning(final List<String> topics, final Consumer<ConsumerRecord<byte[], byte[]>> each)
    {
        return read(topics, null, partitions -> { }, each);
    }

    /**
     * Read every partition of the topics from where the group stopped last time (the beginning for
     * a partition it never read), then commit the end offsets reached.
     *
     * @param topics to read.
     * @param group      consumer group keeping the position; null to read from the beginning and commit nothing.
     * @param partitionsKnown told the partitions per topic (0 for a missing topic) before the first record.
     * @param each       sees every record.
     * @return partitions per topic (0 for a missing topic).
     */
    public Map<String, Integer> read(final List<String> topics, final String group,
        final Consumer<Map<String, Integer>> partitionsKnown, final Consumer<ConsumerRecord<byte[], byte[]>> each)
    {
        final Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (group != null)
        {
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        final Map<String, Integer> partitionCounts = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties))
        {
            final Map<String, List<PartitionInfo>> existing = consumer.listTopics(timeout);
            final List<TopicPartition> partitions = new ArrayList<>();
            for (final String topic : topics)
            {
                final List<PartitionInfo> infos = existing.getOrDefault(topic, List.of());
                partitionCounts.put(topic, infos.size());
                for (final PartitionInfo info : infos)
                {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            partitionsKnown.accept(Map.copyOf(partitionCounts));
            if (partitions.isEmpty())
            {
                return partitionCounts;
            }
            consumer.assign(partitions);
            final Map<TopicPartition, OffsetAndMetadata> committed =
                group == null ? Map.of() : consumer.committed(Set.copyOf(partitions), timeout);
            for (final TopicPartition partition : partitions)
            {
                final OffsetAndMetadata position = committed.get(partition);
                if (position == null)
                {
                    consumer.seekToBeginning(List.of(partition));
                }
                else
                {
                    consumer.seek(partition, position.offset());
                }
            }
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (!caughtUp(consumer, end))
            {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500)))
                {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition())))
                    {
                        each.accept(record);
                    }
                }
            }
            if (group != null)
            {
                final Map<TopicPartition, OffsetAndMetadata> reached = new HashMap<>();
                end.forEach((partition, offset) -> reached.put(partition, new OffsetAndMetadata(offset)));
                consumer.commitSync(reached, timeout);
            }
        }
        return partitionCounts;
    }

    private static boolean caughtUp(final KafkaConsumer<byte[], byte[]> consumer, final Map<TopicPartition, Long> end)
    {
        for (final Map.Entry<TopicPartition, Long> entry : end.entrySet())
        {
            if (consumer.position(entry.getKey()) < entry.getValue())
            {
                return false;
            }
        }
        return true;
    }
}
