package io.feedhandler.transport.file.frame;

/**
 * The link-layer header types (tcpdump.org LINKTYPE_ values) a capture of a feed can carry, as
 * named in a pcap global header or a pcapng Interface Description Block.
 *
 * <p>Ethernet is what a tap or a switch's mirror port records; Linux cooked captures come from
 * {@code tcpdump -i any}; raw IPv4 from tunnels and some capture appliances.
 */
public final class LinkType
{
    /** LINKTYPE_ETHERNET: Ethernet II, possibly VLAN-tagged. */
    public static final int ETHERNET = 1;

    /** LINKTYPE_RAW: a bare IP header, version 4 or 6 (told apart by the version nibble). */
    public static final int RAW = 101;

    /** LINKTYPE_LINUX_SLL: Linux "cooked" capture, 16-byte pseudo-header ({@code tcpdump -i any}). */
    public static final int LINUX_SLL = 113;

    /** LINKTYPE_IPV4: a bare IPv4 header. */
    public static final int IPV4 = 228;

    /** LINKTYPE_LINUX_SLL2: Linux "cooked" capture v2, 20-byte pseudo-header (newer libpcap). */
    public static final int LINUX_SLL2 = 276;

    private LinkType()
    {
    }

    /**
     * @param linkType a LINKTYPE_ value.
     * @return true if {@link LinkLayer} can find IPv4 datagrams in its frames.
     */
    public static boolean isSupported(final int linkType)
    {
        return linkType == ETHERNET || linkType == RAW || linkType == LINUX_SLL || linkType == IPV4 ||
            linkType == LINUX_SLL2;
    }

    /**
     * @param linkType a LINKTYPE_ value.
     * @return its name for reports, e.g. {@code Ethernet (1)}.
     */
    public static String toDisplayString(final int linkType)
    {
        final String name = switch (linkType)
        {
            case ETHERNET -> "Ethernet";
            case RAW -> "raw IP";
            case LINUX_SLL -> "Linux cooked (SLL)";
            case IPV4 -> "raw IPv4";
            case LINUX_SLL2 -> "Linux cooked v2 (SLL2)";
            default -> "link type";
        };
        return name + " (" + linkType + ")";
    }
}
