package io.feedhandler.transport.moldudp64;

import java.nio.charset.StandardCharsets;

/** Renders a 10-byte MoldUDP64 session name for people: trimmed ASCII, or {@code hex:...} if not printable. */
public final class MoldUdp64Session
{
    private static final String HEX_DIGITS = "0123456789ABCDEF";

    private MoldUdp64Session()
    {
    }

    /**
     * @param session the 10 session bytes as sent.
     * @return trimmed ASCII when every byte is printable, else {@code hex:} and 20 hex digits
     * (anonymised captures zero the session).
     */
    public static String toDisplayString(final byte[] session)
    {
        boolean printable = true;
        for (final byte b : session)
        {
            if (b < 0x20 || b > 0x7E)
            {
                printable = false;
                break;
            }
        }
        if (printable)
        {
            return new String(session, StandardCharsets.US_ASCII).strip();
        }
        final StringBuilder hex = new StringBuilder("hex:");
        for (final byte b : session)
        {
            hex.append(HEX_DIGITS.charAt((b >> 4) & 0xF)).append(HEX_DIGITS.charAt(b & 0xF));
        }
        return hex.toString();
    }
}
