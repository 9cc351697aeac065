package io.feedhandler.transport.file;

import io.feedhandler.transport.file.frame.LinkType;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;

/**
 * Reads a classic libpcap capture of a MoldUDP64 feed, one record (frame) per call, in place from
 * the input window: constant memory whatever the size of the capture.
 *
 * <pre>
 * Global header (24 bytes, once):
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             Magic: A1B2C3D4 (us) or A1B23C4D (ns)             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Major version (2)         |      Minor version (4)        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   Reserved (thiszone)                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   Reserved (sigfigs)                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           SnapLen                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | FCS len |F|      reserved       |           LinkType            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Record (16-byte header, then the frame), repeated to the end of the file:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Timestamp (seconds)                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Timestamp (microseconds or nanoseconds)               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Captured length (incl_len)                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Original length (orig_len)                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * /                 Frame data (incl_len bytes)                   /
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The byte order in which the magic reads A1B2C3D4 or A1B23C4D is the byte order of every field
 * of the file; the magic also says whether the fraction of a timestamp counts micro- or
 * nanoseconds. Only the low 16 bits of the last header field are the link type; the FCS length in
 * its top bits needs no handling, since the IPv4 total length bounds each datagram. Ethernet, Linux
 * cooked (SLL, SLL2) and raw IPv4 captures are read; any other link type is reported once and its
 * frames are counted as skipped.
 *
 * <p>Frames are handled as {@link CaptureReader} describes. The file's framing is lost, so the read
 * stops after a defect, when the global header is cut off or has an unknown magic, a record header
 * or its frame is cut off at end of file, or a record claims more than {@link #MAX_CAPTURED_LENGTH}
 * bytes (no capture tool writes that: the file is corrupt there).
 */
public final class PcapReader extends CaptureReader
{
    /** Length of the global header. */
    public static final int GLOBAL_HEADER_LENGTH = 24;

    /** Length of a record header. */
    public static final int RECORD_HEADER_LENGTH = 16;

    /** Largest captured length accepted: libpcap's MAXIMUM_SNAPLEN (256 KiB). */
    public static final int MAX_CAPTURED_LENGTH = 256 * 1024;

    private static final int MAGIC_MICROSECONDS = 0xA1B2C3D4;
    private static final int MAGIC_NANOSECONDS = 0xA1B23C4D;
    private static final int SNAP_LENGTH_OFFSET = 16;
    private static final int LINK_TYPE_OFFSET = 20;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private boolean headerRead;
    private ByteOrder byteOrder = ByteOrder.LITTLE_ENDIAN;
    private boolean nanosecondResolution;
    private int snapLength;
    private int linkType;

    /**
     * @param in       the capture; not closed by the reader.
     * @param listener receives what the reader finds.
     */
    public PcapReader(final InputStream in, final FeedFileListener listener)
    {
        super(in, listener);
    }

    /** @return byte order of the file, known once the global header is read. */
    public ByteOrder byteOrder()
    {
        return byteOrder;
    }

    /** @return true if timestamps have nanosecond resolution (magic A1B23C4D), false for microseconds. */
    public boolean isNanosecondResolution()
    {
        return nanosecondResolution;
    }

    /** @return the snap length of the global header. */
    public int snapLength()
    {
        return snapLength;
    }

    /** @return the LINKTYPE_ value of the global header (see {@link LinkType}). */
    public int linkType()
    {
        return linkType;
    }

    @Override
    protected boolean readRecord() throws IOException
    {
        if (!headerRead)
        {
            if (!readGlobalHeader())
            {
                return false;
            }
            headerRead = true;
        }
        final long recordOffset = window.position();
        final long recordNumber = frameNumber() + 1;
        if (!window.ensure(RECORD_HEADER_LENGTH))
        {
            if (window.available() > 0)
            {
                listener.onDefect(recordOffset, "pcap record " + recordNumber + " cut off at end of file: " +
                    window.available() + " of its " + RECORD_HEADER_LENGTH + " header bytes present");
            }
            return false;
        }
        UnsafeBuffer buffer = window.buffer();
        int offset = window.offset();
        final long capturedLength = Integer.toUnsignedLong(buffer.getInt(offset + 8, byteOrder));
        final long originalLength = Integer.toUnsignedLong(buffer.getInt(offset + 12, byteOrder));
        if (capturedLength > MAX_CAPTURED_LENGTH)
        {
            listener.onDefect(recordOffset, "pcap record " + recordNumber + " has a captured length of " + capturedLength +
                " bytes, more than the " + MAX_CAPTURED_LENGTH + " any capture tool writes: the file is corrupt from here on");
            return false;
        }
        final int recordLength = RECORD_HEADER_LENGTH + (int)capturedLength;
        if (!window.ensure(recordLength))
        {
            listener.onDefect(recordOffset, "pcap record " + recordNumber + " cut off at end of file: header says " +
                capturedLength + " bytes, " + (window.available() - RECORD_HEADER_LENGTH) + " available");
            return false;
        }
        buffer = window.buffer();
        offset = window.offset();
        final long seconds = Integer.toUnsignedLong(buffer.getInt(offset, byteOrder));
        final long fraction = Integer.toUnsignedLong(buffer.getInt(offset + 4, byteOrder));
        final long timestampNanos = seconds * NANOS_PER_SECOND + (nanosecondResolution ? fraction : fraction * 1000L);
        readFrame(
            linkType,
            timestampNanos,
            buffer,
            offset + RECORD_HEADER_LENGTH,
            (int)capturedLength,
            (int)Math.min(originalLength, Integer.MAX_VALUE),
            recordOffset,
            recordOffset + RECORD_HEADER_LENGTH);
        window.advance(recordLength);
        return true;
    }

    private boolean readGlobalHeader() throws IOException
    {
        if (!window.ensure(GLOBAL_HEADER_LENGTH))
        {
            listener.onDefect(0, "pcap global header cut off at end of file: " + window.available() + " of its " +
                GLOBAL_HEADER_LENGTH + " bytes present");
            return false;
        }
        final UnsafeBuffer buffer = window.buffer();
        final int offset = window.offset();
        final int magic = buffer.getInt(offset, ByteOrder.BIG_ENDIAN);
        if (magic == MAGIC_MICROSECONDS || magic == MAGIC_NANOSECONDS)
        {
            byteOrder = ByteOrder.BIG_ENDIAN;
        }
        else if (Integer.reverseBytes(magic) == MAGIC_MICROSECONDS || Integer.reverseBytes(magic) == MAGIC_NANOSECONDS)
        {
            byteOrder = ByteOrder.LITTLE_ENDIAN;
        }
        else
        {
            listener.onDefect(0, "not a pcap file: magic number 0x" + String.format("%08X", magic) +
                " is neither A1B2C3D4 nor A1B23C4D in either byte order");
            return false;
        }
        nanosecondResolution = buffer.getInt(offset, byteOrder) == MAGIC_NANOSECONDS;
        snapLength = buffer.getInt(offset + SNAP_LENGTH_OFFSET, byteOrder);
        linkType = buffer.getInt(offset + LINK_TYPE_OFFSET, byteOrder) & 0xFFFF;
        if (!LinkType.isSupported(linkType))
        {
            listener.onDefect(LINK_TYPE_OFFSET, "pcap " + LinkType.toDisplayString(linkType) +
                " is not supported (Ethernet, Linux cooked and raw IPv4 are): every frame is counted as skipped");
        }
        window.advance(GLOBAL_HEADER_LENGTH);
        return true;
    }
}
