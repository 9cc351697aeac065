package io.feedhandler.transport.moldudp64;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Flyweight over one MoldUDP64 downstream packet (also the shape of a re-request packet).
 *
 * <pre>
 *  0                   1                   2
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-...
 * |     Session (alpha 10)    | Sequence Number (u64) |Count|  message blocks
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-...
 *
 * message block: | Length (u16) | Message Data (Length bytes) |
 * </pre>
 *
 * <p>Count 0 is a heartbeat and 0xFFFF end of session; in both, Sequence Number is the next
 * sequence number the server will send. Block k carries sequence number {@code sequence + k}.
 * {@link #wrap} validates that the blocks fill the datagram exactly, so iteration never reads
 * outside it.
 */
public final class MoldUdp64Packet
{
    /** Length of the packet header: session, sequence number, message count. */
    public static final int HEADER_LENGTH = 20;
    public static final int SESSION_LENGTH = 10;
    public static final int SEQUENCE_OFFSET = 10;
    public static final int COUNT_OFFSET = 18;
    public static final int HEARTBEAT = 0;
    public static final int END_OF_SESSION = 0xFFFF;

    /** Why {@link #wrap} rejected a datagram; {@link #OK} when it did not. */
    public enum Validity
    {
        OK("ok"),
        SHORT_HEADER("datagram shorter than the 20-byte MoldUDP64 header"),
        TRUNCATED_BLOCK("message block runs past the end of the datagram"),
        TRAILING_BYTES("bytes after the last message block"),
        CONTROL_WITH_BLOCKS("heartbeat or end-of-session packet carries bytes after its header");

        private final String reason;

        Validity(final String reason)
        {
            this.reason = reason;
        }

        /** @return a sentence for error reports. */
        public String reason()
        {
            return reason;
        }
    }

    private DirectBuffer buffer;
    private int offset;
    private int length;

    /**
     * Wrap a datagram and check that its message blocks fill it exactly.
     *
     * @param buffer holding the datagram.
     * @param offset of the first byte of the datagram.
     * @param length of the datagram.
     * @return {@link Validity#OK}, or why the datagram is not a well-formed MoldUDP64 packet.
     */
    public Validity wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        if (length < HEADER_LENGTH)
        {
            return Validity.SHORT_HEADER;
        }
        final int count = messageCount();
        if (count == HEARTBEAT || count == END_OF_SESSION)
        {
            return length == HEADER_LENGTH ? Validity.OK : Validity.CONTROL_WITH_BLOCKS;
        }
        int position = offset + HEADER_LENGTH;
        final int end = offset + length;
        for (int i = 0; i < count; i++)
        {
            if (position + 2 > end)
            {
                return Validity.TRUNCATED_BLOCK;
            }
            position += 2 + (buffer.getShort(position, ByteOrder.BIG_ENDIAN) & 0xFFFF);
            if (position > end)
            {
                return Validity.TRUNCATED_BLOCK;
            }
        }
        return position == end ? Validity.OK : Validity.TRAILING_BYTES;
    }

    /** @return the buffer the packet is wrapped over. */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /** @return offset of the packet in {@link #buffer()}. */
    public int offset()
    {
        return offset;
    }

    /** @return length of the datagram. */
    public int length()
    {
        return length;
    }

    /** @return offset in {@link #buffer()} of the 10-byte session name. */
    public int sessionOffset()
    {
        return offset;
    }

    /** @return the session name with trailing spaces removed (allocates: not for the hot path). */
    public String sessionAsString()
    {
        final byte[] bytes = new byte[SESSION_LENGTH];
        buffer.getBytes(offset, bytes);
        return MoldUdp64Session.toDisplayString(bytes);
    }

    /** @return sequence number of the first message in the packet (the next one for control packets). */
    public long sequenceNumber()
    {
        return buffer.getLong(offset + SEQUENCE_OFFSET, ByteOrder.BIG_ENDIAN);
    }

    /** @return message count: 0 heartbeat, 0xFFFF end of session, else the number of blocks. */
    public int messageCount()
    {
        return buffer.getShort(offset + COUNT_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /** @return true for a heartbeat (no messages). */
    public boolean isHeartbeat()
    {
        return messageCount() == HEARTBEAT;
    }

    /** @return true for an end-of-session packet. */
    public boolean isEndOfSession()
    {
        return messageCount() == END_OF_SESSION;
    }

    /** @return number of message blocks (0 for heartbeats and end of session). */
    public int blockCount()
    {
        final int count = messageCount();
        return count == END_OF_SESSION ? 0 : count;
    }

    /** @return offset of the first message block, for iteration with {@link #nextBlock(int)}. */
    public int firstBlock()
    {
        return offset + HEADER_LENGTH;
    }

    /**
     * @param blockOffset offset of a message block.
     * @return offset of the block after it.
     */
    public int nextBlock(final int blockOffset)
    {
        return blockOffset + 2 + blockLength(blockOffset);
    }

    /**
     * @param blockOffset offset of a message block.
     * @return the length of its message data.
     */
    public int blockLength(final int blockOffset)
    {
        return buffer.getShort(blockOffset, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }
}
