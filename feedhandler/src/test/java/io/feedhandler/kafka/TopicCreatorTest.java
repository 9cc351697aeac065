package io.feedhandler.kafka;

import io.feedhandler.config.Profile;
import io.feedhandler.kafka.broker.BrokerExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class TopicCreatorTest
{
    @RegisterExtension
    static final BrokerExtension BROKER = new BrokerExtension();


    @Test
    void shouldCreateEveryTopicWithItsPartitionCountThenLeaveThemAlone() throws Exception
    {
        final Profile profile = profile("nasdaq", Map.of("kafka.topics.partitions", "3"));
        final Topics topics = Topics.of(profile);

        final TopicCreator.Result first = TopicCreator.of(profile).createMissing(topics);

        assertEquals(new TopicCreator.Result(topics.all(), List.of(), List.of()), first);
        assertEquals(Map.of(
            "market.equities.orders.nasdaq", 3,
            "market.equities.trades.nasdaq", 3,
            "market.equities.quotes.nasdaq", 3,
            "market.equities.reference_data.nasdaq", 1,
            "market.equities.status.nasdaq", 3,
            "market.dlq.nasdaq", 1), partitions(topics.all()));

        final TopicCreator.Result second = TopicCreator.of(profile).createMissing(topics);

        assertEquals(new TopicCreator.Result(List.of(), topics.all(), List.of()), second);
    }

    @Test
    void shouldWarnAboutAnExistingTopicWithAnotherPartitionCountAndLeaveIt() throws Exception
    {
        final Profile profile = profile("bx", Map.of("kafka.topics.partitions", "4"));
        final Topics topics = Topics.of(profile);
        try (Admin admin = admin())
        {
            admin.createTopics(List.of(
                new NewTopic(topics.trades(), 2, (short)1),
                new NewTopic(topics.dlq(), 1, (short)1))).all().get();
        }

        final TopicCreator.Result result = TopicCreator.of(profile).createMissing(topics);

        assertEquals(List.of(topics.orders(), topics.quotes(), topics.referenceData(), topics.status()), result.created());
        assertEquals(List.of(topics.trades(), topics.dlq()), result.existing());
        assertEquals(List.of("market.equities.trades.bx has 2 partitions, the profile asks for 4 " +
            "(kafka.topics.partitions): left as it is, since records are keyed by symbol and more partitions " +
            "would move symbols"), result.warnings());
        assertEquals(2, partitions(List.of(topics.trades())).get(topics.trades()));
    }

    @Test
    void shouldNameTheTopicsAndTheReasonWhenKafkaRefuses()
    {
        final Profile profile = profile("psx", Map.of("kafka.topics.replication-factor", "3"));

        final TopicCreationException failure = assertThrows(TopicCreationException.class,
            () -> TopicCreator.of(profile).createMissing(Topics.of(profile)));

        assertTrue(failure.getMessage().startsWith("cannot create topics at " + BROKER.bootstrapServers() + ":"),
            failure.getMessage());
        for (final String topic : Topics.of(profile).all())
        {
            assertTrue(failure.getMessage().contains(topic + ": "), failure.getMessage());
        }
        assertTrue(failure.getMessage().contains("(kafka.topics.replication-factor is 3)"), failure.getMessage());
    }

    @Test
    void shouldFailWithinItsTimeoutNamingTheServersWhenNoBrokerAnswers() throws Exception
    {
        final String nowhere = "127.0.0.1:" + closedPort();
        final Profile profile = Profile.defaults(Map.of("kafka.bootstrap-servers", nowhere), Map.of());
        final TopicCreator creator = TopicCreator.of(profile, Duration.ofSeconds(1));

        // Far above the 1 s asked for, far below the admin client's own 60 s default: bounded, not timed.
        final TopicCreationException failure = assertTimeoutPreemptively(Duration.ofSeconds(30),
            () -> assertThrows(TopicCreationException.class, () -> creator.createMissing(Topics.of(profile))));

        assertEquals("Kafka at " + nowhere + " did not answer within 1000 ms: cannot check or create topics " +
            "(is the broker up? check kafka.bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS)", failure.getMessage());
    }

    private static Profile profile(final String exchange, final Map<String, String> sets)
    {
        final Map<String, String> overrides = new java.util.HashMap<>(sets);
        overrides.put("exchange", exchange);
        overrides.put("kafka.bootstrap-servers", BROKER.bootstrapServers());
        try
        {
            return Profile.defaults(overrides, Map.of());
        }
        catch (final io.feedhandler.config.ProfileException ex)
        {
            throw new AssertionError(ex.getMessage(), ex);
        }
    }

    private static Admin admin()
    {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers()));
    }

    private static Map<String, Integer> partitions(final List<String> topics) throws Exception
    {
        try (Admin admin = admin())
        {
            final Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
            final Map<String, Integer> partitions = new java.util.HashMap<>();
            descriptions.forEach((name, description) -> partitions.put(name, description.partitions().size()));
            return partitions;
        }
    }

    private static int closedPort() throws Exception
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
