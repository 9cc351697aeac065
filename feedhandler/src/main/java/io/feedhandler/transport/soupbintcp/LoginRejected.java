package io.feedhandler.transport.soupbintcp;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Login Rejected ({@code J}); the server then closes the connection.
 *
 * <pre>
 *  0     2   3        4
 *  +-----+---+--------+
 *  |  2  | J | reason |   A: not authorised (username/password), S: session not available
 *  +-----+---+--------+
 * </pre>
 */
public final class LoginRejected
{
    /** Bytes on the wire. */
    public static final int LENGTH = 4;
    /** Reason: bad username or password. */
    public static final byte NOT_AUTHORIZED = 'A';
    /** Reason: the requested session is not available. */
    public static final byte SESSION_NOT_AVAILABLE = 'S';

    private LoginRejected()
    {
    }

    /**
     * @param buffer to write into.
     * @param offset of the packet.
     * @param reason {@link #NOT_AUTHORIZED} or {@link #SESSION_NOT_AVAILABLE}.
     * @return bytes written.
     */
    public static int encode(final MutableDirectBuffer buffer, final int offset, final byte reason)
    {
        SoupBinTcp.putHeader(buffer, offset, SoupBinTcp.LOGIN_REJECTED, 1);
        buffer.putByte(offset + 3, reason);
        return LENGTH;
    }

    /**
     * @param buffer holding a packet of type {@code J}.
     * @param offset of the packet.
     * @param length bytes of the packet.
     * @return the reason code, or {@code '?'} if the packet has none.
     */
    public static byte reason(final DirectBuffer buffer, final int offset, final int length)
    {
        return length >= LENGTH ? buffer.getByte(offset + 3) : (byte)'?';
    }

    /**
     * @param reason a reason code.
     * @return what it means, for an operator.
     */
    public static String describe(final byte reason)
    {
        return switch (reason)
        {
            case NOT_AUTHORIZED -> "not authorised (bad username or password)";
            case SESSION_NOT_AVAILABLE -> "session not available";
            default -> "reason code '" + (char)reason + "'";
        };
    }
}
