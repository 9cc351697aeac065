package io.feedhandler.avro;

import io.feedhandler.itch50.Prices;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The {@code .avsc} files in {@code schemas/}: they parse, agree with each other and with the code. */
class SchemaFilesTest
{
    @Test
    void shouldParseEverySchemaFileAsOneOfTheRecordKinds() throws IOException
    {
        final List<String> expected = new ArrayList<>();
        for (final RecordSchema kind : RecordSchema.values())
        {
            expected.add(kind.fileName());
        }
        final List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(PlainAvro.schemasDirectory()))
        {
            for (final Path file : (Iterable<Path>)files.filter(f -> f.toString().endsWith(".avsc"))::iterator)
            {
                found.add(file.getFileName().toString());
                final Schema schema = new Schema.Parser().parse(file.toFile());
                assertEquals(Schema.Type.RECORD, schema.getType(), file.toString());
                assertEquals(RecordSchema.NAMESPACE, schema.getNamespace(), file.toString());
                assertEquals(file.getFileName().toString(), schema.getName() + ".avsc");
            }
        }
        assertEquals(new TreeSet<>(expected), new TreeSet<>(found));
    }

    @Test
    void shouldStartEveryRecordWithTheSameCommonFields()
    {
        final Schema reference = PlainAvro.schema(RecordSchema.ORDER_EVENT);
        for (final RecordSchema kind : RecordSchema.values())
        {
            final List<Schema.Field> fields = PlainAvro.schema(kind).getFields();
            for (int i = 0; i < PlainAvro.COMMON_FIELDS.size(); i++)
            {
                final Schema.Field field = fields.get(i);
                assertEquals(PlainAvro.COMMON_FIELDS.get(i), field.name(), kind + " field " + i);
                assertEquals(reference.getFields().get(i).schema(), field.schema(), kind + "." + field.name());
                assertEquals(reference.getFields().get(i).doc(), field.doc(), kind + "." + field.name() + " doc");
            }
        }
        assertEquals("timestamp-nanos", reference.getField("exchangeTimestamp").schema().getLogicalType().getName());
        assertEquals("timestamp-nanos", reference.getField("receiveTimestamp").schema().getLogicalType().getName());
    }

    @Test
    void shouldNeverReuseAFieldNameWithAnotherType()
    {
        final Map<String, Schema> types = new HashMap<>();
        final Map<String, String> firstSeen = new HashMap<>();
        for (final RecordSchema kind : RecordSchema.values())
        {
            collectFields(PlainAvro.schema(kind), types, firstSeen);
        }
        assertTrue(types.size() > 60, "fields seen: " + types.keySet());
    }

    @Test
    void shouldDocumentEveryFieldAndDefaultEveryNullableFieldToNull()
    {
        for (final RecordSchema kind : RecordSchema.values())
        {
            for (final Schema.Field field : allFields(PlainAvro.schema(kind)))
            {
                final String name = kind + "." + field.name();
                assertNotNull(field.doc(), name + " has no doc");
                if (field.schema().isUnion())
                {
                    assertEquals(2, field.schema().getTypes().size(), name);
                    assertEquals(Schema.Type.NULL, field.schema().getTypes().get(0).getType(), name + ": null first");
                    assertEquals(JsonProperties.NULL_VALUE, field.defaultVal(), name + " defaults to null");
                }
            }
        }
    }

    @Test
    void shouldGiveDecimalsThePrecisionOfTheirItchFields()
    {
        final int uint32AtScale4 = new BigDecimal(BigInteger.valueOf(0xFFFF_FFFFL), Prices.SCALE).precision();
        final int uint64AtScale8 = new BigDecimal(new BigInteger(Long.toUnsignedString(-1L)), Prices.MWCB_SCALE).precision();
        int decimals = 0;
        for (final RecordSchema kind : RecordSchema.values())
        {
            for (final Schema.Field field : allFields(PlainAvro.schema(kind)))
            {
                final Schema type = nonNull(field.schema());
                if (type.getLogicalType() instanceof LogicalTypes.Decimal decimal)
                {
                    decimals++;
                    final String name = kind + "." + field.name();
                    assertEquals(Schema.Type.BYTES, type.getType(), name);
                    if (decimal.getScale() == Prices.SCALE)
                    {
                        assertEquals(uint32AtScale4, decimal.getPrecision(), name);
                    }
                    else
                    {
                        assertEquals(Prices.MWCB_SCALE, decimal.getScale(), name);
                        assertEquals(uint64AtScale8, decimal.getPrecision(), name);
                    }
                }
            }
        }
        assertEquals(10, uint32AtScale4);
        assertEquals(20, uint64AtScale8);
        assertTrue(decimals >= 20, "decimal fields: " + decimals);
    }

    @Test
    void shouldListTheSameEnumSymbolsAsTheCode()
    {
        assertSymbols(OrderEventType.values(), PlainAvro.schema(RecordSchema.ORDER_EVENT).getField("eventType").schema());
        assertSymbols(TradeSource.values(), PlainAvro.schema(RecordSchema.TRADE).getField("source").schema());
        assertSymbols(StatusType.values(), PlainAvro.schema(RecordSchema.STATUS).getField("statusType").schema());
    }

    @Test
    void shouldPackageTheSameSchemasIntoTheJar() throws IOException
    {
        final RecordSchemas packaged = RecordSchemas.fromClassPath();
        final RecordSchemas files = RecordSchemas.fromDirectory(PlainAvro.schemasDirectory());
        for (final RecordSchema kind : RecordSchema.values())
        {
            assertEquals(files.text(kind), packaged.text(kind), kind.fileName());
            assertEquals(PlainAvro.schema(kind), packaged.schema(kind));
            assertEquals(files.fingerprint(kind), packaged.fingerprint(kind));
        }
    }

    @Test
    void shouldNameTheFileWhenASchemaDeclaresAnotherRecord(@TempDir final Path directory) throws IOException
    {
        for (final RecordSchema kind : RecordSchema.values())
        {
            Files.copy(PlainAvro.schemasDirectory().resolve(kind.fileName()), directory.resolve(kind.fileName()));
        }
        Files.copy(
            PlainAvro.schemasDirectory().resolve(RecordSchema.QUOTE.fileName()), directory.resolve(RecordSchema.TRADE.fileName()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        final IllegalStateException error = assertThrows(
            IllegalStateException.class, () -> RecordSchemas.fromDirectory(directory));

        assertTrue(error.getMessage().contains("Trade.avsc must declare record market.equities.Trade"), error.getMessage());
    }

    @Test
    void shouldNameTheFileWhenASchemaDoesNotParse(@TempDir final Path directory) throws IOException
    {
        for (final RecordSchema kind : RecordSchema.values())
        {
            Files.copy(PlainAvro.schemasDirectory().resolve(kind.fileName()), directory.resolve(kind.fileName()));
        }
        Files.writeString(directory.resolve(RecordSchema.STATUS.fileName()), "{\"type\": \"record\", \"name\": \"Status\"");

        final IllegalStateException error = assertThrows(
            IllegalStateException.class, () -> RecordSchemas.fromDirectory(directory));

        assertTrue(error.getMessage().contains("Status.avsc does not parse"), error.getMessage());
    }

    private static void collectFields(final Schema record, final Map<String, Schema> types, final Map<String, String> firstSeen)
    {
        for (final Schema.Field field : record.getFields())
        {
            final String where = record.getName() + "." + field.name();
            final Schema type = nonNull(field.schema());
            final Schema previous = types.putIfAbsent(field.name(), type);
            firstSeen.putIfAbsent(field.name(), where);
            if (previous != null && !previous.equals(type))
            {
                fail("field " + field.name() + " is " + type + " in " + where + " but " + previous + " in " +
                    firstSeen.get(field.name()));
            }
            final Schema inner = type.getType() == Schema.Type.ARRAY ? type.getElementType() : type;
            if (inner.getType() == Schema.Type.RECORD)
            {
                collectFields(inner, types, firstSeen);
            }
        }
    }

    private static List<Schema.Field> allFields(final Schema record)
    {
        final List<Schema.Field> fields = new ArrayList<>();
        for (final Schema.Field field : record.getFields())
        {
            fields.add(field);
            final Schema type = nonNull(field.schema());
            final Schema inner = type.getType() == Schema.Type.ARRAY ? type.getElementType() : type;
            if (inner.getType() == Schema.Type.RECORD)
            {
                fields.addAll(allFields(inner));
            }
        }
        return fields;
    }

    private static Schema nonNull(final Schema schema)
    {
        if (!schema.isUnion())
        {
            return schema;
        }
        final List<Schema> branches = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        assertEquals(1, branches.size(), "only [\"null\", T] unions: " + schema);
        return branches.get(0);
    }

    private static void assertSymbols(final Enum<?>[] values, final Schema schema)
    {
        assertEquals(Arrays.stream(values).map(Enum::name).toList(), schema.getEnumSymbols(), schema.getFullName());
    }
}
