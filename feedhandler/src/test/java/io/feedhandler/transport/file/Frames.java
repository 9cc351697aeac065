package io.feedhandler.transport.file;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds frames byte by byte for tests, from MoldUDP64 packets down to Ethernet, so that each test
 * states the one thing that differs from a well-formed frame.
 */
public final class Frames
{
    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_ARP = 0x0806;
    public static final int ETHERTYPE_IPV6 = 0x86DD;
    public static final int PROTOCOL_TCP = 6;
    public static final int PROTOCOL_UDP = 17;
    public static final int SOURCE_PORT = 49653;
    public static final int DESTINATION_PORT = 26477;
    /** 206.200.127.138, a NASDAQ source address. */
    public static final int SOURCE_ADDRESS = 0xCEC87F8A;
    /** 233.54.12.111, a NASDAQ multicast group. */
    public static final int DESTINATION_ADDRESS = 0xE9360C6F;

    /** Link-layer header length of an untagged Ethernet frame. */
    public static final int ETHERNET_HEADER = 14;
    /** Ethernet, IPv4 and UDP headers: where the UDP payload of an untagged frame starts. */
    public static final int UDP_PAYLOAD_IN_ETHERNET = 14 + 20 + 8;

    private Frames()
    {
    }

    /**
     * @param type   the message type byte.
     * @param length of the whole message, type included.
     * @return a message of that type, its other bytes counting up.
     */
    public static byte[] message(final char type, final int length)
    {
        final byte[] message = new byte[length];
        message[0] = (byte)type;
        for (int i = 1; i < length; i++)
        {
            message[i] = (byte)i;
        }
        return message;
    }

    /**
     * @param session  up to 10 ASCII characters, space padded.
     * @param sequence of the first message.
     * @param messages each becomes a block.
     * @return the packet.
     */
    public static byte[] moldUdp64(final String session, final long sequence, final byte[]... messages)
    {
        int length = 20;
        for (final byte[] message : messages)
        {
            length += 2 + message.length;
        }
        final ByteBuffer packet = moldUdp64Header(length, session, sequence, messages.length);
        for (final byte[] message : messages)
        {
            packet.putShort((short)message.length).put(message);
        }
        return packet.array();
    }

    /**
     * @param session  up to 10 ASCII characters.
     * @param sequence the next sequence number.
     * @param count    0 for a heartbeat, 0xFFFF for end of session (or anything else, for a packet without blocks).
     * @return a packet without blocks.
     */
    public static byte[] moldUdp64Control(final String session, final long sequence, final int count)
    {
        return moldUdp64Header(20, session, sequence, count).array();
    }

    /**
     * @param payload of the datagram.
     * @return UDP header (ports {@link #SOURCE_PORT} to {@link #DESTINATION_PORT}, no checksum) and payload.
     */
    public static byte[] udp(final byte[] payload)
    {
        return ByteBuffer.allocate(8 + payload.length)
            .putShort((short)SOURCE_PORT).putShort((short)DESTINATION_PORT)
            .putShort((short)(8 + payload.length)).putShort((short)0)
            .put(payload)
            .array();
    }

    /**
     * @param protocol of the payload.
     * @param payload  of the datagram.
     * @return an unfragmented IPv4 datagram.
     */
    public static byte[] ipv4(final int protocol, final byte[] payload)
    {
        return ipv4(protocol, payload, 0x4000);
    }

    /**
     * @param protocol               of the payload.
     * @param payload                of the datagram.
     * @param flagsAndFragmentOffset the 16-bit field: 0x4000 don't fragment, 0x2000 more fragments,
     *                               low 13 bits the offset in 8-byte units.
     * @return the IPv4 datagram (header checksum left 0: readers do not check it).
     */
    public static byte[] ipv4(final int protocol, final byte[] payload, final int flagsAndFragmentOffset)
    {
        return ByteBuffer.allocate(20 + payload.length)
            .put((byte)0x45).put((byte)0).putShort((short)(20 + payload.length))
            .putShort((short)0x1234).putShort((short)flagsAndFragmentOffset)
            .put((byte)21).put((byte)protocol).putShort((short)0)
            .putInt(SOURCE_ADDRESS).putInt(DESTINATION_ADDRESS)
            .put(payload)
            .array();
    }

    /**
     * @param nextHeader protocol of the payload.
     * @param payload    of the datagram.
     * @return an IPv6 datagram.
     */
    public static byte[] ipv6(final int nextHeader, final byte[] payload)
    {
        final ByteBuffer datagram = ByteBuffer.allocate(40 + payload.length)
            .putInt(0x60000000).putShort((short)payload.length).put((byte)nextHeader).put((byte)64);
        datagram.put(new byte[32]);
        return datagram.put(payload).array();
    }

    /**
     * @param etherType of the payload.
     * @param payload   network layer.
     * @param tags      VLAN tags as pairs of TPID and VLAN id, outermost first.
     * @return the Ethernet II frame (no FCS).
     */
    public static byte[] ethernet(final int etherType, final byte[] payload, final int... tags)
    {
        final ByteBuffer frame = ByteBuffer.allocate(14 + tags.length * 2 + payload.length)
            .put(new byte[] {0x01, 0x00, 0x5E, 0x36, 0x0C, 0x6F})
            .put(new byte[] {(byte)0xD4, (byte)0xAF, (byte)0xF7, (byte)0xCB, 0x20, (byte)0xD5});
        for (int i = 0; i < tags.length; i += 2)
        {
            frame.putShort((short)tags[i]).putShort((short)(0x2000 | tags[i + 1]));
        }
        return frame.putShort((short)etherType).put(payload).array();
    }

    /**
     * @param protocol EtherType of the payload.
     * @param payload  network layer.
     * @return a Linux cooked (SLL, link type 113) frame.
     */
    public static byte[] linuxCooked(final int protocol, final byte[] payload)
    {
        return ByteBuffer.allocate(16 + payload.length)
            .putShort((short)0).putShort((short)1).putShort((short)6)
            .put(new byte[] {(byte)0xD4, (byte)0xAF, (byte)0xF7, (byte)0xCB, 0x20, (byte)0xD5, 0, 0})
            .putShort((short)protocol)
            .put(payload)
            .array();
    }

    /**
     * @param protocol EtherType of the payload.
     * @param payload  network layer.
     * @return a Linux cooked v2 (SLL2, link type 276) frame.
     */
    public static byte[] linuxCooked2(final int protocol, final byte[] payload)
    {
        return ByteBuffer.allocate(20 + payload.length)
            .putShort((short)protocol).putShort((short)0).putInt(3).putShort((short)1).put((byte)0).put((byte)6)
            .put(new byte[] {(byte)0xD4, (byte)0xAF, (byte)0xF7, (byte)0xCB, 0x20, (byte)0xD5, 0, 0})
            .put(payload)
            .array();
    }

    /**
     * @param moldUdp64 UDP payload.
     * @param tags      VLAN tags as pairs of TPID and VLAN id.
     * @return Ethernet, IPv4, UDP around the payload.
     */
    public static byte[] udpFrame(final byte[] moldUdp64, final int... tags)
    {
        return ethernet(ETHERTYPE_IPV4, ipv4(PROTOCOL_UDP, udp(moldUdp64)), tags);
    }

    /**
     * @param parts to join.
     * @return them end to end.
     */
    public static byte[] concat(final byte[]... parts)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final byte[] part : parts)
        {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static ByteBuffer moldUdp64Header(final int length, final String session, final long sequence, final int count)
    {
        final byte[] name = String.format("%-10s", session).getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN)
            .put(name, 0, 10).putLong(sequence).putShort((short)count);
    }
}
