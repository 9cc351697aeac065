package io.feedhandler.transport.moldudp64;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Flyweight over a MoldUDP64 re-request packet, client to re-request server, UDP unicast.
 *
 * <pre>
 *  0                   1                   2
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Session (alpha 10) | Sequence (u64)|Cnt|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Session must match the downstream session; Sequence is the first message wanted and Count
 * (uint16) how many. The server answers with ordinary downstream packets to the asking socket, and
 * may send fewer messages than asked for (one datagram's worth), or nothing.
 */
public final class MoldUdp64RequestPacket
{
    /** A request is always 20 bytes: a downstream header without blocks. */
    public static final int LENGTH = MoldUdp64Packet.HEADER_LENGTH;

    private DirectBuffer buffer;
    private int offset;

    /**
     * Wrap a received datagram.
     *
     * @param buffer holding it.
     * @param offset of its first byte.
     * @param length of the datagram.
     * @return true if it has the length of a request.
     */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        return length == LENGTH;
    }

    /**
     * Write a request.
     *
     * @param buffer        to write into ({@link #LENGTH} bytes from offset).
     * @param offset        where the packet starts.
     * @param session       the 10 session bytes, as the downstream packets carry them.
     * @param sequence      first message wanted.
     * @param count         messages wanted, 1 to 0xFFFE.
     * @return {@link #LENGTH}.
     */
    public static int encode(final MutableDirectBuffer buffer, final int offset, final byte[] session,
        final long sequence, final int count)
    {
        buffer.putBytes(offset, session, 0, MoldUdp64Packet.SESSION_LENGTH);
        buffer.putLong(offset + MoldUdp64Packet.SEQUENCE_OFFSET, sequence, ByteOrder.BIG_ENDIAN);
        buffer.putShort(offset + MoldUdp64Packet.COUNT_OFFSET, (short)count, ByteOrder.BIG_ENDIAN);
        return LENGTH;
    }

    /**
     * @param session 10 bytes to copy the session into.
     */
    public void session(final byte[] session)
    {
        buffer.getBytes(offset, session, 0, MoldUdp64Packet.SESSION_LENGTH);
    }

    /** @return the first sequence number asked for. */
    public long sequenceNumber()
    {
        return buffer.getLong(offset + MoldUdp64Packet.SEQUENCE_OFFSET, ByteOrder.BIG_ENDIAN);
    }

    /** @return how many messages are asked for. */
    public int messageCount()
    {
        return buffer.getShort(offset + MoldUdp64Packet.COUNT_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }
}
