package io.feedhandler.pipeline;

import io.feedhandler.avro.RecordSchema;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * The Avro records one {@link FeedEvent} turns into (a gap status, an order event, a trade, a
 * quote...), written back to back into one preallocated buffer: no allocation per record.
 */
public final class EncodedRecords
{
    /** Records one event can carry: a gap status, an order event, its trade and its quote. */
    public static final int MAX_RECORDS = 4;
    /**
     * Bytes of all records of one event together: the four above with long names and the deepest
     * quote a profile may ask for ({@code book.depth-levels} 10: 20 levels of up to 24 bytes).
     */
    public static final int CAPACITY = 1536;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CAPACITY]);
    private final RecordSchema[] kinds = new RecordSchema[MAX_RECORDS];
    private final int[] offsets = new int[MAX_RECORDS];
    private final int[] lengths = new int[MAX_RECORDS];
    private final int[] locates = new int[MAX_RECORDS];
    private final byte[][] keys = new byte[MAX_RECORDS][];
    private int count;
    private int limit;

    /** @return number of records. */
    public int count()
    {
        return count;
    }

    /**
     * @param index of a record.
     * @return its kind, which names its topic and schema.
     */
    public RecordSchema kind(final int index)
    {
        return kinds[index];
    }

    /**
     * @param index of a record.
     * @return stock locate whose symbol keys the record (0: market-wide, keyed by the exchange).
     */
    public int locate(final int index)
    {
        return locates[index];
    }

    /**
     * @param index of a record.
     * @return its Kafka key, fixed when it was encoded (the symbol table may learn a new symbol for
     * the locate before the publisher gets to this record).
     */
    public byte[] key(final int index)
    {
        return keys[index];
    }

    /**
     * @param index of a record.
     * @return offset of its bytes in {@link #buffer()}.
     */
    public int offset(final int index)
    {
        return offsets[index];
    }

    /**
     * @param index of a record.
     * @return length of its bytes.
     */
    public int length(final int index)
    {
        return lengths[index];
    }

    /** @return the buffer all records are written into. */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    /** @return where the next record starts. */
    public int limit()
    {
        return limit;
    }

    /**
     * Record a record just written at {@link #limit()}.
     *
     * @param kind   of the record.
     * @param locate whose symbol keys it.
     * @param key    its Kafka key (an array the caller never changes afterwards).
     * @param length bytes written.
     */
    public void commit(final RecordSchema kind, final int locate, final byte[] key, final int length)
    {
        keys[count] = key;
        kinds[count] = kind;
        offsets[count] = limit;
        lengths[count] = length;
        locates[count] = locate;
        count++;
        limit += length;
    }

    /** @return true if another record of up to {@code length} bytes fits. */
    public boolean hasRoom(final int length)
    {
        return count < MAX_RECORDS && limit + length <= CAPACITY;
    }

    void clear()
    {
        count = 0;
        limit = 0;
    }
}
