package io.feedhandler.pipeline;

import io.feedhandler.avro.StatusType;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One slot of the ring: preallocated once, reused forever. A source (file reader, feed line)
 * fills the first block; the stages fill the rest.
 *
 * <pre>
 *  filled by the source          filled by the stages
 * +----------------------------+ +-------------------------------------------------+
 * | kind, receive time, stream | | sequencer: duplicate flag, gap [from, to]         |
 * | sequence, source offset    | | encoder:   up to 4 Avro records (kind, key, bytes)|
 * | payload (copy of message)  | | any stage: failure reason (event goes to the DLQ) |
 * +----------------------------+ +-------------------------------------------------+
 * </pre>
 */
public final class FeedEvent
{
    /** Room for the largest ITCH 5.0 message (50) and for a defect's raw bytes up to this size. */
    public static final int PAYLOAD_CAPACITY = 128;

    /** An exchange message in sequence. */
    public static final byte MESSAGE = 1;
    /** Malformed input: its raw bytes go to the DLQ with {@link #reason}. */
    public static final byte DEFECT = 2;
    /** The stream's end-of-session marker. */
    public static final byte END_OF_SESSION = 3;
    /**
     * A feed line's own event, raised by the handler ({@link #lineStatus()}: GAP given up,
     * LOCAL_OVERLOAD shed, STALE_LINE), published as a status record. For a range, gap from/to
     * hold it and the sequence is its last number (the watermark moves over it).
     */
    public static final byte LINE_STATUS = 4;

    final UnsafeBuffer payload = new UnsafeBuffer(new byte[PAYLOAD_CAPACITY]);
    final EncodedRecords records = new EncodedRecords();

    byte kind;
    long receiveTimestampNanos;
    int stream;
    long sequence;
    long sourceOffset;
    int payloadLength;
    int originalLength;
    String reason;

    boolean duplicate;
    /**
     * At or below the checkpoint after a restart: published before it, so it only rebuilds the
     * books and the symbols and is not published again (see {@link Sequencer#rebuildThrough}).
     */
    boolean rebuild;
    long gapFrom;
    long gapTo;
    StatusType lineStatus;
    byte[] detail;

    /** @return what this event is: {@link #MESSAGE}, {@link #DEFECT}, {@link #END_OF_SESSION} or {@link #LINE_STATUS}. */
    public byte kind()
    {
        return kind;
    }

    /** @return index of the stream (session) in the {@link StreamRegistry}. */
    public int stream()
    {
        return stream;
    }

    /** @return exchange sequence number of the message. */
    public long sequence()
    {
        return sequence;
    }

    /** @return the copied message bytes. */
    public UnsafeBuffer payload()
    {
        return payload;
    }

    /** @return number of payload bytes. */
    public int payloadLength()
    {
        return payloadLength;
    }

    /** @return true if the sequencer saw this sequence number before (dropped, counted). */
    public boolean isDuplicate()
    {
        return duplicate;
    }

    /** @return true if it was published before a restart and only rebuilds state now. */
    public boolean isRebuild()
    {
        return rebuild;
    }

    /** @return first missing sequence number before this event, or 0 if none is missing. */
    public long gapFrom()
    {
        return gapFrom;
    }

    /** @return last missing sequence number before this event (valid when {@link #gapFrom()} is not 0). */
    public long gapTo()
    {
        return gapTo;
    }

    /** @return for {@link #LINE_STATUS}: GAP, LOCAL_OVERLOAD or STALE_LINE; else null. */
    public StatusType lineStatus()
    {
        return lineStatus;
    }

    /** @return the records the encoder stage produced for this event. */
    public EncodedRecords records()
    {
        return records;
    }

    /** @return why this event goes to the DLQ, or null. */
    public String reason()
    {
        return reason;
    }

    /**
     * Mark the event as failed: it goes to the DLQ with its raw bytes and this reason, and the
     * stages after this one leave it alone.
     *
     * @param why a sentence for the DLQ header and the log.
     */
    public void fail(final String why)
    {
        if (kind == MESSAGE)
        {
            kind = DEFECT;
        }
        reason = why;
        records.clear();
    }

    /**
     * Fill the source block with one exchange message, as every source does: the stages' block is
     * cleared, the payload copied. A message longer than {@link #PAYLOAD_CAPACITY} keeps its first
     * bytes and fails (its raw bytes go to the DLQ). Public for benchmarks that drive the stages
     * without a ring; allocates nothing unless the message fails.
     *
     * @param stream                index of the stream in the {@link StreamRegistry}.
     * @param sequence              exchange sequence number.
     * @param sourceOffset          where the message starts in its source (file offset), for the DLQ.
     * @param receiveTimestampNanos when it was received (epoch ns).
     * @param buffer                holding the message.
     * @param offset                of its first byte (the type) in the buffer.
     * @param length                of the message.
     */
    public void loadMessage(final int stream, final long sequence, final long sourceOffset,
        final long receiveTimestampNanos, final DirectBuffer buffer, final int offset, final int length)
    {
        clear();
        this.kind = MESSAGE;
        this.stream = stream;
        this.sequence = sequence;
        this.sourceOffset = sourceOffset;
        this.receiveTimestampNanos = receiveTimestampNanos;
        final int copied = Math.min(length, PAYLOAD_CAPACITY);
        payload.putBytes(0, buffer, offset, copied);
        this.payloadLength = copied;
        this.originalLength = length;
        if (length > PAYLOAD_CAPACITY)
        {
            fail("message of " + length + " bytes is longer than any ITCH 5.0 message");
        }
    }

    /**
     * Fill the source block with a stream's end-of-session marker.
     *
     * @param stream                index of the stream.
     * @param sequence              the session's next sequence number (0 if unknown).
     * @param sourceOffset          where the marker is in its source (file offset), for the DLQ.
     * @param receiveTimestampNanos when it was received (epoch ns).
     */
    void loadEndOfSession(final int stream, final long sequence, final long sourceOffset, final long receiveTimestampNanos)
    {
        clear();
        kind = END_OF_SESSION;
        this.stream = stream;
        this.sequence = sequence;
        this.sourceOffset = sourceOffset;
        this.receiveTimestampNanos = receiveTimestampNanos;
        payloadLength = 0;
    }

    void clear()
    {
        kind = 0;
        reason = null;
        duplicate = false;
        rebuild = false;
        gapFrom = 0;
        gapTo = 0;
        lineStatus = null;
        detail = null;
        originalLength = 0;
        records.clear();
    }
}
