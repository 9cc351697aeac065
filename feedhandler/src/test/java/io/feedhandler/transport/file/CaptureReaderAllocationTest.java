package io.feedhandler.transport.file;

import io.feedhandler.transport.file.frame.LinkType;
import io.feedhandler.transport.moldudp64.MoldUdp64Packet;
import org.agrona.DirectBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;

import static io.feedhandler.transport.file.Frames.ethernet;
import static io.feedhandler.transport.file.Frames.message;
import static io.feedhandler.transport.file.Frames.moldUdp64;
import static io.feedhandler.transport.file.Frames.moldUdp64Control;
import static io.feedhandler.transport.file.Frames.udpFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading a capture allocates nothing per frame once the reader is set up: measured with the JVM's
 * per-thread allocation counter over a capture several times larger than the input window (so the
 * window slides many times), not assumed. The bytes allowed are a fixed slack for the counter
 * itself, far below one byte per frame.
 */
class CaptureReaderAllocationTest
{
    private static final int ROUNDS = 10_000;
    private static final int FRAMES_PER_ROUND = 4;
    private static final long ALLOWED_BYTES = 4_096;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldNotAllocatePerFrame(final boolean pcapng) throws IOException
    {
        final byte[] capture = pcapng ?
            PcapngWriter.fromPcap(pcap(), ByteOrder.BIG_ENDIAN) : pcap();
        final CountingListener listener = new CountingListener();
        final CaptureReader reader = pcapng ?
            new PcapngReader(new ByteArrayInputStream(capture), listener) :
            new PcapReader(new ByteArrayInputStream(capture), listener);
        reader.poll(FRAMES_PER_ROUND * 100);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

        final long before = threads.getCurrentThreadAllocatedBytes();
        reader.readAll();
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(0, listener.defects);
        assertEquals(ROUNDS * 3L, listener.packets);
        assertEquals(ROUNDS * 4L, listener.messages);
        assertEquals(ROUNDS, listener.skipped);
        assertTrue(capture.length > 3 * InputWindow.DEFAULT_CAPACITY);
        assertTrue(allocated < ALLOWED_BYTES, "allocated " + allocated + " bytes reading " + ROUNDS * FRAMES_PER_ROUND + " frames");
    }

    private static byte[] pcap()
    {
        final PcapWriter writer = new PcapWriter(ByteOrder.LITTLE_ENDIAN, true, LinkType.ETHERNET);
        final byte[] arp = ethernet(Frames.ETHERTYPE_ARP, new byte[28]);
        for (int i = 0; i < ROUNDS; i++)
        {
            final long sequence = 1 + 4L * i;
            writer.record(i, udpFrame(moldUdp64("SESSION", sequence, message('A', 36), message('F', 40), message('E', 31)), 0x8100, 141))
                .record(i, udpFrame(moldUdp64("SESSION", sequence + 3, message('U', 35))))
                .record(i, udpFrame(moldUdp64Control("SESSION", sequence + 4, 0)))
                .record(i, arp);
        }
        return writer.toByteArray();
    }

    private static final class CountingListener implements FeedFileListener
    {
        long messages;
        long packets;
        long skipped;
        long defects;

        @Override
        public void onMessage(
            final long sequenceNumber, final DirectBuffer buffer, final int offset, final int length, final long sourceOffset)
        {
            messages++;
        }

        @Override
        public void onPacket(final MoldUdp64Packet packet, final long sourceOffset)
        {
            packets++;
        }

        @Override
        public void onSkippedFrame(final long sourceOffset)
        {
            skipped++;
        }

        @Override
        public void onDefect(final long sourceOffset, final String reason)
        {
            defects++;
        }
    }
}
