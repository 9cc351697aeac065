package io.feedhandler.kafka.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The plain Kafka clients the broker tests talk through: an idempotent producer as the feed
 * handler's publisher configures it, and a consumer that reads a topic to its end.
 */
final class BrokerClients
{
    static final Duration DEADLINE = Duration.ofSeconds(90);

    private BrokerClients()
    {
    }

    static void createTopic(final String bootstrapServers, final String topic, final int partitions)
        throws InterruptedException, ExecutionException
    {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)))
        {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short)1))).all().get();
        }
    }

    /** {@code acks=all}, idempotent, {@code linger.ms=0}: what the publisher runs with. */
    static Properties idempotentProducer(final String bootstrapServers)
    {
        final Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    static KafkaProducer<String, String> producer(final String bootstrapServers)
    {
        return new KafkaProducer<>(idempotentProducer(bootstrapServers));
    }

    /**
     * Send records {@code first .. first + count - 1} (value = the number, key = the number modulo
     * 100) and wait for every acknowledgement.
     *
     * @return how many were acknowledged: all of them, or the test fails.
     */
    static int produceAcked(final KafkaProducer<String, String> producer, final String topic, final int first, final int count)
        throws InterruptedException
    {
        final List<Future<RecordMetadata>> acks = new ArrayList<>(count);
        for (int i = first; i < first + count; i++)
        {
            acks.add(producer.send(new ProducerRecord<>(topic, Integer.toString(i % 100), Integer.toString(i))));
        }
        producer.flush();
        int acked = 0;
        for (final Future<RecordMetadata> ack : acks)
        {
            try
            {
                ack.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
                acked++;
            }
            catch (final ExecutionException | java.util.concurrent.TimeoutException ex)
            {
                fail("record " + (first + acked) + " of " + topic + " not acknowledged", ex);
            }
        }
        return acked;
    }

    /**
     * Read every partition of {@code topic} from its beginning to its end offset as of now, and
     * check that its values are exactly {@code 0 .. expected - 1}, each once.
     */
    static void assertTopicHoldsExactly(final String bootstrapServers, final String topic, final int expected)
    {
        final Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p))
        {
            final List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, DEADLINE)
                .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, DEADLINE));

            final Set<Integer> seen = new HashSet<>();
            int records = 0;
            final long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!reachedEnd(consumer, end))
            {
                if (System.nanoTime() - deadline > 0)
                {
                    fail(topic + ": read " + records + " records, end offsets " + end + " not reached in " + DEADLINE);
                }
                for (final ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500)))
                {
                    records++;
                    seen.add(Integer.parseInt(record.value()));
                }
            }
            assertEquals(expected, records, topic + ": records read");
            assertEquals(expected, seen.size(), topic + ": distinct values read");
            assertEquals(expected, end.values().stream().mapToLong(Long::longValue).sum(), topic + ": sum of end offsets");
            for (int i = 0; i < expected; i++)
            {
                if (!seen.contains(i))
                {
                    fail(topic + ": value " + i + " missing");
                }
            }
        }
    }

    private static boolean reachedEnd(final KafkaConsumer<String, String> consumer, final Map<TopicPartition, Long> end)
    {
        for (final Map.Entry<TopicPartition, Long> entry : end.entrySet())
        {
            if (consumer.position(entry.getKey(), DEADLINE) < entry.getValue())
            {
                return false;
            }
        }
        return true;
    }
}
