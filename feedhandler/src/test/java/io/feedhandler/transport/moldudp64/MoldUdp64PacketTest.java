package io.feedhandler.transport.moldudp64;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.feedhandler.transport.file.Frames.concat;
import static io.feedhandler.transport.file.Frames.message;
import static io.feedhandler.transport.file.Frames.moldUdp64;
import static io.feedhandler.transport.file.Frames.moldUdp64Control;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoldUdp64PacketTest
{
    private static final int AT = 5;

    private final MoldUdp64Packet packet = new MoldUdp64Packet();

    @Test
    void shouldIterateTheBlocksOfADataPacket()
    {
        assertEquals(MoldUdp64Packet.Validity.OK, wrap(moldUdp64("NASDAQ01", 1_000, message('A', 36), message('S', 12))));

        assertEquals("NASDAQ01", packet.sessionAsString());
        assertEquals(1_000, packet.sequenceNumber());
        assertEquals(2, packet.messageCount());
        assertEquals(2, packet.blockCount());
        assertFalse(packet.isHeartbeat());
        assertFalse(packet.isEndOfSession());
        final int first = packet.firstBlock();
        assertEquals(AT + 20, first);
        assertEquals(36, packet.blockLength(first));
        assertEquals('A', packet.buffer().getByte(first + 2));
        final int second = packet.nextBlock(first);
        assertEquals(12, packet.blockLength(second));
        assertEquals('S', packet.buffer().getByte(second + 2));
        assertEquals(AT + packet.length(), packet.nextBlock(second));
    }

    @Test
    void shouldRecogniseHeartbeatAndEndOfSession()
    {
        assertEquals(MoldUdp64Packet.Validity.OK, wrap(moldUdp64Control("S", 77, 0)));
        assertTrue(packet.isHeartbeat());
        assertEquals(0, packet.blockCount());
        assertEquals(77, packet.sequenceNumber());

        assertEquals(MoldUdp64Packet.Validity.OK, wrap(moldUdp64Control("S", 78, 0xFFFF)));
        assertTrue(packet.isEndOfSession());
        assertEquals(0, packet.blockCount());
    }

    @Test
    void shouldRejectADatagramShorterThanTheHeader()
    {
        assertEquals(MoldUdp64Packet.Validity.SHORT_HEADER, wrap(new byte[19]));
    }

    @Test
    void shouldRejectABlockRunningPastTheDatagram()
    {
        final byte[] bytes = moldUdp64("S", 1, message('A', 36));

        assertEquals(MoldUdp64Packet.Validity.TRUNCATED_BLOCK, wrap(Arrays.copyOf(bytes, bytes.length - 1)));
        assertEquals(MoldUdp64Packet.Validity.TRUNCATED_BLOCK, wrap(Arrays.copyOf(bytes, 21)));
        bytes[19] = 2;
        assertEquals(MoldUdp64Packet.Validity.TRUNCATED_BLOCK, wrap(bytes));
    }

    @Test
    void shouldRejectBytesAfterTheLastBlock()
    {
        assertEquals(MoldUdp64Packet.Validity.TRAILING_BYTES, wrap(concat(moldUdp64("S", 1, message('A', 36)), new byte[1])));
    }

    @Test
    void shouldRejectAControlPacketCarryingBlocks()
    {
        assertEquals(MoldUdp64Packet.Validity.CONTROL_WITH_BLOCKS, wrap(concat(moldUdp64Control("S", 1, 0), new byte[2])));
        assertEquals(MoldUdp64Packet.Validity.CONTROL_WITH_BLOCKS,
            wrap(concat(moldUdp64Control("S", 1, 0xFFFF), new byte[2])));
    }

    @Test
    void shouldShowAZeroedSessionAsHex()
    {
        final byte[] bytes = moldUdp64("", 0, message('S', 12));
        Arrays.fill(bytes, 0, 10, (byte)0);

        assertEquals(MoldUdp64Packet.Validity.OK, wrap(bytes));
        assertEquals("hex:00000000000000000000", packet.sessionAsString());
    }

    private MoldUdp64Packet.Validity wrap(final byte[] datagram)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[AT + datagram.length + 8]);
        buffer.putBytes(AT, datagram);
        return packet.wrap(buffer, AT, datagram.length);
    }
}
