package io.feedhandler.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The acked-sequence watermark of one stream: the highest sequence number such that every record
 * of it and of every earlier sequence number (or the gap status record standing for them) has been
 * acknowledged by the broker. A restart resumes after it, so output is at-least-once.
 *
 * <pre>
 *   slot:      ... | 41 | 42 | 43 | 44 | 45 |       (a ring of in-flight sequence numbers)
 *   pending:   ... |  0 |  0 |  1 |  0 |  2 |       records not yet acknowledged
 *                         ^ watermark = sequence of slot 42 (the completed prefix ends there)
 * </pre>
 *
 * <p>The publisher thread calls {@link #begin} in sequence order with the number of records the
 * sequence produced; the producer's I/O thread calls {@link #complete} once per acknowledged
 * record. Acks arrive out of order across partitions, so completion is counted per slot and the
 * watermark moves over the completed prefix. {@link #complete} is one atomic decrement and never
 * takes a lock (it runs on the producer's I/O thread, once per record); the prefix is advanced by
 * whoever asks for it ({@link #begin} when the ring looks full, {@link #watermark}, {@link #inFlight}).
 * When the ring is full, {@link #begin} tells the publisher to wait: that bounds memory and is the
 * back-pressure of {@code block} replay.
 */
public final class AckWatermark
{
    private static final VarHandle PENDING = MethodHandles.arrayElementVarHandle(int[].class);

    private final int mask;
    private final long[] sequences;
    private final int[] pending;
    private long assigned;
    private long completedPrefix;
    private volatile long watermark;

    /**
     * @param capacity in-flight sequence numbers at most; a power of two.
     * @param start    watermark to start from (the checkpoint, or first sequence - 1).
     */
    public AckWatermark(final int capacity, final long start)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        this.mask = capacity - 1;
        this.sequences = new long[capacity];
        this.pending = new int[capacity];
        this.watermark = start;
    }

    /**
     * Register a sequence number about to be published.
     *
     * @param sequence the exchange sequence number (increasing from call to call).
     * @param records  records it produced (0: it is complete already, e.g. a heartbeat-only event).
     * @return the slot to pass to {@link #complete}, or -1 if the ring is full: wait and retry.
     */
    public synchronized long begin(final long sequence, final int records)
    {
        if (assigned - completedPrefix > mask)
        {
            advance();
            if (assigned - completedPrefix > mask)
            {
                return -1;
            }
        }
        final long slot = assigned++;
        final int index = (int)(slot & mask);
        sequences[index] = sequence;
        // Released before the slot is handed to the producer, so the I/O thread's decrement sees it.
        PENDING.setRelease(pending, index, records);
        return slot;
    }

    /**
     * One record of a slot was acknowledged. Lock-free; any thread.
     *
     * @param slot from {@link #begin}.
     */
    public void complete(final long slot)
    {
        PENDING.getAndAdd(pending, (int)(slot & mask), -1);
    }

    /** @return the acked-sequence watermark. */
    public long watermark()
    {
        synchronized (this)
        {
            advance();
        }
        return watermark;
    }

    /** @return sequence numbers begun but not yet fully acknowledged. */
    public synchronized long inFlight()
    {
        advance();
        return assigned - completedPrefix;
    }

    private void advance()
    {
        long prefix = completedPrefix;
        while (prefix < assigned && (int)PENDING.getAcquire(pending, (int)(prefix & mask)) == 0)
        {
            prefix++;
        }
        if (prefix != completedPrefix)
        {
            completedPrefix = prefix;
            watermark = sequences[(int)((prefix - 1) & mask)];
        }
    }
}
