package io.feedhandler.avro;

import org.agrona.DirectBuffer;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.Utf8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference the encoders are checked against: the {@code .avsc} files in the repository's
 * {@code schemas/} folder, parsed by the plain Avro parser, and Avro's own {@link GenericDatumReader}
 * and {@link GenericDatumWriter}.
 */
final class PlainAvro
{
    /** The fields every record starts with, in order. */
    static final List<String> COMMON_FIELDS = List.of(
        "exchange", "symbol", "stockLocate", "session", "sequence", "trackingNumber", "exchangeTimestamp",
        "receiveTimestamp");

    private static final Path SCHEMAS = findSchemas();
    private static final Map<RecordSchema, Schema> PARSED = new EnumMap<>(RecordSchema.class);

    private PlainAvro()
    {
    }

    /** @return the repository's {@code schemas/} folder. */
    static Path schemasDirectory()
    {
        return SCHEMAS;
    }

    /**
     * @param kind a record kind.
     * @return its schema, parsed by Avro from {@code schemas/<Name>.avsc}.
     */
    static synchronized Schema schema(final RecordSchema kind)
    {
        return PARSED.computeIfAbsent(kind, k ->
        {
            try
            {
                return new Schema.Parser().parse(SCHEMAS.resolve(k.fileName()).toFile());
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        });
    }

    /** @return a data model that reads decimals as {@code BigDecimal} and leaves timestamps as longs. */
    static GenericData model()
    {
        final GenericData model = new GenericData();
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        return model;
    }

    /**
     * Decode one record body with Avro's {@link GenericDatumReader}, check that it used every byte,
     * and check that Avro's {@link GenericDatumWriter} writes the record back to the same bytes (so
     * the encoding is the canonical one: minimal decimals, same strings, same varints).
     *
     * @param kind   record kind.
     * @param buffer holding the body.
     * @param offset of the body.
     * @param length of the body.
     * @return the record.
     */
    static GenericRecord decode(final RecordSchema kind, final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        final Schema schema = schema(kind);
        try
        {
            final BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
            final GenericRecord record = new GenericDatumReader<GenericRecord>(schema, schema, model()).read(null, decoder);
            assertTrue(decoder.isEnd(), "the " + kind + " body has bytes left after the record");
            assertArrayEquals(write(kind, record), bytes, "Avro writes the decoded " + kind + " to other bytes");
            return record;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param kind   record kind.
     * @param record a record of that kind.
     * @return the body as Avro's {@link GenericDatumWriter} writes it.
     */
    static byte[] write(final RecordSchema kind, final GenericRecord record)
    {
        try
        {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(schema(kind), model()).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param keyValues field name, expected value, field name, expected value...
     * @return them as an ordered map (values may be null).
     */
    static Map<String, Object> fields(final Object... keyValues)
    {
        final Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2)
        {
            fields.put((String)keyValues[i], keyValues[i + 1]);
        }
        return fields;
    }

    /**
     * Assert every field after the common ones: those named with their values, every other one null.
     * Strings and enum symbols compare as {@code String}, decimals as {@code BigDecimal} (scale
     * included), arrays as lists.
     *
     * @param record   decoded.
     * @param expected the fields that are set, by name.
     */
    static void assertBody(final GenericRecord record, final Map<String, Object> expected)
    {
        final Set<String> names = new java.util.HashSet<>();
        for (final Schema.Field field : record.getSchema().getFields())
        {
            names.add(field.name());
            if (!COMMON_FIELDS.contains(field.name()))
            {
                assertEquals(expected.get(field.name()), plain(record.get(field.name())),
                    record.getSchema().getName() + "." + field.name());
            }
        }
        assertTrue(names.containsAll(expected.keySet()), "expected fields not in the schema: " + expected.keySet());
    }

    /**
     * @param value as the generic reader returns it.
     * @return the same with {@code Utf8} and enum symbols as {@code String}, records as maps, arrays as lists.
     */
    static Object plain(final Object value)
    {
        if (value instanceof Utf8 || value instanceof GenericData.EnumSymbol)
        {
            return value.toString();
        }
        if (value instanceof GenericRecord record)
        {
            final Map<String, Object> map = new LinkedHashMap<>();
            for (final Schema.Field field : record.getSchema().getFields())
            {
                map.put(field.name(), plain(record.get(field.name())));
            }
            return map;
        }
        if (value instanceof List<?> list)
        {
            final List<Object> copy = new ArrayList<>();
            for (final Object item : list)
            {
                copy.add(plain(item));
            }
            return copy;
        }
        return value;
    }

    private static Path findSchemas()
    {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent())
        {
            final Path candidate = dir.resolve("schemas");
            if (Files.isRegularFile(candidate.resolve(RecordSchema.ORDER_EVENT.fileName())))
            {
                return candidate;
            }
        }
        throw new AssertionError("no schemas/ folder with OrderEvent.avsc above " + Path.of("").toAbsolutePath());
    }
}
