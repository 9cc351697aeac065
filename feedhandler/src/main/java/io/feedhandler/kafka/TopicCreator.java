package io.feedhandler.kafka;

import io.feedhandler.config.KafkaSettings;
import io.feedhandler.config.Profile;
import io.feedhandler.config.TopicSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates an exchange's topics that do not exist yet, with Kafka's admin client.
 * <ul>
 *   <li>Orders, trades, quotes and status get the profile's {@code kafka.topics.partitions};
 *       reference data and the DLQ get one partition each: reference data is read as one ordered
 *       stream (a symbol's directory entry before anything else about it), and the DLQ is small
 *       and read in arrival order. Every topic gets {@code kafka.topics.replication-factor}.</li>
 *   <li>Idempotent: a topic that exists is left alone. If its partition count or replication
 *       differs from the profile, that is returned as a warning, not thrown: changing a keyed
 *       topic's partitions moves symbols between partitions, which is an operator's decision.</li>
 *   <li>Bounded: the whole call takes at most its timeout (default {@link #DEFAULT_TIMEOUT}); a
 *       broker that does not answer gives a {@link TopicCreationException} naming the bootstrap
 *       servers, never an endless wait.</li>
 * </ul>
 * Whether to call it at all is the profile's {@code kafka.topics.create}.
 */
public final class TopicCreator
{
    /** How long {@link #createMissing} may take in all, unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final long LEADER_POLL_MS = 50;

    /** Extra wait on a future beyond the admin client's own timeout, which should always fire first. */
    private static final long GRACE_MS = 1_000;

    /**
     * What {@link #createMissing} did.
     *
     * @param created  topics it created.
     * @param existing topics that were there already (or were created meanwhile by someone else).
     * @param warnings one sentence per existing topic that differs from the profile.
     */
    public record Result(List<String> created, List<String> existing, List<String> warnings)
    {
        /**
         * @param created  topics it created.
         * @param existing topics that were there already.
         * @param warnings one sentence per existing topic that differs from the profile.
         */
        public Result
        {
            created = List.copyOf(created);
            existing = List.copyOf(existing);
            warnings = List.copyOf(warnings);
        }
    }

    private final Map<String, Object> clientProperties;
    private final String bootstrapServers;
    private final int partitions;
    private final short replicationFactor;
    private final Duration timeout;

    /**
     * @param clientProperties  admin client properties: {@code bootstrap.servers} and any security
     *                          settings; timeouts are set from {@code timeout}.
     * @param partitions        of each market data topic.
     * @param replicationFactor of every topic.
     * @param timeout           the longest {@link #createMissing} may take.
     */
    public TopicCreator(
        final Map<String, Object> clientProperties,
        final int partitions,
        final short replicationFactor,
        final Duration timeout)
    {
        this.clientProperties = Map.copyOf(clientProperties);
        this.bootstrapServers = String.valueOf(clientProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.timeout = timeout;
    }

    /**
     * @param profile its bootstrap servers, topic settings, and the connection and security
     *                settings of its producer ({@code security.*}, {@code ssl.*}, {@code sasl.*},
     *                {@code client.dns.lookup}), so that the admin client reaches the same cluster
     *                the same way.
     * @param timeout the longest {@link #createMissing} may take.
     * @return a creator for the profile's cluster.
     */
    public static TopicCreator of(final Profile profile, final Duration timeout)
    {
        final KafkaSettings kafka = profile.kafka();
        final Map<String, Object> properties = new HashMap<>();
        kafka.producer().forEach((name, value) ->
        {
            if (name.startsWith("security.") || name.startsWith("ssl.") || name.startsWith("sasl.") ||
                name.equals(AdminClientConfig.CLIENT_DNS_LOOKUP_CONFIG))
            {
                properties.put(name, value);
            }
        });
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "feedhandler-" + profile.exchange() + "-topics");
        final TopicSettings topics = kafka.topics();
        return new TopicCreator(properties, topics.partitions(), topics.replicationFactor(), timeout);
    }

    /**
     * @param profile as {@link #of(Profile, Duration)}, with {@link #DEFAULT_TIMEOUT}.
     * @return a creator for the profile's cluster.
     */
    public static TopicCreator of(final Profile profile)
    {
        return of(profile, DEFAULT_TIMEOUT);
    }

    /**
     * @param topics an exchange's topics.
     * @param topic  one of them.
     * @return how many partitions it is created with.
     */
    public int partitionsOf(final Topics topics, final String topic)
    {
        return topic.equals(topics.referenceData()) || topic.equals(topics.dlq()) ? 1 : partitions;
    }

    /**
     * Create whichever of {@code topics} do not exist.
     *
     * @param topics an exchange's topics.
     * @return what was created, what was there, and how existing topics differ from the profile.
     * @throws TopicCreationException if Kafka does not answer within the timeout, or refuses.
     * @throws InterruptedException if interrupted while waiting for Kafka.
     */
    public Result createMissing(final Topics topics) throws TopicCreationException, InterruptedException
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        final Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int)timeout.toMillis());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int)timeout.toMillis());
        final Admin admin;
        try
        {
            admin = Admin.create(properties);
        }
        catch (final KafkaException ex)
        {
            throw new TopicCreationException("cannot reach Kafka at " + bootstrapServers + " to create topics: " +
                rootMessage(ex) + " (check kafka.bootstrap-servers or " + Profile.KAFKA_BOOTSTRAP_SERVERS + ")", ex);
        }
        try
        {
            return createMissing(admin, topics, deadline);
        }
        finally
        {
            admin.close(Duration.ZERO);
        }
    }

    private Result createMissing(final Admin admin, final Topics topics, final long deadline)
        throws TopicCreationException, InterruptedException
    {
        final List<String> existing = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final List<NewTopic> missing = new ArrayList<>();
        final Map<String, String> failures = new LinkedHashMap<>();

        final Map<String, KafkaFuture<TopicDescription>> descriptions = admin
            .describeTopics(topics.all(), new DescribeTopicsOptions().timeoutMs(remainingMs(deadline)))
            .topicNameValues();
        for (final String topic : topics.all())
        {
            try
            {
                final TopicDescription description = await(descriptions.get(topic), deadline);
                existing.add(topic);
                compare(topics, description, warnings);
            }
            catch (final ExecutionException ex)
            {
                if (ex.getCause() instanceof UnknownTopicOrPartitionException)
                {
                    missing.add(new NewTopic(topic, partitionsOf(topics, topic), replicationFactor));
                }
                else
                {
                    failures.put(topic, failure(ex.getCause()));
                }
            }
        }
        failIfAny("cannot check topics", failures);

        final List<String> created = new ArrayList<>();
        if (!missing.isEmpty())
        {
            final Map<String, KafkaFuture<Void>> creations = admin
                .createTopics(missing, new CreateTopicsOptions().timeoutMs(remainingMs(deadline)))
                .values();
            for (final NewTopic topic : missing)
            {
                try
                {
                    await(creations.get(topic.name()), deadline);
                    created.add(topic.name());
                }
                catch (final ExecutionException ex)
                {
                    if (ex.getCause() instanceof TopicExistsException)
                    {
                        existing.add(topic.name()); // another instance created it meanwhile
                    }
                    else
                    {
                        failures.put(topic.name(), failure(ex.getCause()));
                    }
                }
            }
        }
        failIfAny("cannot create topics", failures);
        awaitLeaders(admin, missing, deadline);
        return new Result(created, existing, warnings);
    }

    /**
     * Wait until every partition of the topics just created is served by its leader. Metadata
     * names a leader before the broker serves the partition; an idempotent producer whose first
     * batch lands in that window can see its later batches accepted first and the first one
     * rejected as out of order, held until delivery.timeout.ms (seen here with a fresh KRaft
     * broker). A ListOffsets request is answered by the serving leader only, so it is the probe.
     */
    private static void awaitLeaders(final Admin admin, final List<NewTopic> created, final long deadline)
        throws InterruptedException
    {
        final Map<TopicPartition, OffsetSpec> partitions = new LinkedHashMap<>();
        for (final NewTopic topic : created)
        {
            for (int partition = 0; partition < topic.numPartitions(); partition++)
            {
                partitions.put(new TopicPartition(topic.name(), partition), OffsetSpec.latest());
            }
        }
        while (!partitions.isEmpty() && System.nanoTime() < deadline)
        {
            try
            {
                admin.listOffsets(partitions).all().get(remainingMs(deadline) + GRACE_MS, TimeUnit.MILLISECONDS);
                return;
            }
            catch (final ExecutionException | java.util.concurrent.TimeoutException ex)
            {
                Thread.sleep(LEADER_POLL_MS);
            }
        }
    }

    private void compare(final Topics topics, final TopicDescription description, final List<String> warnings)
    {
        final String topic = description.name();
        final int expectedPartitions = partitionsOf(topics, topic);
        final int actualPartitions = description.partitions().size();
        if (actualPartitions != expectedPartitions)
        {
            warnings.add(topic + " has " + actualPartitions + " partitions, the profile asks for " + expectedPartitions +
                (expectedPartitions == 1 ? " (reference data and the DLQ are single-partition)" : " (kafka.topics.partitions)") +
                ": left as it is, since records are keyed by symbol and more partitions would move symbols");
        }
        final int actualReplicas = description.partitions().isEmpty() ? 0 : description.partitions().get(0).replicas().size();
        if (actualReplicas != replicationFactor)
        {
            warnings.add(topic + " has " + actualReplicas + " replicas per partition, the profile asks for " +
                replicationFactor + " (kafka.topics.replication-factor): left as it is");
        }
    }

    private <T> T await(final KafkaFuture<T> future, final long deadline)
        throws ExecutionException, InterruptedException, TopicCreationException
    {
        try
        {
            return future.get(remainingMs(deadline) + GRACE_MS, TimeUnit.MILLISECONDS);
        }
        catch (final java.util.concurrent.TimeoutException ex)
        {
            throw unreachable(ex);
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof TimeoutException)
            {
                throw unreachable(ex.getCause());
            }
            throw ex;
        }
    }

    private TopicCreationException unreachable(final Throwable cause)
    {
        return new TopicCreationException("Kafka at " + bootstrapServers + " did not answer within " +
            timeout.toMillis() + " ms: cannot check or create topics (is the broker up? check " +
            "kafka.bootstrap-servers or " + Profile.KAFKA_BOOTSTRAP_SERVERS + ")", cause);
    }

    private String failure(final Throwable cause)
    {
        final String reason = rootMessage(cause);
        return cause instanceof InvalidReplicationFactorException
            ? reason + " (kafka.topics.replication-factor is " + replicationFactor + ")"
            : reason;
    }

    private void failIfAny(final String what, final Map<String, String> failures) throws TopicCreationException
    {
        if (failures.isEmpty())
        {
            return;
        }
        final StringBuilder message = new StringBuilder(what).append(" at ").append(bootstrapServers).append(':');
        failures.forEach((topic, reason) -> message.append(System.lineSeparator())
            .append("  ").append(topic).append(": ").append(reason));
        throw new TopicCreationException(message.toString(), null);
    }

    private static int remainingMs(final long deadline)
    {
        return (int)Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private static String rootMessage(final Throwable failure)
    {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root)
        {
            root = root.getCause();
        }
        final String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == failure ? message : failure.getMessage() + ": " + message;
    }
}
