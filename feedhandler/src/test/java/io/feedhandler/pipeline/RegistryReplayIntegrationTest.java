package io.feedhandler.pipeline;

import io.feedhandler.TestData;
import io.feedhandler.avro.RecordSchema;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.book.ReferenceBooks;
import io.feedhandler.config.Profile;
import io.feedhandler.kafka.TopicAudit;
import io.feedhandler.kafka.Topics;
import io.feedhandler.kafka.broker.BrokerExtension;
import io.feedhandler.registry.IncompatibleSchemaException;
import io.feedhandler.registry.RegistryExtension;
import io.feedhandler.registry.SchemaRegistryClient;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays through a real registry (Apicurio, Confluent-compatible API) and a real broker, then
 * reads every topic back as a platform consumer would: magic byte, schema id, writer schema fetched
 * by id from the registry, plain Avro reader. Each test uses its own asset class, so its own subjects.
 */
class RegistryReplayIntegrationTest
{
    @RegisterExtension
    static final RegistryExtension REGISTRY = new RegistryExtension();
    @RegisterExtension
    static final BrokerExtension BROKER = new BrokerExtension();

    private static final String SNIPPET = "itch50/nasdaq-12302019-snippet.itch50";
    private static final String DIRECTORY = "itch50/bekele-sample.itch50";
    private static final String CAPTURE = "pcap/nasdaq-itch50-moldudp64/Nasdaq.Equities.TotalView.Itch.v5.0/Multiple.Packets.pcap";

    @TempDir
    Path state;

    @Test
    void shouldRegisterEverySubjectOnceAndFrameEveryRecordWithAnIdTheRegistryResolves() throws Exception
    {
        final Profile profile = profile("regall", "nasdaq");
        final List<ReplaySummary> summaries = new ArrayList<>();
        final ReplayJob first = new ReplayJob(profile);
        summaries.add(first.replay(TestData.path(SNIPPET), 0, null, Duration.ofSeconds(60)));
        assertEquals(5, first.wirePrefixLength());
        final Map<String, List<Integer>> versionsAfterFirst = versions(profile);
        versionsAfterFirst.values().forEach(versions -> assertEquals(List.of(1), versions, versionsAfterFirst.toString()));

        // A second start (another file, same subjects) reuses the ids: no new version anywhere.
        summaries.add(new ReplayJob(profile).replay(TestData.path(DIRECTORY), 0, null, Duration.ofSeconds(60)));
        summaries.add(new ReplayJob(profile).replay(TestData.path(CAPTURE), 0, null, Duration.ofSeconds(60)));
        assertEquals(versionsAfterFirst, versions(profile));
        summaries.forEach(summary -> assertTrue(summary.complete(), summary.render()));

        final Map<Integer, Schema> byId = new HashMap<>();
        final Set<Integer> ids = new HashSet<>();
        final Map<RecordSchema, Integer> decodedByKind = new HashMap<>();
        try (SchemaRegistryClient client = REGISTRY.client())
        {
            final GenericData model = new GenericData();
            model.addLogicalTypeConversion(new Conversions.DecimalConversion());
            final TopicAudit audit = new TopicAudit(BROKER.bootstrapServers(), 5);
            for (final RecordSchema kind : RecordSchema.values())
            {
                final List<GenericRecord> decoded = new ArrayList<>();
                final TopicAudit.TopicReport report = audit.audit(Topics.of(profile).topic(kind.dataType()), "nasdaq", record ->
                {
                    final byte[] value = record.value();
                    assertEquals(0, value[0], "magic byte");
                    final int id = ByteBuffer.wrap(value, 1, 4).getInt();
                    ids.add(id);
                    final Schema writer = byId.computeIfAbsent(id, unknown -> fetch(client, unknown));
                    assertEquals(kind.fullName(), writer.getFullName());
                    assertEquals(kind.fullName() + ";version=1;id=" + id, header(record, "schema"));
                    decoded.add(decode(writer, model, value));
                });
                assertEquals(0, report.wrongKeys + report.wrongPartitions + report.outOfOrder + report.duplicates, kind.name());
                decodedByKind.put(kind, decoded.size());
                for (final GenericRecord record : decoded)
                {
                    assertLogicalTypes(record);
                }
            }
        }
        for (final RecordSchema kind : RecordSchema.values())
        {
            assertEquals(summaries.stream().mapToLong(summary -> summary.acked(kind)).sum(), (long)decodedByKind.get(kind),
                "every " + kind + " record published was read back and decoded");
        }
        assertTrue(decodedByKind.get(RecordSchema.TRADE) > 0 && decodedByKind.get(RecordSchema.REFERENCE_DATA) > 0 &&
            decodedByKind.get(RecordSchema.STATUS) > 0 && decodedByKind.get(RecordSchema.ORDER_EVENT) > 0 &&
            decodedByKind.get(RecordSchema.QUOTE) > 0, decodedByKind.toString());
        assertEquals(RecordSchema.values().length, ids.size(), "one id per kind, every kind has records: " + ids);
    }

    @Test
    void shouldRefuseAnIncompatibleLocalSchemaNamingSubjectFieldAndRuleAndRegisterNothing() throws Exception
    {
        final Profile profile = profile("regevo", "nasdaq");
        final String subject = "market.regevo.trades-value";
        try (SchemaRegistryClient client = REGISTRY.client())
        {
            // Only the trades subject exists, under BACKWARD: the others are new, and must stay empty.
            client.register(subject, RecordSchemas.fromClassPath().text(RecordSchema.TRADE));
            client.compatibilityLevel(subject, "BACKWARD");
        }
        final Path changed = changedSchemas(RecordSchema.TRADE, "{\"name\": \"shares\", \"type\": \"long\"",
            "{\"name\": \"shares\", \"type\": \"string\"");

        final IncompatibleSchemaException thrown = assertThrows(IncompatibleSchemaException.class, () ->
            new ReplayJob(profile, RecordSchemas.fromDirectory(changed)).replay(TestData.path(SNIPPET), 0, null, Duration.ofSeconds(60)));

        assertEquals(List.of(subject + " (Trade.avsc against registered version 1, id " + idOf(subject) +
            "; registry BACKWARD check: incompatible): field 'shares' changes type from long to string: " +
            "rule 'never change a field's type or reuse its name: add a new field'"), thrown.breaks());
        assertTrue(thrown.getMessage().contains("nothing registered"), thrown.getMessage());
        final Map<String, List<Integer>> versions = versions(profile);
        assertEquals(List.of(1), versions.remove(subject));
        versions.values().forEach(none -> assertEquals(List.of(), none, "all or nothing: " + versions));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers())))
        {
            assertFalse(admin.listTopics().names().get().stream().anyMatch(topic -> topic.startsWith("market.regevo.")),
                "a refused start creates no topics");
        }
    }

    @Test
    void shouldRefuseADecimalScaleChangeThatTheRegistryWouldAccept() throws Exception
    {
        final Profile profile = profile("regscale", "nasdaq");
        assertTrue(new ReplayJob(profile).replay(TestData.path(SNIPPET), 0, null, Duration.ofSeconds(60)).complete());
        final Path changed = changedSchemas(RecordSchema.TRADE, "\"precision\": 10, \"scale\": 4}, \"doc\": \"Trade price",
            "\"precision\": 10, \"scale\": 2}, \"doc\": \"Trade price");

        final IncompatibleSchemaException thrown = assertThrows(IncompatibleSchemaException.class, () ->
            new ReplayJob(profile, RecordSchemas.fromDirectory(changed)).replay(TestData.path(SNIPPET), 0, null, Duration.ofSeconds(60)));

        assertEquals(1, thrown.breaks().size(), thrown.getMessage());
        assertTrue(thrown.breaks().get(0).endsWith("registry NONE check: compatible): field 'price' changes from " +
            "bytes (decimal(10,4)) to bytes (decimal(10,2)): rule 'decimals keep their scale and precision'"), thrown.getMessage());
    }

    @Test
    void shouldFallBackToSingleObjectEncodingLoudlyWhenTheProfileSaysSo() throws Exception
    {
        final Profile profile = Profile.defaults(Map.of(
            "exchange", "nasdaq",
            "asset-class", "regfallback",
            "kafka.bootstrap-servers", BROKER.bootstrapServers(),
            "checkpoint.directory", state.toString(),
            "schema-registry.url", "http://127.0.0.1:" + RegistryExtension.freePort(),
            "schema-registry.retries", "1",
            "schema-registry.retry-backoff-ms", "10",
            "schema-registry.fallback-to-single-object", "true"), Map.of());
        final ReplayJob job = new ReplayJob(profile);

        final ReplaySummary summary = job.replay(TestData.path(SNIPPET), 0, null, Duration.ofSeconds(60));

        assertTrue(summary.complete());
        assertEquals(1, summary.counters().schemaRegistryFallbacks.sum());
        assertTrue(summary.render().contains("WARNING: schema registry unreachable at start"), summary.render());
        assertEquals(10, job.wirePrefixLength());
        final List<byte[]> values = new ArrayList<>();
        new TopicAudit(BROKER.bootstrapServers(), 10).audit(Topics.of(profile).trades(), "nasdaq", record -> values.add(record.value()));
        final Map<String, Long> types = TestData.types(TestData.manifestEntry(SNIPPET));
        assertEquals(types.get("P") + types.get("Q") + ReferenceBooks.of(TestData.path(SNIPPET)).executionTrades, values.size(),
            "P, Q and the executions of known orders");
        values.forEach(value -> assertEquals(List.of((byte)0xC3, (byte)0x01), List.of(value[0], value[1])));
    }

    private Profile profile(final String assetClass, final String exchange) throws Exception
    {
        return Profile.defaults(Map.of(
            "exchange", exchange,
            "asset-class", assetClass,
            "kafka.bootstrap-servers", BROKER.bootstrapServers(),
            "checkpoint.directory", state.resolve(assetClass).toString(),
            "pipeline.ring-size", "1024",
            "kafka.topics.partitions", "2",
            "schema-registry.url", REGISTRY.url().toString()), Map.of());
    }

    private static Map<String, List<Integer>> versions(final Profile profile) throws Exception
    {
        final Map<String, List<Integer>> versions = new HashMap<>();
        try (SchemaRegistryClient client = REGISTRY.client())
        {
            for (final RecordSchema kind : RecordSchema.values())
            {
                final String subject = Topics.of(profile).valueSubject(kind.dataType());
                versions.put(subject, client.versions(subject));
            }
        }
        return versions;
    }

    private static int idOf(final String subject) throws Exception
    {
        try (SchemaRegistryClient client = REGISTRY.client())
        {
            return client.latest(subject).orElseThrow().id();
        }
    }

    private Path changedSchemas(final RecordSchema kind, final String from, final String to) throws Exception
    {
        final Path directory = Files.createDirectories(state.resolve("schemas-" + kind.recordName()));
        final RecordSchemas original = RecordSchemas.fromClassPath();
        for (final RecordSchema each : RecordSchema.values())
        {
            final String text = original.text(each);
            if (each == kind)
            {
                assertTrue(text.contains(from), "the edit must apply: " + from);
            }
            Files.writeString(directory.resolve(each.fileName()), each == kind ? text.replace(from, to) : text);
        }
        return directory;
    }

    private static Schema fetch(final SchemaRegistryClient client, final int id)
    {
        try
        {
            return new Schema.Parser().parse(client.schemaById(id).orElseThrow(() -> new AssertionError("registry has no schema " + id)));
        }
        catch (final Exception ex)
        {
            throw new AssertionError("schema id " + id + " does not resolve", ex);
        }
    }

    private static GenericRecord decode(final Schema writer, final GenericData model, final byte[] value)
    {
        try
        {
            final BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null);
            final GenericRecord record = new GenericDatumReader<GenericRecord>(writer, writer, model).read(null, decoder);
            assertTrue(decoder.isEnd(), "bytes left after the record");
            return record;
        }
        catch (final java.io.IOException ex)
        {
            throw new AssertionError("record does not decode against the registry's schema " + writer.getFullName(), ex);
        }
    }

    /** Decimals come out as BigDecimal at their schema's scale, timestamps as timestamp-nanos longs. */
    private static void assertLogicalTypes(final GenericRecord record)
    {
        for (final Schema.Field field : record.getSchema().getFields())
        {
            final Object value = record.get(field.name());
            final Schema schema = nonNull(field.schema());
            if (schema.getLogicalType() instanceof LogicalTypes.Decimal decimal && value != null)
            {
                assertEquals(decimal.getScale(), assertInstanceOf(BigDecimal.class, value, field.name()).scale(), field.name());
            }
            if (field.name().endsWith("Timestamp"))
            {
                assertEquals(LogicalTypes.timestampNanos(), schema.getLogicalType(), field.name());
                assertInstanceOf(Long.class, value, field.name());
            }
        }
        assertTrue((Long)record.get("exchangeTimestamp") > 1_500_000_000_000_000_000L, "epoch nanoseconds");
    }

    private static Schema nonNull(final Schema schema)
    {
        if (schema.getType() != Schema.Type.UNION)
        {
            return schema;
        }
        return schema.getTypes().stream().filter(branch -> branch.getType() != Schema.Type.NULL).findFirst().orElse(schema);
    }

    private static String header(final ConsumerRecord<byte[], byte[]> record, final String name)
    {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
