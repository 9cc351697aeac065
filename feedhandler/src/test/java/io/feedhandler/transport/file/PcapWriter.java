package io.feedhandler.transport.file;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes a classic pcap file in memory, in either byte order and timestamp resolution. */
public final class PcapWriter
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder byteOrder;
    private final boolean nanoseconds;

    /**
     * @param byteOrder   of every field.
     * @param nanoseconds magic A1B23C4D if true, A1B2C3D4 (microseconds) if false.
     * @param linkType    LINKTYPE_ value.
     */
    public PcapWriter(final ByteOrder byteOrder, final boolean nanoseconds, final int linkType)
    {
        this.byteOrder = byteOrder;
        this.nanoseconds = nanoseconds;
        out.writeBytes(ByteBuffer.allocate(24).order(byteOrder)
            .putInt(nanoseconds ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short)2).putShort((short)4)
            .putInt(0).putInt(0).putInt(65535).putInt(linkType)
            .array());
    }

    /**
     * @param timestampNanos since the epoch; cut to microseconds for a microsecond file.
     * @param frame          captured whole.
     * @return this.
     */
    public PcapWriter record(final long timestampNanos, final byte[] frame)
    {
        return record(timestampNanos, frame, frame.length);
    }

    /**
     * @param timestampNanos since the epoch.
     * @param frame          the captured bytes.
     * @param originalLength length on the wire.
     * @return this.
     */
    public PcapWriter record(final long timestampNanos, final byte[] frame, final int originalLength)
    {
        return recordHeader(timestampNanos, frame.length, originalLength).raw(frame);
    }

    /**
     * @param timestampNanos since the epoch.
     * @param capturedLength as the header says.
     * @param originalLength as the header says.
     * @return this.
     */
    public PcapWriter recordHeader(final long timestampNanos, final int capturedLength, final int originalLength)
    {
        final long seconds = timestampNanos / 1_000_000_000L;
        final long nanos = timestampNanos % 1_000_000_000L;
        return raw(ByteBuffer.allocate(16).order(byteOrder)
            .putInt((int)seconds).putInt((int)(nanoseconds ? nanos : nanos / 1000))
            .putInt(capturedLength).putInt(originalLength)
            .array());
    }

    /**
     * @param bytes appended as they are.
     * @return this.
     */
    public PcapWriter raw(final byte[] bytes)
    {
        out.writeBytes(bytes);
        return this;
    }

    /** @return bytes written so far: the offset of the next record. */
    public int size()
    {
        return out.size();
    }

    /** @return the file. */
    public byte[] toByteArray()
    {
        return out.toByteArray();
    }
}
