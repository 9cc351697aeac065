package io.feedhandler.avro;

import org.agrona.MutableDirectBuffer;

/**
 * What goes in front of an Avro body in a Kafka record value, so a consumer knows the writer's
 * schema. A topic uses one format for all its records, never a mix.
 *
 * <p>Implementations compute everything when they are built; {@link #writePrefix} only copies bytes.
 * {@link SingleObjectEncoding} when there is no registry; {@link ConfluentFraming} (magic byte 0,
 * 4-byte big-endian schema id from a registry) when there is one.
 */
public interface WireFormat
{
    /** @return bytes {@link #writePrefix} writes, the same for every record kind. */
    int prefixLength();

    /**
     * @param buffer to write into.
     * @param offset where the prefix goes; the Avro body follows it at {@code offset + prefixLength()}.
     * @param schema the record kind of the body.
     * @return bytes written: {@link #prefixLength()}.
     */
    int writePrefix(MutableDirectBuffer buffer, int offset, RecordSchema schema);
}
