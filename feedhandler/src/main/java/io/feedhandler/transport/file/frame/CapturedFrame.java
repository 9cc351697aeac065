package io.feedhandler.transport.file.frame;

import org.agrona.DirectBuffer;

/**
 * One captured frame decoded down to its UDP payload: link layer, IPv4, UDP, each checked against
 * the bytes the capture holds. Shared by the pcap and pcapng readers; one instance is reused for
 * every frame, so decoding allocates nothing.
 *
 * <pre>
 * | link layer (Ethernet + VLAN tags, SLL, SLL2, none) | IPv4 header | UDP header | payload | pad/FCS |
 *                                                      |&lt;------------- IPv4 total length ----------&gt;|
 * |&lt;-------------------------------------- captured length ---------------------------------------&gt;|
 * </pre>
 *
 * <p>The IPv4 total length bounds the datagram, not the captured length: Ethernet pads frames to 60
 * bytes and some captures keep the 4-byte FCS. Both are checked: a datagram that runs past the
 * captured bytes is a defect, reported as cut by the snap length when the capture says the frame
 * was longer on the wire (captured length below original length), and as malformed otherwise.
 *
 * <p>What is skipped rather than reported: frames that are not IPv4 carrying UDP (ARP, IPv6, TCP,
 * 802.3/LLC frames, ...), frames of an unsupported link type, and <b>every IPv4 fragment, the first
 * one included</b>: reassembly is not worth its state here, since MoldUDP64 senders size packets so
 * that they are never fragmented. A fragmented feed datagram is therefore counted as a skipped frame,
 * not delivered. Checksums are not verified.
 */
public final class CapturedFrame
{
    /** What a frame turned out to be. */
    public enum Verdict
    {
        /** An IPv4/UDP datagram, complete: {@link #payloadOffset()} and {@link #payloadLength()} locate its payload. */
        UDP(false, false),
        /** Skipped: the capture's link type is not one {@link LinkType#isSupported supported}. */
        UNSUPPORTED_LINK_TYPE(true, false),
        /** Skipped: not IPv4, or IPv4 carrying something other than UDP. */
        NOT_IPV4_UDP(true, false),
        /** Skipped: a fragment of an IPv4 datagram (the first fragment included). */
        IPV4_FRAGMENT(true, false),
        /** Defect: the capture's snap length cut the frame before the end of its UDP datagram. */
        CUT_BY_SNAP_LENGTH(false, true),
        /** Defect: the frame, though captured whole, is too short for the headers it announces. */
        TOO_SHORT_FOR_HEADERS(false, true),
        /** Defect: IPv4 header length (IHL) below 20 bytes. */
        BAD_IPV4_HEADER_LENGTH(false, true),
        /** Defect: IPv4 total length too short for the IPv4 and UDP headers. */
        IPV4_TOTAL_LENGTH_TOO_SHORT(false, true),
        /** Defect: IPv4 total length larger than the frame, which was captured whole. */
        IPV4_TOTAL_LENGTH_EXCEEDS_FRAME(false, true),
        /** Defect: UDP length differs from the IPv4 payload length. */
        BAD_UDP_LENGTH(false, true);

        private final boolean skipped;
        private final boolean defect;

        Verdict(final boolean skipped, final boolean defect)
        {
            this.skipped = skipped;
            this.defect = defect;
        }

        /** @return true if the frame is not for a MoldUDP64 reader and is only counted. */
        public boolean isSkipped()
        {
            return skipped;
        }

        /** @return true if the frame is malformed (see {@link CapturedFrame#describe()}). */
        public boolean isDefect()
        {
            return defect;
        }
    }

    private final LinkLayer linkLayer = new LinkLayer();
    private final Ipv4Packet ipv4 = new Ipv4Packet();
    private final UdpDatagram udp = new UdpDatagram();

    private Verdict verdict = Verdict.NOT_IPV4_UDP;
    private int linkType;
    private int capturedLength;
    private int originalLength;
    private int payloadOffset;
    private int payloadLength;
    private int found;
    private int limit;

    /**
     * Decode one frame.
     *
     * @param linkType       the capture's (or the interface's) LINKTYPE_ value.
     * @param buffer         holding the frame.
     * @param offset         of the frame's first byte.
     * @param capturedLength bytes of the frame in the capture.
     * @param originalLength length of the frame on the wire, as the capture records it.
     * @return what the frame is; the flyweights ({@link #linkLayer()}, {@link #ipv4()}, {@link #udp()})
     * are valid as far as decoding got.
     */
    public Verdict decode(
        final int linkType, final DirectBuffer buffer, final int offset, final int capturedLength, final int originalLength)
    {
        this.linkType = linkType;
        this.capturedLength = capturedLength;
        this.originalLength = Math.max(capturedLength, originalLength);
        payloadOffset = 0;
        payloadLength = 0;
        if (!linkLayer.wrap(linkType, buffer, offset, capturedLength))
        {
            return tooShort(linkLayer.headerLength());
        }
        if (!LinkType.isSupported(linkType))
        {
            return verdict(Verdict.UNSUPPORTED_LINK_TYPE);
        }
        if (linkLayer.etherType() != LinkLayer.ETHERTYPE_IPV4)
        {
            return verdict(Verdict.NOT_IPV4_UDP);
        }
        final int linkHeaderLength = linkLayer.headerLength();
        final int ipCaptured = capturedLength - linkHeaderLength;
        if (ipCaptured < Ipv4Packet.MIN_HEADER_LENGTH)
        {
            return tooShort(linkHeaderLength + Ipv4Packet.MIN_HEADER_LENGTH);
        }
        ipv4.wrap(buffer, offset + linkHeaderLength);
        if (ipv4.version() != 4 || ipv4.protocol() != Ipv4Packet.PROTOCOL_UDP)
        {
            return verdict(Verdict.NOT_IPV4_UDP);
        }
        if (ipv4.isFragment())
        {
            return verdict(Verdict.IPV4_FRAGMENT);
        }
        final int ipHeaderLength = ipv4.headerLength();
        if (ipHeaderLength < Ipv4Packet.MIN_HEADER_LENGTH)
        {
            return verdict(Verdict.BAD_IPV4_HEADER_LENGTH, ipHeaderLength, Ipv4Packet.MIN_HEADER_LENGTH);
        }
        final int totalLength = ipv4.totalLength();
        if (totalLength < ipHeaderLength + UdpDatagram.HEADER_LENGTH)
        {
            return verdict(Verdict.IPV4_TOTAL_LENGTH_TOO_SHORT, totalLength, ipHeaderLength);
        }
        if (totalLength > ipCaptured)
        {
            final boolean cut = capturedLength < this.originalLength && totalLength <= this.originalLength - linkHeaderLength;
            return cut ?
                verdict(Verdict.CUT_BY_SNAP_LENGTH, linkHeaderLength + totalLength, capturedLength) :
                verdict(Verdict.IPV4_TOTAL_LENGTH_EXCEEDS_FRAME, totalLength, ipCaptured);
        }
        udp.wrap(buffer, offset + linkHeaderLength + ipHeaderLength);
        if (udp.length() != totalLength - ipHeaderLength)
        {
            return verdict(Verdict.BAD_UDP_LENGTH, udp.length(), totalLength - ipHeaderLength);
        }
        payloadOffset = udp.payloadOffset();
        payloadLength = udp.payloadLength();
        return verdict(Verdict.UDP);
    }

    /** @return the verdict of the last {@link #decode}. */
    public Verdict verdict()
    {
        return verdict;
    }

    /** @return the link-layer header of the last frame decoded. */
    public LinkLayer linkLayer()
    {
        return linkLayer;
    }

    /** @return its IPv4 header, valid if decoding got that far (always, for {@link Verdict#UDP}). */
    public Ipv4Packet ipv4()
    {
        return ipv4;
    }

    /** @return its UDP header, valid for {@link Verdict#UDP}. */
    public UdpDatagram udp()
    {
        return udp;
    }

    /** @return offset of the UDP payload in the buffer, for {@link Verdict#UDP}. */
    public int payloadOffset()
    {
        return payloadOffset;
    }

    /** @return length of the UDP payload, for {@link Verdict#UDP}. */
    public int payloadLength()
    {
        return payloadLength;
    }

    /**
     * @return why the last frame was skipped or is a defect, as a sentence for reports, e.g.
     * {@code "UDP length 1400 disagrees with the 1408 bytes of IPv4 payload"}
     * (allocates: for defects, not for the hot path).
     */
    public String describe()
    {
        return switch (verdict)
        {
            case UDP -> "IPv4/UDP datagram with " + payloadLength + " bytes of payload";
            case UNSUPPORTED_LINK_TYPE -> LinkType.toDisplayString(linkType) + " is not supported";
            case NOT_IPV4_UDP -> "not an IPv4/UDP datagram (EtherType 0x" +
                Integer.toHexString(linkLayer.etherType()) + ")";
            case IPV4_FRAGMENT -> "IPv4 fragment (offset " + ipv4.fragmentOffset() + ", more fragments " +
                ipv4.moreFragments() + "): fragmented datagrams are not reassembled";
            case CUT_BY_SNAP_LENGTH -> "cut to " + capturedLength + " of " + originalLength +
                " bytes by the capture's snap length, so its UDP datagram is incomplete (" + found +
                " bytes needed)";
            case TOO_SHORT_FOR_HEADERS -> "only " + capturedLength + " bytes long, too short for its headers (" +
                found + " bytes needed)";
            case BAD_IPV4_HEADER_LENGTH -> "IPv4 header length " + found + " is below the minimum of " + limit;
            case IPV4_TOTAL_LENGTH_TOO_SHORT -> "IPv4 total length " + found + " is too short for its " + limit +
                "-byte header and the 8-byte UDP header";
            case IPV4_TOTAL_LENGTH_EXCEEDS_FRAME -> "IPv4 total length " + found + " exceeds the " + limit +
                " bytes of the frame after its link-layer header";
            case BAD_UDP_LENGTH -> "UDP length " + found + " disagrees with the " + limit + " bytes of IPv4 payload";
        };
    }

    private Verdict tooShort(final int needed)
    {
        return verdict(
            capturedLength < originalLength ? Verdict.CUT_BY_SNAP_LENGTH : Verdict.TOO_SHORT_FOR_HEADERS, needed, capturedLength);
    }

    private Verdict verdict(final Verdict verdict)
    {
        return verdict(verdict, 0, 0);
    }

    private Verdict verdict(final Verdict verdict, final int found, final int limit)
    {
        this.verdict = verdict;
        this.found = found;
        this.limit = limit;
        return verdict;
    }
}
