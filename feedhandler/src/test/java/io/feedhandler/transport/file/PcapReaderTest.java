package io.feedhandler.transport.file;

import io.feedhandler.transport.file.RecordingListener.Defect;
import io.feedhandler.transport.file.RecordingListener.Message;
import io.feedhandler.transport.file.RecordingListener.Packet;
import io.feedhandler.transport.file.RecordingListener.Skipped;
import io.feedhandler.transport.file.frame.LinkType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.List;

import static io.feedhandler.transport.file.Frames.ETHERNET_HEADER;
import static io.feedhandler.transport.file.Frames.UDP_PAYLOAD_IN_ETHERNET;
import static io.feedhandler.transport.file.Frames.concat;
import static io.feedhandler.transport.file.Frames.ethernet;
import static io.feedhandler.transport.file.Frames.ipv4;
import static io.feedhandler.transport.file.Frames.ipv6;
import static io.feedhandler.transport.file.Frames.message;
import static io.feedhandler.transport.file.Frames.moldUdp64;
import static io.feedhandler.transport.file.Frames.moldUdp64Control;
import static io.feedhandler.transport.file.Frames.udp;
import static io.feedhandler.transport.file.Frames.udpFrame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PcapReaderTest
{
    private static final long T1 = 1_692_700_200_123_456_789L;
    private static final long T2 = 1_692_700_201_000_000_999L;
    private static final int RECORD = 16;
    private static final int FIRST_RECORD = 24;
    private static final int MOLD_HEADER = 20;

    private final RecordingListener listener = new RecordingListener();

    @ParameterizedTest
    @CsvSource({"LITTLE_ENDIAN, false", "LITTLE_ENDIAN, true", "BIG_ENDIAN, false", "BIG_ENDIAN, true"})
    void shouldReadTheSameFramesWithTheirTimestampsInEveryMagicVariant(final String order, final boolean nanoseconds)
        throws IOException
    {
        final ByteOrder byteOrder = "BIG_ENDIAN".equals(order) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        final byte[] first = udpFrame(moldUdp64("SESSION1", 41, message('A', 36), message('F', 40)));
        final byte[] second = udpFrame(moldUdp64("SESSION1", 43, message('D', 19)));
        final byte[] capture = new PcapWriter(byteOrder, nanoseconds, LinkType.ETHERNET)
            .record(T1, first)
            .record(T2, second)
            .toByteArray();

        final PcapReader reader = read(capture);

        final long firstPayload = FIRST_RECORD + RECORD + UDP_PAYLOAD_IN_ETHERNET;
        final long secondRecord = FIRST_RECORD + RECORD + first.length;
        final long secondPayload = secondRecord + RECORD + UDP_PAYLOAD_IN_ETHERNET;
        assertEquals(List.of(
            new Packet(1, "SESSION1", 41, 2, firstPayload, nanoseconds ? T1 : T1 - 789),
            new Message(41, 'A', 36, firstPayload + MOLD_HEADER),
            new Message(42, 'F', 40, firstPayload + MOLD_HEADER + 2 + 36),
            new Packet(2, "SESSION1", 43, 1, secondPayload, nanoseconds ? T2 : T2 - 999),
            new Message(43, 'D', 19, secondPayload + MOLD_HEADER)),
            listener.events());
        assertArrayEquals(message('F', 40), listener.messageBytes().get(1));
        assertEquals(byteOrder, reader.byteOrder());
        assertEquals(nanoseconds, reader.isNanosecondResolution());
        assertEquals(65535, reader.snapLength());
    }

    @Test
    void shouldFindTheDatagramBehindStackedVlanTags() throws IOException
    {
        final byte[] payload = moldUdp64("S", 7, message('S', 12));
        final byte[] capture = pcap(
            udpFrame(payload, 0x88A8, 100, 0x8100, 141),
            udpFrame(payload, 0x9100, 5, 0x88A8, 6, 0x8100, 142));

        final PcapReader reader = read(capture);

        final long secondRecord = FIRST_RECORD + RECORD + ETHERNET_HEADER + 8 + 20 + 8 + payload.length;
        assertEquals(List.of(
            new Packet(1, "S", 7, 1, FIRST_RECORD + RECORD + UDP_PAYLOAD_IN_ETHERNET + 8, 0),
            new Message(7, 'S', 12, FIRST_RECORD + RECORD + UDP_PAYLOAD_IN_ETHERNET + 8 + MOLD_HEADER),
            new Packet(2, "S", 7, 1, secondRecord + RECORD + UDP_PAYLOAD_IN_ETHERNET + 12, 1_000_000_000L),
            new Message(7, 'S', 12, secondRecord + RECORD + UDP_PAYLOAD_IN_ETHERNET + 12 + MOLD_HEADER)),
            listener.events());
        assertEquals(List.of(100, 5), listener.vlanIds());
        assertEquals(3, reader.frame().linkLayer().vlanCount());
        assertEquals(142, reader.frame().linkLayer().innerVlanId());
    }

    @Test
    void shouldSkipFramesThatAreNotIpv4Udp() throws IOException
    {
        final byte[] arp = ethernet(Frames.ETHERTYPE_ARP, new byte[28]);
        final byte[] ipv6 = ethernet(Frames.ETHERTYPE_IPV6, ipv6(Frames.PROTOCOL_UDP, udp(moldUdp64("S", 1, message('S', 12)))));
        final byte[] tcp = ethernet(Frames.ETHERTYPE_IPV4, ipv4(Frames.PROTOCOL_TCP, new byte[40]), 0x8100, 141);
        final byte[] llc = ethernet(0x0026, new byte[38]);
        final byte[] feed = udpFrame(moldUdp64("S", 1, message('S', 12)));
        final byte[] capture = pcap(arp, ipv6, tcp, llc, feed);

        read(capture);

        long offset = FIRST_RECORD;
        final long ipv6Offset = offset += RECORD + arp.length;
        final long tcpOffset = offset += RECORD + ipv6.length;
        final long llcOffset = offset += RECORD + tcp.length;
        final long feedOffset = offset + RECORD + llc.length;
        assertEquals(List.of(
            new Skipped(FIRST_RECORD), new Skipped(ipv6Offset), new Skipped(tcpOffset), new Skipped(llcOffset)),
            listener.skipped());
        assertEquals(List.of(new Packet(5, "S", 1, 1, feedOffset + RECORD + UDP_PAYLOAD_IN_ETHERNET, 4_000_000_000L)),
            listener.packets());
        assertEquals(List.of(), listener.defects());
    }

    @Test
    void shouldSkipIpv4FragmentsTheFirstOneIncluded() throws IOException
    {
        final byte[] datagram = udp(moldUdp64("S", 1, message('S', 12)));
        final byte[] firstFragment = ethernet(Frames.ETHERTYPE_IPV4, ipv4(Frames.PROTOCOL_UDP, datagram, 0x2000));
        final byte[] laterFragment = ethernet(Frames.ETHERTYPE_IPV4, ipv4(Frames.PROTOCOL_UDP, new byte[16], 185));

        read(pcap(firstFragment, laterFragment));

        assertEquals(List.of(
            new Skipped(FIRST_RECORD), new Skipped(FIRST_RECORD + RECORD + firstFragment.length)), listener.events());
    }

    @Test
    void shouldDeliverHeartbeatAndEndOfSessionAsPacketsWithoutMessages() throws IOException
    {
        read(pcap(
            udpFrame(moldUdp64Control("S", 10, 0)),
            udpFrame(moldUdp64Control("S", 10, 0xFFFF))));

        final long second = FIRST_RECORD + RECORD + UDP_PAYLOAD_IN_ETHERNET + MOLD_HEADER;
        assertEquals(List.of(
            new Packet(1, "S", 10, 0, FIRST_RECORD + RECORD + UDP_PAYLOAD_IN_ETHERNET, 0),
            new Packet(2, "S", 10, 0xFFFF, second + RECORD + UDP_PAYLOAD_IN_ETHERNET, 1_000_000_000L)),
            listener.events());
    }

    @Test
    void shouldTrustTheIpv4TotalLengthOverEthernetPaddingAndFcs() throws IOException
    {
        final byte[] heartbeat = udpFrame(moldUdp64Control("S", 10, 0));
        final byte[] padded = concat(heartbeat, new byte[] {1, 2, 3, 4, 5, 6});

        read(pcap(padded));

        assertEquals(List.of(new Packet(1, "S", 10, 0, FIRST_RECORD + RECORD + UDP_PAYLOAD_IN_ETHERNET, 0)),
            listener.events());
    }

    @Test
    void shouldReportARecordCutOffAtEndOfFileAndStop() throws IOException
    {
        final byte[] feed = udpFrame(moldUdp64("S", 1, message('S', 12)));
        final PcapWriter writer = new PcapWriter(ByteOrder.LITTLE_ENDIAN, true, LinkType.ETHERNET)
            .record(T1, feed)
            .record(T1, feed);
        final int third = writer.size();
        final byte[] capture = writer.recordHeader(T1, 90, 90).raw(new byte[40]).toByteArray();

        final PcapReader reader = read(capture);

        assertEquals(2, listener.packets().size());
        assertEquals(List.of(new Defect(third, "pcap record 3 cut off at end of file: header says 90 bytes, 40 available")),
            listener.defects());
        assertEquals(capture.length - 56, reader.position());
        assertFalse(reader.poll(1));
    }

    @Test
    void shouldReportARecordHeaderCutOffAtEndOfFile() throws IOException
    {
        final byte[] feed = udpFrame(moldUdp64("S", 1, message('S', 12)));
        final byte[] capture = concat(pcap(feed), new byte[10]);

        read(capture);

        assertEquals(1, listener.packets().size());
        assertEquals(List.of(new Defect(FIRST_RECORD + RECORD + feed.length,
            "pcap record 2 cut off at end of file: 10 of its 16 header bytes present")), listener.defects());
    }

    @Test
    void shouldReportAnAbsurdCapturedLengthAndStop() throws IOException
    {
        final byte[] capture = new PcapWriter(ByteOrder.BIG_ENDIAN, false, LinkType.ETHERNET)
            .recordHeader(T1, 0x7FFF0000, 60)
            .raw(new byte[200])
            .toByteArray();

        read(capture);

        assertEquals(List.of(new Defect(FIRST_RECORD, "pcap record 1 has a captured length of 2147418112 bytes, " +
            "more than the 262144 any capture tool writes: the file is corrupt from here on")), listener.events());
    }

    @Test
    void shouldReportABlockOverrunningItsDatagramAndReadTheNextFrame() throws IOException
    {
        final byte[] good = moldUdp64("S", 5, message('A', 36));
        final byte[] overrun = good.clone();
        overrun[19] = 2;

        read(pcap(udpFrame(overrun), udpFrame(good)));

        final long second = FIRST_RECORD + RECORD + UDP_PAYLOAD_IN_ETHERNET + good.length;
        assertEquals(List.of(
            new Defect(FIRST_RECORD + RECORD + UDP_PAYLOAD_IN_ETHERNET,
                "MoldUDP64 packet in frame 1: message block runs past the end of the datagram"),
            new Packet(2, "S", 5, 1, second + RECORD + UDP_PAYLOAD_IN_ETHERNET, 1_000_000_000L),
            new Message(5, 'A', 36, second + RECORD + UDP_PAYLOAD_IN_ETHERNET + MOLD_HEADER)),
            listener.events());
    }

    @Test
    void shouldReportAFrameCutBySnapLengthAndReadTheNextFrame() throws IOException
    {
        final byte[] feed = udpFrame(moldUdp64("S", 5, message('A', 36), message('A', 36)));
        final byte[] capture = new PcapWriter(ByteOrder.LITTLE_ENDIAN, true, LinkType.ETHERNET)
            .record(T1, java.util.Arrays.copyOf(feed, 64), feed.length)
            .record(T2, feed)
            .toByteArray();

        read(capture);

        assertEquals(new Defect(FIRST_RECORD, "frame 1: cut to 64 of " + feed.length +
            " bytes by the capture's snap length, so its UDP datagram is incomplete (" + feed.length + " bytes needed)"),
            listener.events().get(0));
        assertEquals(List.of(new Packet(2, "S", 5, 2, FIRST_RECORD + RECORD + 64 + RECORD + UDP_PAYLOAD_IN_ETHERNET, T2)),
            listener.packets());
        assertEquals(2, listener.messages().size());
    }

    @Test
    void shouldAcceptAFrameWhoseSnapLengthCutOnlyItsFcs() throws IOException
    {
        final byte[] feed = udpFrame(moldUdp64("S", 5, message('A', 36)));
        final byte[] capture = new PcapWriter(ByteOrder.LITTLE_ENDIAN, true, LinkType.ETHERNET)
            .record(T1, feed, feed.length + 4)
            .toByteArray();

        read(capture);

        assertEquals(1, listener.messages().size());
        assertEquals(List.of(), listener.defects());
    }

    @Test
    void shouldReportMalformedIpv4AndUdpHeadersAndReadOn() throws IOException
    {
        final byte[] datagram = ipv4(Frames.PROTOCOL_UDP, udp(moldUdp64Control("S", 1, 0)));
        final byte[] longTotal = datagram.clone();
        longTotal[3] = (byte)200;
        final byte[] shortIhl = datagram.clone();
        shortIhl[0] = 0x44;
        final byte[] badUdp = datagram.clone();
        badUdp[25] = 30;
        final byte[] shortTotal = datagram.clone();
        shortTotal[3] = 24;
        final byte[] runt = new byte[10];

        read(pcap(
            ethernet(Frames.ETHERTYPE_IPV4, longTotal),
            ethernet(Frames.ETHERTYPE_IPV4, shortIhl),
            ethernet(Frames.ETHERTYPE_IPV4, badUdp),
            ethernet(Frames.ETHERTYPE_IPV4, shortTotal),
            runt,
            udpFrame(moldUdp64Control("S", 1, 0))));

        final List<String> reasons = listener.defects().stream().map(Defect::reason).toList();
        assertEquals(List.of(
            "frame 1: IPv4 total length 200 exceeds the 48 bytes of the frame after its link-layer header",
            "frame 2: IPv4 header length 16 is below the minimum of 20",
            "frame 3: UDP length 30 disagrees with the 28 bytes of IPv4 payload",
            "frame 4: IPv4 total length 24 is too short for its 20-byte header and the 8-byte UDP header",
            "frame 5: only 10 bytes long, too short for its headers (14 bytes needed)"),
            reasons);
        assertEquals(6, listener.packets().get(0).frame());
    }

    @ParameterizedTest
    @ValueSource(ints = {LinkType.LINUX_SLL, LinkType.LINUX_SLL2, LinkType.RAW, LinkType.IPV4})
    void shouldReadLinuxCookedAndRawIpv4Captures(final int linkType) throws IOException
    {
        final byte[] datagram = ipv4(Frames.PROTOCOL_UDP, udp(moldUdp64("S", 3, message('E', 31))));
        final byte[] frame = switch (linkType)
        {
            case LinkType.LINUX_SLL -> Frames.linuxCooked(Frames.ETHERTYPE_IPV4, datagram);
            case LinkType.LINUX_SLL2 -> Frames.linuxCooked2(Frames.ETHERTYPE_IPV4, datagram);
            default -> datagram;
        };
        final byte[] ipv6Frame = switch (linkType)
        {
            case LinkType.LINUX_SLL -> Frames.linuxCooked(Frames.ETHERTYPE_IPV6, ipv6(17, new byte[8]));
            case LinkType.LINUX_SLL2 -> Frames.linuxCooked2(Frames.ETHERTYPE_IPV6, ipv6(17, new byte[8]));
            default -> ipv6(17, new byte[8]);
        };
        final byte[] capture = new PcapWriter(ByteOrder.LITTLE_ENDIAN, true, linkType)
            .record(T1, frame)
            .record(T2, ipv6Frame)
            .toByteArray();

        read(capture);

        final long payload = FIRST_RECORD + RECORD + (frame.length - datagram.length) + 28;
        final List<Object> expected = List.of(
            new Packet(1, "S", 3, 1, payload, T1),
            new Message(3, 'E', 31, payload + MOLD_HEADER),
            new Skipped(FIRST_RECORD + RECORD + frame.length));
        assertEquals(expected, listener.events());
    }

    @Test
    void shouldReportAnUnsupportedLinkTypeOnceAndSkipEveryFrame() throws IOException
    {
        final byte[] frame = udpFrame(moldUdp64("S", 1, message('S', 12)));
        final byte[] capture = new PcapWriter(ByteOrder.LITTLE_ENDIAN, false, 105).record(T1, frame).record(T2, frame)
            .toByteArray();

        read(capture);

        assertEquals(List.of(
            new Defect(20, "pcap link type (105) is not supported (Ethernet, Linux cooked and raw IPv4 are): " +
                "every frame is counted as skipped"),
            new Skipped(FIRST_RECORD),
            new Skipped(FIRST_RECORD + RECORD + frame.length)),
            listener.events());
    }

    @Test
    void shouldReportAFileThatIsNotPcap() throws IOException
    {
        read(new byte[] {0x0A, 0x0D, 0x0D, 0x0A, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        read(new byte[] {(byte)0xD4, (byte)0xC3, (byte)0xB2});

        assertEquals(List.of(
            new Defect(0, "not a pcap file: magic number 0x0A0D0D0A is neither A1B2C3D4 nor A1B23C4D in either byte order"),
            new Defect(0, "pcap global header cut off at end of file: 3 of its 24 bytes present")),
            listener.events());
    }

    @Test
    void shouldReadAnEmptyCaptureWithoutComplaint() throws IOException
    {
        read(new PcapWriter(ByteOrder.LITTLE_ENDIAN, false, LinkType.ETHERNET).toByteArray());

        assertEquals(List.of(), listener.events());
    }

    private PcapReader read(final byte[] capture) throws IOException
    {
        final PcapReader reader = new PcapReader(new ByteArrayInputStream(capture), listener);
        listener.attach(reader);
        reader.readAll();
        return reader;
    }

    private static byte[] pcap(final byte[]... frames)
    {
        final PcapWriter writer = new PcapWriter(ByteOrder.LITTLE_ENDIAN, true, LinkType.ETHERNET);
        for (int i = 0; i < frames.length; i++)
        {
            writer.record(i * 1_000_000_000L, frames[i]);
        }
        return writer.toByteArray();
    }
}
