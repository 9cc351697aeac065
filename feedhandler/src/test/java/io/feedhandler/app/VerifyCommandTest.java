package io.feedhandler.app;

import io.feedhandler.TestData;
import io.feedhandler.avro.RecordSchema;
import io.feedhandler.kafka.TopicReader;
import io.feedhandler.kafka.Topics;
import io.feedhandler.kafka.broker.BrokerExtension;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code verify} against a real broker, on what {@code replay} published and on tampered copies of it. */
class VerifyCommandTest
{
    private static final String SNIPPET = "itch50/nasdaq-12302019-snippet.itch50";
    private static final String GAP_CAPTURE = "pcap/nasdaq-itch50-moldudp64/Nasdaq.Equities.TotalView.Itch.v5.0/Multiple.Packets.pcap";

    @RegisterExtension
    static final BrokerExtension BROKER = new BrokerExtension();

    @TempDir
    Path state;


    @Test
    void shouldPassWhenEverySequenceOfTheRealSampleIsPublished()
    {
        replay("verify1", SNIPPET);

        final CommandRun run = verify("verify1", "--from-beginning");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("session nasdaq-12302019-snippet: sequences 1..1000, 1000 with records, 0 dead-lettered, " +
            "0 in 0 reported gap(s), 0 MISSING, 0 duplicate(s)"), run.out());
        assertTrue(run.out().contains("records that do not decode: 0"), run.out());
    }

    @Test
    void shouldCountASequenceRangeReportedByAGapStatusRecordAsAccountedFor()
    {
        replay("verify2", GAP_CAPTURE);

        final CommandRun run = verify("verify2", "--from-beginning");

        // The capture's own gap: 14764497..19009116 (manifest), reported by one GAP status record.
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("4244620 in 1 reported gap(s), 0 MISSING"), run.out());
    }

    @Test
    void shouldFailNamingAMissingSequenceAndCountDuplicatesAndUndecodableRecords() throws Exception
    {
        replay("verify3", SNIPPET);
        final Topics source = new Topics("equities", "verify3");
        final Topics copy = new Topics("equities", "verify4");
        createTopics(copy);
        final GenericDatumReader<GenericRecord> orders = new GenericDatumReader<>(
            io.feedhandler.avro.RecordSchemas.fromClassPath().schema(RecordSchema.ORDER_EVENT));
        final List<ProducerRecord<byte[], byte[]>> copies = new ArrayList<>();
        new TopicReader(BROKER.bootstrapServers()).readFromBeginning(source.all(), record ->
        {
            final String topic = copy.topic(kind(source, record.topic()).dataType());
            final ProducerRecord<byte[], byte[]> same = new ProducerRecord<>(topic, record.partition(), record.key(), record.value());
            if (topic.equals(copy.orders()))
            {
                final long sequence = sequence(orders, record.value());
                if (sequence == 500)
                {
                    return;
                }
                if (sequence == 10)
                {
                    copies.add(same);
                }
            }
            copies.add(same);
        });
        copies.add(new ProducerRecord<>(copy.trades(), 0, "AAPL".getBytes(StandardCharsets.US_ASCII), new byte[] {1, 2, 3}));
        send(copies);

        final CommandRun run = verify("verify4", "--from-beginning");

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("1 MISSING, 1 duplicate(s)"), run.out());
        assertTrue(run.out().contains("missing and not reported: 500"), run.out());
        assertTrue(run.out().contains("records that do not decode: 1"), run.out());
        assertTrue(run.out().contains("no wire-format prefix"), run.out());
    }

    @Test
    void shouldContinueFromWhereTheGroupStoppedUnlessToldToReadFromTheBeginning()
    {
        replay("verify5", SNIPPET);

        final CommandRun first = verify("verify5");
        final CommandRun second = verify("verify5");
        final CommandRun again = verify("verify5", "--from-beginning");

        assertEquals(0, first.exitCode(), first.out() + first.err());
        assertTrue(first.out().contains("1000 with records"), first.out());
        assertTrue(second.out().contains("market.equities.orders.verify5                           0 records"), second.out());
        assertTrue(again.out().contains("1000 with records"), again.out());
    }

    @Test
    void shouldExitTwoWithoutAStackTraceWhenKafkaDoesNotAnswer()
    {
        final CommandRun run = run("verify", "--set", "kafka.bootstrap-servers=127.0.0.1:1", "--timeout", "2");

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("verify: Kafka at 127.0.0.1:1 did not answer"), run.err());
    }

    @Test
    void shouldExitTwoInOneLineWhenTheSchemaRegistryDoesNotAnswer() throws Exception
    {
        final String down = "http://127.0.0.1:" + io.feedhandler.registry.RegistryExtension.freePort();
        final CommandRun run = run("verify", "--set", "kafka.bootstrap-servers=" + BROKER.bootstrapServers(),
            "--set", "schema-registry.url=" + down, "--set", "schema-registry.retries=1",
            "--set", "schema-registry.retry-backoff-ms=10");

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("verify: schema registry " + down + " unreachable"), run.err());
        assertTrue(run.err().contains("SCHEMA_REGISTRY_URL=none"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.out().isEmpty(), "no report from a verify that could not decode: " + run.out());
    }

    private void replay(final String exchange, final String file)
    {
        final CommandRun run = run("replay", "--no-progress", "--set", "exchange=" + exchange,
            "--set", "kafka.bootstrap-servers=" + BROKER.bootstrapServers(), "--set", "kafka.topics.partitions=4",
            "--set", "checkpoint.directory=" + state, TestData.path(file).toString());
        assertTrue(run.exitCode() == 0, run.out() + run.err());
    }

    private static CommandRun verify(final String exchange, final String... options)
    {
        final List<String> args = new ArrayList<>(List.of("verify", "--set", "exchange=" + exchange,
            "--set", "kafka.bootstrap-servers=" + BROKER.bootstrapServers()));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    private static RecordSchema kind(final Topics topics, final String topic)
    {
        for (final RecordSchema kind : RecordSchema.values())
        {
            if (topics.topic(kind.dataType()).equals(topic))
            {
                return kind;
            }
        }
        throw new AssertionError("not a record topic: " + topic);
    }

    private static long sequence(final GenericDatumReader<GenericRecord> reader, final byte[] value)
    {
        try
        {
            return (Long)reader.read(null, DecoderFactory.get().binaryDecoder(value, 10, value.length - 10, null)).get("sequence");
        }
        catch (final java.io.IOException ex)
        {
            throw new AssertionError(ex);
        }
    }

    private static void createTopics(final Topics topics) throws Exception
    {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers())))
        {
            final List<NewTopic> all = new ArrayList<>();
            for (final String topic : topics.all())
            {
                all.add(new NewTopic(topic, 4, (short)1));
            }
            admin.createTopics(all).all().get();
        }
    }

    private static void send(final List<ProducerRecord<byte[], byte[]>> records) throws Exception
    {
        final Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties))
        {
            for (final ProducerRecord<byte[], byte[]> record : records)
            {
                producer.send(record).get();
            }
        }
    }

    private static CommandRun run(final String... args)
    {
        return CommandRun.of(args);
    }
}
