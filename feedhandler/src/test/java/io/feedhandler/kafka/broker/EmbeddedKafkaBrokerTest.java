package io.feedhandler.kafka.broker;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class EmbeddedKafkaBrokerTest
{
    private static final int RECORDS = 10_000;

    @RegisterExtension
    static final BrokerExtension BROKER = new BrokerExtension();


    @Test
    void shouldDeliverEveryRecordOfAnIdempotentProducerExactlyOnce() throws Exception
    {
        final String topic = "exactly-once";
        BrokerClients.createTopic(BROKER.bootstrapServers(), topic, 3);

        try (KafkaProducer<String, String> producer = BrokerClients.producer(BROKER.bootstrapServers()))
        {
            assertEquals(RECORDS, BrokerClients.produceAcked(producer, topic, 0, RECORDS));
        }

        BrokerClients.assertTopicHoldsExactly(BROKER.bootstrapServers(), topic, RECORDS);
    }

    @Test
    void shouldProduceWithMaxBlockZeroOnceTheProducerHasTheTopicsMetadata() throws Exception
    {
        final String topic = "max-block-zero";
        BrokerClients.createTopic(BROKER.bootstrapServers(), topic, 1);
        final Properties config = BrokerClients.idempotentProducer(BROKER.bootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "0");

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config))
        {
            // A send before the producer has the topic's metadata fails (through its future: send()
            // does not throw); it only asks for the metadata, which takes milliseconds to come.
            final Future<RecordMetadata> tooEarly = producer.send(new ProducerRecord<>(topic, "k", "-1"));
            final ExecutionException failure = assertThrows(ExecutionException.class, tooEarly::get);
            assertInstanceOf(TimeoutException.class, failure.getCause());

            awaitMetadata(producer, topic);
            assertEquals(RECORDS, BrokerClients.produceAcked(producer, topic, 0, RECORDS));
        }

        BrokerClients.assertTopicHoldsExactly(BROKER.bootstrapServers(), topic, RECORDS);
    }

    @Test
    void shouldFailASendInsteadOfBlockingWhenNoBrokerAnswers() throws Exception
    {
        final int closedPort = KraftNodeConfig.FreePorts.choose(1)[0];
        final Properties config = BrokerClients.idempotentProducer(KraftNodeConfig.HOST + ":" + closedPort);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "200");

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config))
        {
            final CompletableFuture<Exception> callback = new CompletableFuture<>();
            // send() does not throw: a metadata timeout comes back through the future and the callback.
            final Future<RecordMetadata> ack = producer.send(new ProducerRecord<>("nowhere", "k", "v"),
                (metadata, exception) -> callback.complete(exception));

            final ExecutionException failure = assertThrows(ExecutionException.class, ack::get);
            assertInstanceOf(TimeoutException.class, failure.getCause());
            assertInstanceOf(TimeoutException.class, callback.get());
        }
    }

    @Test
    void shouldDeleteItsTemporaryDirectoryOnClose() throws Exception
    {
        final Path directory;
        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start())
        {
            directory = second.directory();
            assertTrue(Files.isRegularFile(directory.resolve("server.properties")));
        }
        assertFalse(Files.exists(directory));
    }

    @Test
    void shouldKeepPortsAndRecordsWhenRestartedInTheSameDirectory(@TempDir final Path directory) throws Exception
    {
        final String topic = "restarted";
        final String bootstrapServers;
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(directory))
        {
            bootstrapServers = first.bootstrapServers();
            BrokerClients.createTopic(bootstrapServers, topic, 2);
            try (KafkaProducer<String, String> producer = BrokerClients.producer(bootstrapServers))
            {
                BrokerClients.produceAcked(producer, topic, 0, RECORDS);
            }
        }
        assertTrue(Files.isDirectory(directory.resolve("data")));

        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(directory))
        {
            assertEquals(bootstrapServers, second.bootstrapServers());
            BrokerClients.assertTopicHoldsExactly(bootstrapServers, topic, RECORDS);
        }
    }

    /** What a publisher with a small max.block.ms does before the feed opens: ask until it has the metadata. */
    private static void awaitMetadata(final KafkaProducer<String, String> producer, final String topic)
    {
        final long deadline = System.nanoTime() + BrokerClients.DEADLINE.toNanos();
        while (true)
        {
            try
            {
                assertFalse(producer.partitionsFor(topic).isEmpty());
                return;
            }
            catch (final TimeoutException notYet)
            {
                assertTrue(System.nanoTime() - deadline < 0, topic + ": no metadata within " + BrokerClients.DEADLINE);
                Thread.onSpinWait();
            }
        }
    }
}
