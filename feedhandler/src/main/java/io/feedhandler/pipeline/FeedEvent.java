package io.feedhandler.pipeline;

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
    long gapFrom;
    long gapTo;

    /** @return what this event is: {@link #MESSAGE}, {@link #DEFECT} or {@link #END_OF_SESSION}. */
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

    void clear()
    {
        kind = 0;
        reason = null;
        duplicate = false;
        gapFrom = 0;
        gapTo = 0;
        originalLength = 0;
        records.clear();
    }
}
