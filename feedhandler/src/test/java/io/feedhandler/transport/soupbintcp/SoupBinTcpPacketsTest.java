package io.feedhandler.transport.soupbintcp;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packet encoders and flyweights against the byte layouts of SoupBinTCP 3.00. */
class SoupBinTcpPacketsTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);

    private String ascii(final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    @Test
    void shouldEncodeLoginRequestWithPaddedFields()
    {
        assertEquals(49, LoginRequest.encode(buffer, 0, "FEED01", "pw", "", 1234));
        assertEquals(0, buffer.getByte(0));
        assertEquals(47, buffer.getByte(1));
        assertEquals('L', buffer.getByte(2));
        assertEquals("FEED01" + "pw        " + "          " + "                1234", ascii(3, 46));
        final LoginRequest login = new LoginRequest();
        assertTrue(login.wrap(buffer, 0, 49));
        assertEquals("FEED01", login.username());
        assertEquals("pw", login.password());
        assertEquals("", login.session());
        assertEquals(1234, login.sequence());
    }

    @Test
    void shouldReadLoginAcceptedWithTheSessionPaddedOnEitherSide()
    {
        assertEquals(33, LoginAccepted.encode(buffer, 0, "ABC", 42));
        assertEquals("       ABC" + "                  42", ascii(3, 30));
        final LoginAccepted accepted = new LoginAccepted();
        assertTrue(accepted.wrap(buffer, 0, 33));
        assertEquals("ABC", accepted.session());
        assertEquals(42, accepted.sequence());
        buffer.putStringWithoutLengthAscii(3, "ABC       ");
        assertEquals("ABC", accepted.session());
        buffer.putStringWithoutLengthAscii(13, "           12x45678");
        assertFalse(accepted.wrap(buffer, 0, 33), "a sequence number that is not a number");
        assertFalse(accepted.wrap(buffer, 0, 20), "too short");
    }

    @Test
    void shouldEncodeRejectionsAndEmptyPackets()
    {
        assertEquals(4, LoginRejected.encode(buffer, 0, LoginRejected.NOT_AUTHORIZED));
        assertEquals(2, SoupBinTcp.packetLength(buffer, 0));
        assertEquals('A', LoginRejected.reason(buffer, 0, 4));
        assertEquals("not authorised (bad username or password)", LoginRejected.describe((byte)'A'));
        assertEquals("session not available", LoginRejected.describe((byte)'S'));
        assertEquals(3, SoupBinTcp.putEmpty(buffer, 0, SoupBinTcp.CLIENT_HEARTBEAT));
        assertEquals(1, SoupBinTcp.packetLength(buffer, 0));
        assertEquals('R', buffer.getByte(2));
    }

    @Test
    void shouldNeverShowThePassword()
    {
        assertFalse(new Credentials("FEED01", "s3cret").toString().contains("s3cret"));
    }
}
