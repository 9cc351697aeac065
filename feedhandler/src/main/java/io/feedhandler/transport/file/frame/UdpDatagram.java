package io.feedhandler.transport.file.frame;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Flyweight over a UDP header (RFC 768).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Length             |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        payload ...                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Length counts header and payload. The checksum is not verified (optional in IPv4, and
 * offloaded to the NIC on the sending host).
 */
public final class UdpDatagram
{
    /** Length of the UDP header. */
    public static final int HEADER_LENGTH = 8;

    private static final int DESTINATION_PORT_OFFSET = 2;
    private static final int LENGTH_OFFSET = 4;

    private DirectBuffer buffer;
    private int offset;

    /**
     * @param buffer holding the datagram; at least {@link #HEADER_LENGTH} bytes must follow {@code offset}.
     * @param offset of the header's first byte.
     */
    public void wrap(final DirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
    }

    /** @return offset of the header in the buffer. */
    public int offset()
    {
        return offset;
    }

    /** @return source port. */
    public int sourcePort()
    {
        return buffer.getShort(offset, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /** @return destination port. */
    public int destinationPort()
    {
        return buffer.getShort(offset + DESTINATION_PORT_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /** @return the Length field: header plus payload, in bytes. */
    public int length()
    {
        return buffer.getShort(offset + LENGTH_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /** @return offset of the payload in the buffer. */
    public int payloadOffset()
    {
        return offset + HEADER_LENGTH;
    }

    /** @return payload length in bytes according to the Length field. */
    public int payloadLength()
    {
        return length() - HEADER_LENGTH;
    }
}
