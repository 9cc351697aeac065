package io.feedhandler.transport.soupbintcp;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * SoupBinTCP 3.00 framing and field encodings, shared by the packet flyweights.
 *
 * <pre>
 *  0      2      3
 *  +------+------+---------------------------+
 *  | len  | type | payload (len - 1 bytes)   |   len: uint16 big-endian, counts type + payload
 *  +------+------+---------------------------+
 * </pre>
 *
 * <p>"Numeric" fields are ASCII digits padded on the left with spaces; "alpha" fields are ASCII
 * padded with spaces (the 3.00 text pads Login Accepted's session on the left: compare trimmed).
 */
public final class SoupBinTcp
{
    /** Bytes before the payload: the length and the type. */
    public static final int HEADER_LENGTH = 3;
    /** Largest packet length field (type + payload). */
    public static final int MAX_PACKET_LENGTH = 0xFFFF;

    /** Server: human-readable text, ignored. Either side may send it. */
    public static final byte DEBUG = '+';
    /** Server: login accepted (session, next sequence number). */
    public static final byte LOGIN_ACCEPTED = 'A';
    /** Server: login rejected (reason), then the server closes. */
    public static final byte LOGIN_REJECTED = 'J';
    /** Server: one sequenced message; its number is implicit. */
    public static final byte SEQUENCED_DATA = 'S';
    /** Server: heartbeat after 1 s of silence. */
    public static final byte SERVER_HEARTBEAT = 'H';
    /** Server: the session is over; no more sequenced data. */
    public static final byte END_OF_SESSION = 'Z';
    /** Client: login request (first packet after connect). */
    public static final byte LOGIN_REQUEST = 'L';
    /** Client: unsequenced data. */
    public static final byte UNSEQUENCED_DATA = 'U';
    /** Client: heartbeat after 1 s of silence. */
    public static final byte CLIENT_HEARTBEAT = 'R';
    /** Client: logout request; the server closes. */
    public static final byte LOGOUT_REQUEST = 'O';

    private SoupBinTcp()
    {
    }

    /**
     * Write a packet header.
     *
     * @param buffer        to write into.
     * @param offset        of the packet.
     * @param type          packet type.
     * @param payloadLength bytes after the type.
     * @return bytes written ({@link #HEADER_LENGTH}).
     */
    public static int putHeader(final MutableDirectBuffer buffer, final int offset, final byte type, final int payloadLength)
    {
        buffer.putShort(offset, (short)(payloadLength + 1), ByteOrder.BIG_ENDIAN);
        buffer.putByte(offset + 2, type);
        return HEADER_LENGTH;
    }

    /**
     * Write a packet with no payload (heartbeats, end of session, logout).
     *
     * @param buffer to write into.
     * @param offset of the packet.
     * @param type   packet type.
     * @return bytes written.
     */
    public static int putEmpty(final MutableDirectBuffer buffer, final int offset, final byte type)
    {
        return putHeader(buffer, offset, type, 0);
    }

    /**
     * @param buffer holding a packet.
     * @param offset of the packet.
     * @return its packet length field: bytes after the field (type + payload).
     */
    public static int packetLength(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    static void putAlphaRightPadded(final MutableDirectBuffer buffer, final int offset, final int length, final String value)
    {
        for (int i = 0; i < length; i++)
        {
            buffer.putByte(offset + i, i < value.length() ? (byte)value.charAt(i) : (byte)' ');
        }
    }

    static void putNumeric(final MutableDirectBuffer buffer, final int offset, final int length, final long value)
    {
        long rest = value;
        for (int i = length - 1; i >= 0; i--)
        {
            if (rest == 0 && i < length - 1)
            {
                buffer.putByte(offset + i, (byte)' ');
            }
            else
            {
                buffer.putByte(offset + i, (byte)('0' + rest % 10));
                rest /= 10;
            }
        }
    }

    /** @return the number, or -1 if the field holds anything but left spaces and digits. */
    static long getNumeric(final DirectBuffer buffer, final int offset, final int length)
    {
        long value = 0;
        boolean digits = false;
        for (int i = 0; i < length; i++)
        {
            final byte b = buffer.getByte(offset + i);
            if (b == ' ' && !digits)
            {
                continue;
            }
            if (b < '0' || b > '9' || value > (Long.MAX_VALUE - 9) / 10)
            {
                return -1;
            }
            digits = true;
            value = value * 10 + (b - '0');
        }
        return digits ? value : -1;
    }

    static String getAlphaTrimmed(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
    }
}
