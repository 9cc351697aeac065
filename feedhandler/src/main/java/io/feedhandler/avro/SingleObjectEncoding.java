package io.feedhandler.avro;

import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Avro single-object encoding: the marker {@code C3 01}, then the 8-byte CRC-64-AVRO fingerprint of
 * the writer schema's Parsing Canonical Form, little-endian, then the body. Avro's own
 * {@code BinaryMessageDecoder} reads it, given the schema (or a {@code SchemaStore} that has it).
 *
 * <pre>
 * 0      2                          10
 * +------+--------------------------+-------------------
 * | C3 01| fingerprint (LE, 8 bytes)| Avro binary body
 * +------+--------------------------+-------------------
 * </pre>
 */
public final class SingleObjectEncoding implements WireFormat
{
    /** Marker plus fingerprint. */
    public static final int PREFIX_LENGTH = 10;

    private static final byte MARKER_0 = (byte)0xC3;
    private static final byte MARKER_1 = 0x01;

    private final long[] fingerprints = new long[RecordSchema.values().length];

    /** @param schemas the parsed schemas, whose fingerprints are taken once here. */
    public SingleObjectEncoding(final RecordSchemas schemas)
    {
        for (final RecordSchema schema : RecordSchema.values())
        {
            fingerprints[schema.ordinal()] = schemas.fingerprint(schema);
        }
    }

    @Override
    public int prefixLength()
    {
        return PREFIX_LENGTH;
    }

    @Override
    public int writePrefix(final MutableDirectBuffer buffer, final int offset, final RecordSchema schema)
    {
        buffer.putByte(offset, MARKER_0);
        buffer.putByte(offset + 1, MARKER_1);
        buffer.putLong(offset + 2, fingerprints[schema.ordinal()], ByteOrder.LITTLE_ENDIAN);
        return PREFIX_LENGTH;
    }
}
