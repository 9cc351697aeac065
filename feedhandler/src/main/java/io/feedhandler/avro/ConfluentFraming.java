package io.feedhandler.avro;

import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;
import java.util.Map;

/**
 * The Confluent wire format: magic byte {@code 0}, then the schema's global id in a registry as a
 * 4-byte big-endian int, then the Avro binary body alone. Confluent's {@code KafkaAvroDeserializer}
 * (and every compatible one) reads byte 0, fetches the writer schema by id from the registry and
 * decodes the rest.
 *
 * <pre>
 * 0      1                  5
 * +------+------------------+-------------------
 * | 0x00 | schema id (BE 4) | Avro binary body
 * +------+------------------+-------------------
 * </pre>
 *
 * <p>The ids are resolved once, at start, by {@code io.feedhandler.registry.SchemaRollout}; writing
 * a prefix is two stores into the record's own buffer, no copy, no allocation.
 */
public final class ConfluentFraming implements WireFormat
{
    /** Magic byte plus schema id. */
    public static final int PREFIX_LENGTH = 5;
    /** The framing version Confluent's deserializers accept. */
    public static final byte MAGIC_BYTE = 0;

    private final int[] ids = new int[RecordSchema.values().length];

    /**
     * @param ids the registry's global schema id of every record kind.
     * @throws IllegalArgumentException if a kind has no id.
     */
    public ConfluentFraming(final Map<RecordSchema, Integer> ids)
    {
        for (final RecordSchema kind : RecordSchema.values())
        {
            final Integer id = ids.get(kind);
            if (id == null)
            {
                throw new IllegalArgumentException("no schema id for " + kind.fullName());
            }
            this.ids[kind.ordinal()] = id;
        }
    }

    /**
     * @param kind a record kind.
     * @return the schema id its records carry.
     */
    public int schemaId(final RecordSchema kind)
    {
        return ids[kind.ordinal()];
    }

    @Override
    public int prefixLength()
    {
        return PREFIX_LENGTH;
    }

    @Override
    public int writePrefix(final MutableDirectBuffer buffer, final int offset, final RecordSchema schema)
    {
        buffer.putByte(offset, MAGIC_BYTE);
        buffer.putInt(offset + 1, ids[schema.ordinal()], ByteOrder.BIG_ENDIAN);
        return PREFIX_LENGTH;
    }
}
