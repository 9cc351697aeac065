package io.feedhandler.transport.file.frame;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Flyweight over the link-layer header of a captured frame: finds the EtherType of the network
 * layer and where that layer starts, through any number of VLAN tags.
 *
 * <p>Ethernet II (link type 1), with zero or more 802.1Q (TPID 0x8100), 802.1ad (0x88A8) or legacy
 * QinQ (0x9100) tags between the source address and the EtherType:
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination MAC address                    |
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                      Source MAC address                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     TPID 0x8100/88A8/9100     | PCP |D|        VLAN id        |  0..n tags
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           EtherType           |  network layer (IPv4: 0x0800) ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Linux cooked captures put a pseudo-header in front instead, whose protocol field is an
 * EtherType (VLAN tags, when the kernel kept them, follow it as above):
 * <pre>
 * SLL  (113, 16 bytes): | packet type (2) | ARPHRD (2) | addr len (2) | addr (8) | protocol (2) |
 * SLL2 (276, 20 bytes): | protocol (2) | reserved (2) | ifindex (4) | ARPHRD (2) | type (1) |
 *                       | addr len (1) | addr (8) |
 * </pre>
 *
 * <p>Raw IP (101) and raw IPv4 (228) frames start with the IP header; for raw IP the version
 * nibble stands in for the EtherType. An EtherType of 1500 or less is an 802.3 length (LLC
 * frames such as spanning tree): it is reported as is and is not IPv4.
 */
public final class LinkLayer
{
    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_IPV6 = 0x86DD;
    public static final int TPID_8021Q = 0x8100;
    public static final int TPID_8021AD = 0x88A8;
    public static final int TPID_QINQ_LEGACY = 0x9100;

    /** What {@link #outerVlanId()} and {@link #innerVlanId()} return for an untagged frame. */
    public static final int NO_VLAN = -1;

    private static final int ETHERNET_HEADER_LENGTH = 14;
    private static final int SLL_HEADER_LENGTH = 16;
    private static final int SLL2_HEADER_LENGTH = 20;
    private static final int VLAN_TAG_LENGTH = 4;

    private int linkType;
    private int etherType;
    private int headerLength;
    private int vlanCount;
    private int outerVlanId;
    private int innerVlanId;

    /**
     * Decode the link-layer header of one frame.
     *
     * @param linkType a LINKTYPE_ value; for one that is not {@link LinkType#isSupported supported}
     *                 the header is taken as empty, with EtherType 0.
     * @param buffer   holding the frame.
     * @param offset   of the frame's first byte.
     * @param length   bytes of the frame available (its captured length).
     * @return false if the header (with its VLAN tags) does not fit in {@code length} bytes;
     * {@link #headerLength()} then tells how many bytes it needed.
     */
    public boolean wrap(final int linkType, final DirectBuffer buffer, final int offset, final int length)
    {
        this.linkType = linkType;
        etherType = 0;
        vlanCount = 0;
        outerVlanId = NO_VLAN;
        innerVlanId = NO_VLAN;
        final int etherTypeOffset;
        switch (linkType)
        {
            case LinkType.ETHERNET:
                headerLength = ETHERNET_HEADER_LENGTH;
                etherTypeOffset = ETHERNET_HEADER_LENGTH - 2;
                break;
            case LinkType.LINUX_SLL:
                headerLength = SLL_HEADER_LENGTH;
                etherTypeOffset = SLL_HEADER_LENGTH - 2;
                break;
            case LinkType.LINUX_SLL2:
                headerLength = SLL2_HEADER_LENGTH;
                etherTypeOffset = 0;
                break;
            case LinkType.IPV4:
                headerLength = 0;
                etherType = ETHERTYPE_IPV4;
                return true;
            case LinkType.RAW:
                if (length < 1)
                {
                    headerLength = 1;
                    return false;
                }
                headerLength = 0;
                final int version = (buffer.getByte(offset) >> 4) & 0xF;
                etherType = version == 4 ? ETHERTYPE_IPV4 : version == 6 ? ETHERTYPE_IPV6 : 0;
                return true;
            default:
                headerLength = 0;
                return true;
        }
        if (length < headerLength)
        {
            return false;
        }
        etherType = etherType(buffer, offset + etherTypeOffset);
        while (etherType == TPID_8021Q || etherType == TPID_8021AD || etherType == TPID_QINQ_LEGACY)
        {
            headerLength += VLAN_TAG_LENGTH;
            if (length < headerLength)
            {
                return false;
            }
            final int tagControlOffset = offset + headerLength - VLAN_TAG_LENGTH;
            final int vlanId = etherType(buffer, tagControlOffset) & 0x0FFF;
            if (vlanCount == 0)
            {
                outerVlanId = vlanId;
            }
            innerVlanId = vlanId;
            vlanCount++;
            etherType = etherType(buffer, tagControlOffset + 2);
        }
        return true;
    }

    /** @return the link type the frame was decoded as. */
    public int linkType()
    {
        return linkType;
    }

    /**
     * @return EtherType of the network layer ({@link #ETHERTYPE_IPV4}, {@link #ETHERTYPE_IPV6}, ...);
     * for raw IP frames derived from the version nibble, 0 if that is neither 4 nor 6.
     */
    public int etherType()
    {
        return etherType;
    }

    /** @return bytes from the start of the frame to the network layer, VLAN tags included. */
    public int headerLength()
    {
        return headerLength;
    }

    /** @return number of VLAN tags. */
    public int vlanCount()
    {
        return vlanCount;
    }

    /** @return VLAN id of the first (outer, service) tag, or {@link #NO_VLAN}. */
    public int outerVlanId()
    {
        return outerVlanId;
    }

    /** @return VLAN id of the last (inner, customer) tag, or {@link #NO_VLAN}; the outer one if there is one tag. */
    public int innerVlanId()
    {
        return innerVlanId;
    }

    private static int etherType(final DirectBuffer buffer, final int index)
    {
        return buffer.getShort(index, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }
}
