package io.feedhandler.transport.soupbintcp;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Login Request ({@code L}), the client's first packet.
 *
 * <pre>
 *  0     2   3          9               19                29                      49
 *  +-----+---+----------+----------------+-----------------+-----------------------+
 *  | 47  | L | username | password       | session         | sequence number       |
 *  |     |   | alpha(6) | alpha(10)      | alpha(10)       | numeric(20)           |
 *  +-----+---+----------+----------------+-----------------+-----------------------+
 * </pre>
 *
 * <p>Username and password are padded on the right. A blank session asks for the current one;
 * sequence number 1 replays the session from its start, N resumes at N, 0 joins live.
 */
public final class LoginRequest
{
    /** Packet length field. */
    public static final int PACKET_LENGTH = 47;
    /** Bytes on the wire. */
    public static final int LENGTH = PACKET_LENGTH + 2;
    /** Longest username. */
    public static final int USERNAME_LENGTH = 6;
    /** Longest password. */
    public static final int PASSWORD_LENGTH = 10;
    /** Session field length. */
    public static final int SESSION_LENGTH = 10;
    private static final int USERNAME = 3;
    private static final int PASSWORD = 9;
    private static final int SESSION = 19;
    private static final int SEQUENCE = 29;
    private static final int SEQUENCE_LENGTH = 20;

    private DirectBuffer buffer;
    private int offset;

    /**
     * Write a Login Request.
     *
     * @param buffer   to write into.
     * @param offset   of the packet.
     * @param username at most 6 characters.
     * @param password at most 10 characters.
     * @param session  at most 10 characters; blank: the current session.
     * @param sequence requested sequence number.
     * @return bytes written ({@link #LENGTH}).
     */
    public static int encode(final MutableDirectBuffer buffer, final int offset, final String username,
        final String password, final String session, final long sequence)
    {
        SoupBinTcp.putHeader(buffer, offset, SoupBinTcp.LOGIN_REQUEST, PACKET_LENGTH - 1);
        SoupBinTcp.putAlphaRightPadded(buffer, offset + USERNAME, USERNAME_LENGTH, username);
        SoupBinTcp.putAlphaRightPadded(buffer, offset + PASSWORD, PASSWORD_LENGTH, password);
        SoupBinTcp.putAlphaRightPadded(buffer, offset + SESSION, SESSION_LENGTH, session);
        SoupBinTcp.putNumeric(buffer, offset + SEQUENCE, SEQUENCE_LENGTH, sequence);
        return LENGTH;
    }

    /**
     * @param buffer holding a packet of type {@code L}.
     * @param offset of the packet.
     * @param length bytes of the packet.
     * @return false if it is too short to be a Login Request.
     */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        return length >= LENGTH && SoupBinTcp.packetLength(buffer, offset) >= PACKET_LENGTH;
    }

    /** @return the username, trimmed. */
    public String username()
    {
        return SoupBinTcp.getAlphaTrimmed(buffer, offset + USERNAME, USERNAME_LENGTH);
    }

    /** @return the password, trimmed (never log it). */
    public String password()
    {
        return SoupBinTcp.getAlphaTrimmed(buffer, offset + PASSWORD, PASSWORD_LENGTH);
    }

    /** @return the requested session, trimmed; empty: the current one. */
    public String session()
    {
        return SoupBinTcp.getAlphaTrimmed(buffer, offset + SESSION, SESSION_LENGTH);
    }

    /** @return the requested sequence number, -1 if the field is not a number. */
    public long sequence()
    {
        return SoupBinTcp.getNumeric(buffer, offset + SEQUENCE, SEQUENCE_LENGTH);
    }
}
