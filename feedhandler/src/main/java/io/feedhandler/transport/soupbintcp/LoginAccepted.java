package io.feedhandler.transport.soupbintcp;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Login Accepted ({@code A}): the session and the number of the next Sequenced Data packet.
 *
 * <pre>
 *  0     2   3                 13                      33
 *  +-----+---+-----------------+-----------------------+
 *  | 31  | A | session         | sequence number       |
 *  |     |   | alpha(10)       | numeric(20)           |
 *  +-----+---+-----------------+-----------------------+
 * </pre>
 *
 * <p>The sequence number is where the server actually starts, which is not always what was asked:
 * it, not the request, is the next expected number.
 */
public final class LoginAccepted
{
    /** Packet length field. */
    public static final int PACKET_LENGTH = 31;
    /** Bytes on the wire. */
    public static final int LENGTH = PACKET_LENGTH + 2;
    private static final int SESSION = 3;
    private static final int SESSION_LENGTH = 10;
    private static final int SEQUENCE = 13;
    private static final int SEQUENCE_LENGTH = 20;

    private DirectBuffer buffer;
    private int offset;

    /**
     * @param buffer   to write into.
     * @param offset   of the packet.
     * @param session  at most 10 characters (padded on the left, as the 3.00 text does).
     * @param sequence of the next Sequenced Data packet.
     * @return bytes written ({@link #LENGTH}).
     */
    public static int encode(final MutableDirectBuffer buffer, final int offset, final String session, final long sequence)
    {
        SoupBinTcp.putHeader(buffer, offset, SoupBinTcp.LOGIN_ACCEPTED, PACKET_LENGTH - 1);
        final String padded = String.format("%10.10s", session);
        SoupBinTcp.putAlphaRightPadded(buffer, offset + SESSION, SESSION_LENGTH, padded);
        SoupBinTcp.putNumeric(buffer, offset + SEQUENCE, SEQUENCE_LENGTH, sequence);
        return LENGTH;
    }

    /**
     * @param buffer holding a packet of type {@code A}.
     * @param offset of the packet.
     * @param length bytes of the packet.
     * @return false if too short, or the sequence number is not a number.
     */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        return length >= LENGTH && SoupBinTcp.packetLength(buffer, offset) >= PACKET_LENGTH && sequence() >= 0;
    }

    /** @return the session, trimmed on both sides. */
    public String session()
    {
        return SoupBinTcp.getAlphaTrimmed(buffer, offset + SESSION, SESSION_LENGTH);
    }

    /** @return the number of the next Sequenced Data packet. */
    public long sequence()
    {
        return SoupBinTcp.getNumeric(buffer, offset + SEQUENCE, SEQUENCE_LENGTH);
    }
}
