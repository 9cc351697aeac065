package io.feedhandler.transport.file;

import io.feedhandler.transport.file.RecordingListener.Defect;
import io.feedhandler.transport.file.RecordingListener.Message;
import io.feedhandler.transport.file.RecordingListener.Packet;
import io.feedhandler.transport.file.RecordingListener.Skipped;
import io.feedhandler.transport.file.frame.LinkType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import static io.feedhandler.transport.file.Frames.UDP_PAYLOAD_IN_ETHERNET;
import static io.feedhandler.transport.file.Frames.ipv4;
import static io.feedhandler.transport.file.Frames.linuxCooked;
import static io.feedhandler.transport.file.Frames.message;
import static io.feedhandler.transport.file.Frames.moldUdp64;
import static io.feedhandler.transport.file.Frames.moldUdp64Control;
import static io.feedhandler.transport.file.Frames.udp;
import static io.feedhandler.transport.file.Frames.udpFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PcapngReaderTest
{
    private static final int EPB_DATA = 28;
    private static final int SPB_DATA = 12;
    private static final int MOLD_HEADER = 20;
    private static final int NO_OPTION = -1;

    private final RecordingListener listener = new RecordingListener();

    @Test
    void shouldReadSectionsOfEitherByteOrderWithInterfacesOfTheirOwnResolution() throws IOException
    {
        final byte[] ethernet = udpFrame(moldUdp64("SESSION1", 100, message('A', 36)));
        final byte[] cooked = linuxCooked(Frames.ETHERTYPE_IPV4, ipv4(Frames.PROTOCOL_UDP, udp(moldUdp64Control("SESSION1", 101, 0))));
        final byte[] rawIpv4 = ipv4(Frames.PROTOCOL_UDP, udp(moldUdp64("SESSION2", 1, message('S', 12))));
        final PcapngWriter writer = new PcapngWriter()
            .section(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(LinkType.ETHERNET, 65535, NO_OPTION, 0)
            .interfaceDescription(LinkType.LINUX_SLL, 0, 9, 0);
        final int first = writer.size();
        writer.enhancedPacket(0, 1_692_700_200_123_456L, ethernet)
            .enhancedPacket(1, 1_692_700_200_123_456_789L, cooked)
            .section(ByteOrder.BIG_ENDIAN)
            .interfaceDescription(LinkType.IPV4, 65535, 0x80 | 10, 0)
            .interfaceDescription(LinkType.ETHERNET, 65535, 3, 100);
        final int third = writer.size();
        writer.enhancedPacket(1, 1_692_700_000_250L, ethernet);
        final int fourth = writer.size();
        writer.enhancedPacket(0, 1_692_700_200L * 1024 + 512, rawIpv4);

        final PcapngReader reader = read(writer.toByteArray());

        final int second = first + 12 + 20 + ethernet.length;
        assertEquals(List.of(
            new Packet(1, "SESSION1", 100, 1, first + EPB_DATA + UDP_PAYLOAD_IN_ETHERNET, 1_692_700_200_123_456_000L),
            new Message(100, 'A', 36, first + EPB_DATA + UDP_PAYLOAD_IN_ETHERNET + MOLD_HEADER),
            new Packet(2, "SESSION1", 101, 0, second + EPB_DATA + 16 + 28, 1_692_700_200_123_456_789L),
            new Packet(3, "SESSION1", 100, 1, third + EPB_DATA + UDP_PAYLOAD_IN_ETHERNET, 1_692_700_100_250_000_000L),
            new Message(100, 'A', 36, third + EPB_DATA + UDP_PAYLOAD_IN_ETHERNET + MOLD_HEADER),
            new Packet(4, "SESSION2", 1, 1, fourth + EPB_DATA + 28, 1_692_700_200_500_000_000L),
            new Message(1, 'S', 12, fourth + EPB_DATA + 28 + MOLD_HEADER)),
            listener.events());
        assertEquals(2, reader.sectionCount());
        assertEquals(2, reader.interfaceCount());
        assertEquals(ByteOrder.BIG_ENDIAN, reader.byteOrder());
        assertEquals(LinkType.IPV4, reader.linkType(0));
        assertEquals(0, reader.poll(1) ? 1 : 0);
    }

    @Test
    void shouldSkipBlocksOfOtherTypesByTheirLength() throws IOException
    {
        final byte[] frame = udpFrame(moldUdp64("S", 1, message('S', 12)));
        final PcapngWriter writer = new PcapngWriter()
            .section(ByteOrder.BIG_ENDIAN)
            .block(4, new byte[] {0, 1, 0, 7, 10, 0, 0, 1, 'h', 'o', 's', 't', 0, 0, 0, 0})
            .interfaceDescription(LinkType.ETHERNET, 65535, NO_OPTION, 0)
            .block(5, new byte[20])
            .block(0x0000000A, new byte[9])
            .block(0x00000BAD, new byte[] {0, 0, 0x7E, 0x4E, 'x'});
        final int packet = writer.size();
        writer.enhancedPacket(0, 0, frame).block(0x40000BAD, new byte[0]);

        read(writer.toByteArray());

        assertEquals(List.of(
            new Packet(1, "S", 1, 1, packet + EPB_DATA + UDP_PAYLOAD_IN_ETHERNET, 0),
            new Message(1, 'S', 12, packet + EPB_DATA + UDP_PAYLOAD_IN_ETHERNET + MOLD_HEADER)),
            listener.events());
    }

    @Test
    void shouldReadSimplePacketBlocksOnInterfaceZeroWithoutTimestamp() throws IOException
    {
        final byte[] frame = udpFrame(moldUdp64("S", 9, message('X', 23)));
        final byte[] longer = udpFrame(moldUdp64("S", 10, message('X', 23), message('A', 36)));
        final PcapngWriter writer = new PcapngWriter()
            .section(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(LinkType.ETHERNET, 96, NO_OPTION, 0);
        final int first = writer.size();
        writer.simplePacket(frame, frame.length);
        final int second = writer.size();
        writer.simplePacket(Arrays.copyOf(longer, 96), longer.length);

        read(writer.toByteArray());

        assertEquals(List.of(
            new Packet(1, "S", 9, 1, first + SPB_DATA + UDP_PAYLOAD_IN_ETHERNET, CaptureReader.NO_TIMESTAMP),
            new Message(9, 'X', 23, first + SPB_DATA + UDP_PAYLOAD_IN_ETHERNET + MOLD_HEADER),
            new Defect(second, "frame 2: cut to 96 of " + longer.length + " bytes by the capture's snap " +
                "length, so its UDP datagram is incomplete (" + longer.length + " bytes needed)")),
            listener.events());
    }

    @Test
    void shouldReadObsoletePacketBlocksLikeEnhancedOnes() throws IOException
    {
        final byte[] frame = udpFrame(moldUdp64("S", 9, message('X', 23)));
        final PcapngWriter writer = new PcapngWriter()
            .section(ByteOrder.BIG_ENDIAN)
            .interfaceDescription(LinkType.ETHERNET, 0, NO_OPTION, 0)
            .interfaceDescription(LinkType.ETHERNET, 0, 9, 0);
        final int packet = writer.size();
        writer.block(PcapngReader.PACKET_BLOCK, ByteBuffer.allocate(20 + frame.length)
            .putShort((short)1).putShort((short)0).putInt(0).putInt(1_000_000_007)
            .putInt(frame.length).putInt(frame.length).put(frame)
            .array());

        read(writer.toByteArray());

        assertEquals(List.of(
            new Packet(1, "S", 9, 1, packet + EPB_DATA + UDP_PAYLOAD_IN_ETHERNET, 1_000_000_007L),
            new Message(9, 'X', 23, packet + EPB_DATA + UDP_PAYLOAD_IN_ETHERNET + MOLD_HEADER)),
            listener.events());
    }

    @Test
    void shouldReportAFrameCutBySnapLengthAndReadTheNextBlock() throws IOException
    {
        final byte[] frame = udpFrame(moldUdp64("S", 9, message('X', 23)));
        final PcapngWriter writer = new PcapngWriter()
            .section(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(LinkType.ETHERNET, 64, NO_OPTION, 0);
        final int first = writer.size();
        writer.enhancedPacket(0, 5, Arrays.copyOf(frame, 64), frame.length).enhancedPacket(0, 6, frame);

        read(writer.toByteArray());

        assertEquals(new Defect(first, "frame 1: cut to 64 of " + frame.length + " bytes by the capture's snap " +
            "length, so its UDP datagram is incomplete (" + frame.length + " bytes needed)"), listener.events().get(0));
        assertEquals(1, listener.messages().size());
        assertEquals(2, listener.packets().get(0).frame());
    }

    @Test
    void shouldReportAPacketOfAnUnknownInterfaceAndReadOn() throws IOException
    {
        final byte[] frame = udpFrame(moldUdp64("S", 9, message('X', 23)));
        final PcapngWriter writer = new PcapngWriter()
            .section(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(LinkType.ETHERNET, 0, NO_OPTION, 0);
        final int first = writer.size();
        writer.enhancedPacket(1, 5, frame).enhancedPacket(0, 6, frame);

        read(writer.toByteArray());

        assertEquals(new Defect(first, "pcapng Enhanced Packet Block (frame 1) names interface 1, but this section " +
            "describes 1"), listener.events().get(0));
        assertEquals(2, listener.packets().get(0).frame());
    }

    @Test
    void shouldForgetInterfacesAtANewSection() throws IOException
    {
        final byte[] frame = udpFrame(moldUdp64("S", 9, message('X', 23)));
        final PcapngWriter writer = new PcapngWriter()
            .section(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(LinkType.ETHERNET, 0, NO_OPTION, 0)
            .section(ByteOrder.LITTLE_ENDIAN);
        final int packet = writer.size();
        writer.enhancedPacket(0, 5, frame);

        read(writer.toByteArray());

        assertEquals(List.of(new Defect(packet, "pcapng Enhanced Packet Block (frame 1) names interface 0, but this " +
            "section describes 0")), listener.events());
    }

    @Test
    void shouldReportATrailingLengthThatDiffersFromTheLeadingOneAndStop() throws IOException
    {
        final byte[] frame = udpFrame(moldUdp64("S", 9, message('X', 23)));
        final PcapngWriter writer = new PcapngWriter()
            .section(ByteOrder.BIG_ENDIAN)
            .interfaceDescription(LinkType.ETHERNET, 0, NO_OPTION, 0)
            .enhancedPacket(0, 5, frame);
        final int second = writer.size();
        writer.enhancedPacket(0, 6, frame).enhancedPacket(0, 7, frame);
        final byte[] capture = writer.toByteArray();
        final int blockLength = ByteBuffer.wrap(capture).getInt(second + 4);
        ByteBuffer.wrap(capture).putInt(second + blockLength - 4, blockLength + 4);

        read(capture);

        assertEquals(1, listener.packets().size());
        assertEquals(List.of(new Defect(second, "pcapng Enhanced Packet Block (frame 2) has trailing block total length " +
            (blockLength + 4) + ", not the leading " + blockLength + ": the file is corrupt from here on")),
            listener.defects());
    }

    @Test
    void shouldReportBadBlockLengthsAndStop() throws IOException
    {
        final PcapngWriter writer = new PcapngWriter()
            .section(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(LinkType.ETHERNET, 0, NO_OPTION, 0);
        final int bad = writer.size();
        final byte[] prefix = writer.toByteArray();

        read(concat(prefix, block(6, 42)));
        read(concat(prefix, block(6, 24)));
        read(concat(prefix, block(6, 8)));
        read(concat(prefix, block(6, 0x7FFFFFF0)));

        assertEquals(List.of(
            new Defect(bad, "pcapng Enhanced Packet Block (frame 1) has block total length 42, not a multiple of 4: " +
                "the file is corrupt from here on"),
            new Defect(bad, "pcapng Enhanced Packet Block (frame 1) has block total length 24, less than the 32 bytes " +
                "of its fixed fields: the file is corrupt from here on"),
            new Defect(bad, "pcapng Enhanced Packet Block (frame 1) has block total length 8, less than the 32 bytes " +
                "of its fixed fields: the file is corrupt from here on"),
            new Defect(bad, "pcapng Enhanced Packet Block (frame 1) has block total length 2147483632, over the " +
                InputWindow.MAX_CAPACITY + " bytes accepted for a block: the file is corrupt from here on")),
            listener.events());
    }

    @Test
    void shouldReportABlockCutOffAtEndOfFileAndStop() throws IOException
    {
        final byte[] frame = udpFrame(moldUdp64("S", 9, message('X', 23)));
        final PcapngWriter writer = new PcapngWriter()
            .section(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(LinkType.ETHERNET, 0, NO_OPTION, 0);
        final int packet = writer.size();
        final byte[] whole = writer.enhancedPacket(0, 5, frame).toByteArray();
        final int blockLength = whole.length - packet;

        read(Arrays.copyOf(whole, whole.length - 10));
        read(Arrays.copyOf(whole, packet + 5));

        assertEquals(List.of(
            new Defect(packet, "pcapng Enhanced Packet Block (frame 1) cut off at end of file: block total length says " +
                blockLength + " bytes, " + (blockLength - 10) + " available"),
            new Defect(packet, "pcapng block cut off at end of file: 5 of its 8 header bytes present")),
            listener.events());
    }

    @Test
    void shouldReportAFileThatDoesNotStartWithASectionHeader() throws IOException
    {
        read(new PcapWriter(ByteOrder.BIG_ENDIAN, false, LinkType.ETHERNET).toByteArray());
        read(new byte[0]);

        assertEquals(List.of(
            new Defect(0, "not a pcapng file: it starts with block type 0xA1B2C3D4 instead of a Section Header Block (0A0D0D0A)"),
            new Defect(0, "empty file: no pcapng Section Header Block")),
            listener.events());
    }

    @Test
    void shouldReportAnUnknownByteOrderMagicAndStop() throws IOException
    {
        final byte[] capture = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN).toByteArray();
        capture[8] = 0x11;

        read(capture);

        assertEquals(List.of(new Defect(0, "pcapng Section Header Block has byte-order magic 0x113C2B1A, " +
            "neither 1A2B3C4D nor 4D3C2B1A: the file is corrupt from here on")), listener.events());
    }

    @Test
    void shouldReportAnUnsupportedLinkTypeAndSkipItsFrames() throws IOException
    {
        final byte[] frame = udpFrame(moldUdp64("S", 9, message('X', 23)));
        final PcapngWriter writer = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN);
        final int description = writer.size();
        writer.interfaceDescription(147, 0, NO_OPTION, 0);
        final int packet = writer.size();
        writer.enhancedPacket(0, 5, frame);

        read(writer.toByteArray());

        assertEquals(List.of(
            new Defect(description, "pcapng interface 0: link type (147) is not supported (Ethernet, Linux cooked and " +
                "raw IPv4 are): its frames are counted as skipped"),
            new Skipped(packet)),
            listener.events());
    }

    @Test
    void shouldConvertTimestampsOfEveryResolutionToNanoseconds()
    {
        assertEquals(1_500_000_000L, PcapngReader.toNanos(1_500_000L, 6));
        assertEquals(1_500_000_000L, PcapngReader.toNanos(1_500_000_000L, 9));
        assertEquals(1_500_000_000L, PcapngReader.toNanos(15, 1));
        assertEquals(3_000_000_000L, PcapngReader.toNanos(3, 0));
        assertEquals(1_500_000_001L, PcapngReader.toNanos(1_500_000_001_999L, 12));
        assertEquals(1_500_000_000L, PcapngReader.toNanos(3, 0x80 | 1));
        assertEquals(1_692_700_200_999_999_999L, PcapngReader.toNanos((1_692_700_200L << 30) | ((1L << 30) - 1), 0x80 | 30));
        assertEquals(1_000_000_000L, PcapngReader.toNanos(1L << 63, 0x80 | 63));
        assertEquals(1L, PcapngReader.toNanos(1_000_000_000_000_000_000L, 27));
    }

    private PcapngReader read(final byte[] capture) throws IOException
    {
        final PcapngReader reader = new PcapngReader(new ByteArrayInputStream(capture), listener);
        listener.attach(reader);
        reader.readAll();
        return reader;
    }

    private static byte[] block(final int type, final int totalLength)
    {
        return ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN).putInt(type).putInt(totalLength).array();
    }

    private static byte[] concat(final byte[] first, final byte[] second)
    {
        return Frames.concat(first, second);
    }
}
