package io.feedhandler.transport.moldudp64;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * Writes MoldUDP64 downstream packets (the layout drawn on {@link MoldUdp64Packet}) into one
 * reused buffer: for the simulator's lines and re-request server, and for tests.
 */
public final class MoldUdp64PacketBuilder
{
    /** nassau's limit: 1400 bytes of message blocks after the header, never IP-fragmented on Ethernet. */
    public static final int DEFAULT_MAX_LENGTH = MoldUdp64Packet.HEADER_LENGTH + 1400;

    private final UnsafeBuffer buffer;
    private final int maxLength;
    private int length;
    private int count;

    /** @param maxLength the largest datagram to build, header included. */
    public MoldUdp64PacketBuilder(final int maxLength)
    {
        this.maxLength = maxLength;
        this.buffer = new UnsafeBuffer(new byte[maxLength]);
    }

    /**
     * Start a data packet.
     *
     * @param session  10 bytes.
     * @param sequence sequence number of its first message.
     * @return this.
     */
    public MoldUdp64PacketBuilder begin(final byte[] session, final long sequence)
    {
        buffer.putBytes(0, session, 0, MoldUdp64Packet.SESSION_LENGTH);
        buffer.putLong(MoldUdp64Packet.SEQUENCE_OFFSET, sequence, ByteOrder.BIG_ENDIAN);
        count = 0;
        length = MoldUdp64Packet.HEADER_LENGTH;
        writeCount();
        return this;
    }

    /**
     * Add a message block, if it fits.
     *
     * @param message holding the message.
     * @param offset  of its first byte.
     * @param size    of the message.
     * @return false if the packet has no room for it (nothing written).
     */
    public boolean add(final DirectBuffer message, final int offset, final int size)
    {
        if (length + 2 + size > maxLength || count == MoldUdp64Packet.END_OF_SESSION - 1)
        {
            return false;
        }
        buffer.putShort(length, (short)size, ByteOrder.BIG_ENDIAN);
        buffer.putBytes(length + 2, message, offset, size);
        length += 2 + size;
        count++;
        writeCount();
        return true;
    }

    /**
     * A heartbeat.
     *
     * @param session 10 bytes.
     * @param next    the next sequence number to be sent.
     * @return this.
     */
    public MoldUdp64PacketBuilder heartbeat(final byte[] session, final long next)
    {
        begin(session, next);
        return this;
    }

    /**
     * An end-of-session packet.
     *
     * @param session 10 bytes.
     * @param next    last sequence number + 1.
     * @return this.
     */
    public MoldUdp64PacketBuilder endOfSession(final byte[] session, final long next)
    {
        begin(session, next);
        buffer.putShort(MoldUdp64Packet.COUNT_OFFSET, (short)MoldUdp64Packet.END_OF_SESSION, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /** @return the buffer holding the packet from offset 0. */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    /** @return the packet's length. */
    public int length()
    {
        return length;
    }

    /** @return message blocks in the packet. */
    public int count()
    {
        return count;
    }

    private void writeCount()
    {
        buffer.putShort(MoldUdp64Packet.COUNT_OFFSET, (short)count, ByteOrder.BIG_ENDIAN);
    }
}
