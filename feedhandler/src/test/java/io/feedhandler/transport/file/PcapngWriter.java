package io.feedhandler.transport.file;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Writes a pcapng file in memory: sections of either byte order, interfaces, packet blocks, any block. */
public final class PcapngWriter
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder byteOrder = ByteOrder.LITTLE_ENDIAN;

    /**
     * Start a section (Section Header Block, version 1.0, unknown section length).
     *
     * @param byteOrder of every field up to the next section.
     * @return this.
     */
    public PcapngWriter section(final ByteOrder byteOrder)
    {
        this.byteOrder = byteOrder;
        return block(0x0A0D0D0A, body(16).putInt(0x1A2B3C4D).putShort((short)1).putShort((short)0).putLong(-1).array());
    }

    /**
     * @param linkType   LINKTYPE_ value.
     * @param snapLength of the interface.
     * @param tsresol    if_tsresol byte, or -1 to leave the option out (microseconds).
     * @param tsoffset   if_tsoffset in seconds, or 0 to leave the option out.
     * @return this.
     */
    public PcapngWriter interfaceDescription(final int linkType, final int snapLength, final int tsresol, final long tsoffset)
    {
        final ByteBuffer body = body(8 + 8 + 12 + 4);
        body.putShort((short)linkType).putShort((short)0).putInt(snapLength);
        if (tsresol >= 0)
        {
            body.putShort((short)9).putShort((short)1).put((byte)tsresol).put(new byte[3]);
        }
        if (tsoffset != 0)
        {
            body.putShort((short)14).putShort((short)8).putLong(tsoffset);
        }
        body.putShort((short)0).putShort((short)0);
        return block(1, Arrays.copyOf(body.array(), body.position()));
    }

    /**
     * @param interfaceId    of the section.
     * @param units          timestamp in the interface's resolution.
     * @param frame          captured whole.
     * @return this.
     */
    public PcapngWriter enhancedPacket(final int interfaceId, final long units, final byte[] frame)
    {
        return enhancedPacket(interfaceId, units, frame, frame.length);
    }

    /**
     * @param interfaceId    of the section.
     * @param units          timestamp in the interface's resolution.
     * @param frame          the captured bytes.
     * @param originalLength length on the wire.
     * @return this.
     */
    public PcapngWriter enhancedPacket(final int interfaceId, final long units, final byte[] frame, final int originalLength)
    {
        return block(6, body(20 + padded(frame.length))
            .putInt(interfaceId).putInt((int)(units >>> 32)).putInt((int)units)
            .putInt(frame.length).putInt(originalLength).put(frame)
            .array());
    }

    /**
     * @param frame          the captured bytes (interface 0).
     * @param originalLength length on the wire.
     * @return this.
     */
    public PcapngWriter simplePacket(final byte[] frame, final int originalLength)
    {
        return block(3, body(4 + padded(frame.length)).putInt(originalLength).put(frame).array());
    }

    /**
     * @param type block type.
     * @param body block body; padded to 4 bytes.
     * @return this.
     */
    public PcapngWriter block(final int type, final byte[] body)
    {
        final int totalLength = 12 + padded(body.length);
        return raw(ByteBuffer.allocate(totalLength).order(byteOrder)
            .putInt(type).putInt(totalLength).put(body).putInt(totalLength - 4, totalLength)
            .array());
    }

    /**
     * @param bytes appended as they are.
     * @return this.
     */
    public PcapngWriter raw(final byte[] bytes)
    {
        out.writeBytes(bytes);
        return this;
    }

    /** @return bytes written so far: the offset of the next block. */
    public int size()
    {
        return out.size();
    }

    /** @return the file. */
    public byte[] toByteArray()
    {
        return out.toByteArray();
    }

    /**
     * Rewrite a classic pcap file as pcapng (one section, one interface, an Enhanced Packet Block per
     * record), parsing it independently of {@link PcapReader}.
     *
     * @param pcap      the classic file.
     * @param byteOrder of the pcapng file.
     * @return the pcapng file.
     */
    public static byte[] fromPcap(final byte[] pcap, final ByteOrder byteOrder)
    {
        final ByteBuffer in = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        int magic = in.getInt(0);
        if (magic != 0xA1B2C3D4 && magic != 0xA1B23C4D)
        {
            in.order(ByteOrder.BIG_ENDIAN);
            magic = in.getInt(0);
        }
        final boolean nanoseconds = magic == 0xA1B23C4D;
        final PcapngWriter writer = new PcapngWriter().section(byteOrder)
            .interfaceDescription(in.getInt(20) & 0xFFFF, in.getInt(16), nanoseconds ? 9 : -1, 0);
        int position = 24;
        while (position + 16 <= pcap.length)
        {
            final long units = Integer.toUnsignedLong(in.getInt(position)) * (nanoseconds ? 1_000_000_000L : 1_000_000L) +
                Integer.toUnsignedLong(in.getInt(position + 4));
            final int capturedLength = in.getInt(position + 8);
            final byte[] frame = Arrays.copyOfRange(pcap, position + 16, position + 16 + capturedLength);
            writer.enhancedPacket(0, units, frame, in.getInt(position + 12));
            position += 16 + capturedLength;
        }
        return writer.toByteArray();
    }

    private ByteBuffer body(final int length)
    {
        return ByteBuffer.allocate(length).order(byteOrder);
    }

    private static int padded(final int length)
    {
        return (length + 3) & ~3;
    }
}
