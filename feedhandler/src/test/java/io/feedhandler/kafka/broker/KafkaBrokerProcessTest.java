package io.feedhandler.kafka.broker;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(600)
class KafkaBrokerProcessTest
{
    private static final int RECORDS = 5_000;

    @TempDir
    Path directory;

    @Test
    void shouldKeepAckedRecordsThroughKillAndRestartAndAcceptNewOnes() throws Exception
    {
        final String topic = "survives-kill";
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.create(directory))
        {
            broker.start();
            final String bootstrapServers = broker.bootstrapServers();
            final long firstPid = broker.pid();
            BrokerClients.createTopic(bootstrapServers, topic, 3);

            // One producer for the whole test, as the feed handler's publisher would live through a
            // broker crash: it reconnects to the restarted broker by itself.
            try (KafkaProducer<String, String> producer = BrokerClients.producer(bootstrapServers))
            {
                assertEquals(RECORDS, BrokerClients.produceAcked(producer, topic, 0, RECORDS));

                broker.kill();
                assertFalse(broker.isRunning());

                broker.start();
                assertThrows(IllegalStateException.class, broker::start, "a second start while running");
                assertEquals(bootstrapServers, broker.bootstrapServers());
                assertNotEquals(firstPid, broker.pid());
                BrokerClients.assertTopicHoldsExactly(bootstrapServers, topic, RECORDS);

                assertEquals(RECORDS, BrokerClients.produceAcked(producer, topic, RECORDS, RECORDS));
                BrokerClients.assertTopicHoldsExactly(bootstrapServers, topic, 2 * RECORDS);
            }

            broker.stop();
            assertFalse(broker.isRunning());
            broker.start();
            BrokerClients.assertTopicHoldsExactly(bootstrapServers, topic, 2 * RECORDS);
        }
        final String log = Files.readString(directory.resolve("broker.log"));
        assertTrue(log.contains("Kafka Server started"), "broker.log shows the broker starting");
    }

    @Test
    void shouldSayWhatTheBrokerLastLoggedWhenItCannotStart() throws Exception
    {
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.create(directory);
            ServerSocket squatter = new ServerSocket())
        {
            final int port = Integer.parseInt(broker.bootstrapServers().substring(broker.bootstrapServers().indexOf(':') + 1));
            squatter.setReuseAddress(true);
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));

            final IllegalStateException failure = assertThrows(IllegalStateException.class, broker::start);

            assertTrue(failure.getMessage().contains("exited while starting"), failure.getMessage());
            assertTrue(failure.getMessage().contains("Address already in use"), failure.getMessage());
            assertFalse(broker.isRunning());
        }
    }
}
