package io.feedhandler.transport.file.frame;

import io.feedhandler.transport.file.Frames;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static io.feedhandler.transport.file.Frames.ethernet;
import static io.feedhandler.transport.file.Frames.ipv4;
import static io.feedhandler.transport.file.Frames.moldUdp64Control;
import static io.feedhandler.transport.file.Frames.udp;
import static io.feedhandler.transport.file.Frames.udpFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapturedFrameTest
{
    private static final int AT = 7;

    private final CapturedFrame frame = new CapturedFrame();

    @Test
    void shouldLocateTheUdpPayloadAndExposeTheHeadersOfAnUntaggedFrame()
    {
        final byte[] bytes = udpFrame(moldUdp64Control("S", 1, 0));

        assertEquals(CapturedFrame.Verdict.UDP, decode(LinkType.ETHERNET, bytes, bytes.length, bytes.length));
        assertEquals(AT + 42, frame.payloadOffset());
        assertEquals(20, frame.payloadLength());
        assertEquals(0, frame.linkLayer().vlanCount());
        assertEquals(LinkLayer.NO_VLAN, frame.linkLayer().outerVlanId());
        assertEquals("206.200.127.138", Ipv4Packet.toDisplayString(frame.ipv4().sourceAddress()));
        assertEquals("233.54.12.111", Ipv4Packet.toDisplayString(frame.ipv4().destinationAddress()));
        assertEquals(Frames.SOURCE_PORT, frame.udp().sourcePort());
        assertEquals(Frames.DESTINATION_PORT, frame.udp().destinationPort());
        assertEquals(28, frame.udp().length());
    }

    @Test
    void shouldWalkEveryVlanTagAndKeepTheOuterAndInnerIds()
    {
        final byte[] bytes = udpFrame(moldUdp64Control("S", 1, 0), 0x88A8, 300, 0x8100, 4095);

        assertEquals(CapturedFrame.Verdict.UDP, decode(LinkType.ETHERNET, bytes, bytes.length, bytes.length));
        assertEquals(AT + 50, frame.payloadOffset());
        assertEquals(2, frame.linkLayer().vlanCount());
        assertEquals(300, frame.linkLayer().outerVlanId());
        assertEquals(4095, frame.linkLayer().innerVlanId());
        assertEquals(22, frame.linkLayer().headerLength());
    }

    @Test
    void shouldReportAVlanTagCutOffAsTooShort()
    {
        final byte[] bytes = ethernet(0x8100, new byte[0]);

        assertEquals(CapturedFrame.Verdict.TOO_SHORT_FOR_HEADERS, decode(LinkType.ETHERNET, bytes, bytes.length, bytes.length));
        assertEquals("only 14 bytes long, too short for its headers (18 bytes needed)", frame.describe());
        assertEquals(CapturedFrame.Verdict.CUT_BY_SNAP_LENGTH, decode(LinkType.ETHERNET, bytes, bytes.length, 100));
    }

    @Test
    void shouldTellIpv4FromIpv6InRawIpFrames()
    {
        final byte[] ipv4 = ipv4(Frames.PROTOCOL_UDP, udp(moldUdp64Control("S", 1, 0)));
        final byte[] ipv6 = Frames.ipv6(Frames.PROTOCOL_UDP, udp(moldUdp64Control("S", 1, 0)));

        assertEquals(CapturedFrame.Verdict.UDP, decode(LinkType.RAW, ipv4, ipv4.length, ipv4.length));
        assertEquals(AT + 28, frame.payloadOffset());
        assertEquals(CapturedFrame.Verdict.NOT_IPV4_UDP, decode(LinkType.RAW, ipv6, ipv6.length, ipv6.length));
        assertEquals(LinkLayer.ETHERTYPE_IPV6, frame.linkLayer().etherType());
    }

    @Test
    void shouldSkipFragmentsAndSayWhy()
    {
        final byte[] bytes = ethernet(Frames.ETHERTYPE_IPV4, ipv4(Frames.PROTOCOL_UDP, new byte[16], 0x2000 | 185));

        final CapturedFrame.Verdict verdict = decode(LinkType.ETHERNET, bytes, bytes.length, bytes.length);

        assertEquals(CapturedFrame.Verdict.IPV4_FRAGMENT, verdict);
        assertTrue(verdict.isSkipped());
        assertFalse(verdict.isDefect());
        assertEquals("IPv4 fragment (offset 1480, more fragments true): fragmented datagrams are not reassembled",
            frame.describe());
    }

    @Test
    void shouldSkipFramesOfAnUnsupportedLinkType()
    {
        final byte[] bytes = udpFrame(moldUdp64Control("S", 1, 0));

        assertEquals(CapturedFrame.Verdict.UNSUPPORTED_LINK_TYPE, decode(0, bytes, bytes.length, bytes.length));
        assertEquals("link type (0) is not supported", frame.describe());
    }

    private CapturedFrame.Verdict decode(final int linkType, final byte[] bytes, final int captured, final int original)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[AT + bytes.length]);
        buffer.putBytes(AT, bytes);
        return frame.decode(linkType, buffer, AT, captured, original);
    }
}
