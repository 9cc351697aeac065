package io.feedhandler.transport.moldudp64;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoldUdp64RequestPacketTest
{
    @Test
    void shouldWriteTheTwentyBytesOfARequestAndReadThemBack()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[24]);
        final byte[] session = "000006789B".getBytes(StandardCharsets.US_ASCII);

        assertEquals(20, MoldUdp64RequestPacket.encode(buffer, 2, session, 0x0102030405060708L, 0xFFFE));

        final byte[] expected = new byte[24];
        System.arraycopy(session, 0, expected, 2, 10);
        System.arraycopy(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, (byte)0xFF, (byte)0xFE}, 0, expected, 12, 10);
        assertArrayEquals(expected, buffer.byteArray());
        final MoldUdp64RequestPacket request = new MoldUdp64RequestPacket();
        assertTrue(request.wrap(buffer, 2, 20));
        assertEquals(0x0102030405060708L, request.sequenceNumber());
        assertEquals(0xFFFE, request.messageCount());
        final byte[] read = new byte[10];
        request.session(read);
        assertArrayEquals(session, read);
        assertFalse(request.wrap(buffer, 2, 21), "a request is exactly 20 bytes");
    }
}
