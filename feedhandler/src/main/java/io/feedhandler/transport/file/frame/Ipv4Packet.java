package io.feedhandler.transport.file.frame;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Flyweight over an IPv4 header (RFC 791). It reads fields and checks nothing: {@link CapturedFrame}
 * decides what a header's values mean for the frame.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |    DSCP/ECN   |          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |0|D|M|     Fragment Offset     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Options (when IHL > 5) ...                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>IHL counts 32-bit words; Total Length counts the whole datagram, header included, and is what
 * bounds the datagram: Ethernet pads short frames and some captures keep the FCS, so the captured
 * frame can be longer. The header checksum is not verified: NICs check it, and captures taken on the
 * sending host often hold a checksum the NIC has yet to fill in.
 */
public final class Ipv4Packet
{
    /** Length of a header without options. */
    public static final int MIN_HEADER_LENGTH = 20;
    public static final int PROTOCOL_TCP = 6;
    public static final int PROTOCOL_UDP = 17;

    private static final int TOTAL_LENGTH_OFFSET = 2;
    private static final int FRAGMENT_OFFSET = 6;
    private static final int PROTOCOL_OFFSET = 9;
    private static final int SOURCE_OFFSET = 12;
    private static final int DESTINATION_OFFSET = 16;
    private static final int MORE_FRAGMENTS = 0x2000;
    private static final int FRAGMENT_OFFSET_MASK = 0x1FFF;

    private DirectBuffer buffer;
    private int offset;

    /**
     * @param buffer holding the header; at least {@link #MIN_HEADER_LENGTH} bytes must follow
     *               {@code offset}, and {@link #headerLength()} bytes before options are read.
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

    /** @return the version nibble: 4 for IPv4. */
    public int version()
    {
        return (buffer.getByte(offset) >> 4) & 0xF;
    }

    /** @return header length in bytes (IHL times 4). */
    public int headerLength()
    {
        return (buffer.getByte(offset) & 0xF) * 4;
    }

    /** @return total length of the datagram in bytes, header included. */
    public int totalLength()
    {
        return buffer.getShort(offset + TOTAL_LENGTH_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /** @return protocol of the payload ({@link #PROTOCOL_UDP}, ...). */
    public int protocol()
    {
        return buffer.getByte(offset + PROTOCOL_OFFSET) & 0xFF;
    }

    /** @return true if the More Fragments flag is set. */
    public boolean moreFragments()
    {
        return (flagsAndFragmentOffset() & MORE_FRAGMENTS) != 0;
    }

    /** @return offset of this fragment in the original datagram, in bytes. */
    public int fragmentOffset()
    {
        return (flagsAndFragmentOffset() & FRAGMENT_OFFSET_MASK) * 8;
    }

    /** @return true if this is a fragment of a larger datagram (the first one included). */
    public boolean isFragment()
    {
        return (flagsAndFragmentOffset() & (MORE_FRAGMENTS | FRAGMENT_OFFSET_MASK)) != 0;
    }

    /** @return source address, big-endian in an int (192.0.2.1 is 0xC0000201). */
    public int sourceAddress()
    {
        return buffer.getInt(offset + SOURCE_OFFSET, ByteOrder.BIG_ENDIAN);
    }

    /** @return destination address (for a feed, its multicast group), as {@link #sourceAddress()}. */
    public int destinationAddress()
    {
        return buffer.getInt(offset + DESTINATION_OFFSET, ByteOrder.BIG_ENDIAN);
    }

    /** @return offset in the buffer of the payload, just after the header and its options. */
    public int payloadOffset()
    {
        return offset + headerLength();
    }

    /**
     * @param address as returned by {@link #sourceAddress()}.
     * @return dotted quad, e.g. {@code 233.54.12.111} (allocates: for reports).
     */
    public static String toDisplayString(final int address)
    {
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." +
            (address & 0xFF);
    }

    private int flagsAndFragmentOffset()
    {
        return buffer.getShort(offset + FRAGMENT_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }
}
