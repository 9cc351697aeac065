package io.feedhandler.transport.file;

import io.feedhandler.transport.file.frame.LinkType;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads a pcapng capture of a MoldUDP64 feed, one block per call, in place from the input window:
 * constant memory whatever the size of the capture.
 *
 * <pre>
 * Every block:
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Block Type                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Block Total Length                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * /                Block Body (padded to 32 bits)                /
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Block Total Length                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Bodies read (offsets from the block's start; options are code (2), length (2), value padded to 4):
 * Section Header Block 0x0A0D0D0A: 8 Byte-Order Magic 1A2B3C4D | 12 Major 1 | 14 Minor |
 *                                  16 Section Length (8) | 24 options
 * Interface Description Block 1:   8 LinkType (2) | 10 reserved (2) | 12 SnapLen | 16 options:
 *                                  if_tsresol (9): 1 byte, MSB 0: 10^-n s, MSB 1: 2^-n s (default 10^-6)
 *                                  if_tsoffset (14): 8 bytes, seconds added to every timestamp
 * Enhanced Packet Block 6:         8 Interface ID | 12 Timestamp high | 16 Timestamp low |
 *                                  20 Captured length | 24 Original length | 28 frame (padded) | options
 * Simple Packet Block 3:           8 Original length | 12 frame (padded): interface 0, no timestamp
 * Packet Block 2 (obsolete):       as Enhanced, with a 16-bit Interface ID and 16-bit drop count
 * </pre>
 *
 * <p>A Section Header Block starts every section; its Byte-Order Magic decides the byte order of
 * every field up to the next one, which may differ (captures are concatenated). Interfaces are
 * numbered from 0 in each section in the order of their Interface Description Blocks, and each has
 * its own link type and timestamp resolution. Any other block type (name resolution, statistics,
 * decryption secrets, custom...) is skipped by its length.
 *
 * <p>Frames are handled as {@link CaptureReader} describes; the frame number counts packet blocks.
 * The read stops, after a defect at the block's offset, when the framing is lost: a block header or
 * block cut off at end of file, a Block Total Length that is below 12, not a multiple of 4, too short
 * for the block's fixed fields or over {@link InputWindow#MAX_CAPACITY}, a trailing Block Total
 * Length that differs from the leading one, an unknown Byte-Order Magic, or a section version other
 * than 1. A packet block naming an unknown interface, or whose captured length overruns it, is a
 * defect for that frame only.
 */
public final class PcapngReader extends CaptureReader
{
    public static final int SECTION_HEADER_BLOCK = 0x0A0D0D0A;
    public static final int INTERFACE_DESCRIPTION_BLOCK = 1;
    public static final int PACKET_BLOCK = 2;
    public static final int SIMPLE_PACKET_BLOCK = 3;
    public static final int ENHANCED_PACKET_BLOCK = 6;

    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int BLOCK_HEADER_LENGTH = 8;
    private static final int MIN_BLOCK_LENGTH = 12;
    private static final int OPTION_END = 0;
    private static final int OPTION_IF_TSRESOL = 9;
    private static final int OPTION_IF_TSOFFSET = 14;
    private static final int DEFAULT_TSRESOL = 6;
    private static final int MAX_DECIMAL_TSRESOL = 27;
    private static final int MAX_BINARY_TSRESOL = 63;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long[] POWERS_OF_TEN = new long[19];

    static
    {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private ByteOrder byteOrder = ByteOrder.LITTLE_ENDIAN;
    private int sectionCount;
    private int interfaceCount;
    private int[] linkTypes = new int[4];
    private int[] snapLengths = new int[4];
    private int[] timestampResolutions = new int[4];
    private long[] timestampOffsetNanos = new long[4];

    /**
     * @param in       the capture; not closed by the reader.
     * @param listener receives what the reader finds.
     */
    public PcapngReader(final InputStream in, final FeedFileListener listener)
    {
        super(in, listener);
    }

    /** @return byte order of the current section. */
    public ByteOrder byteOrder()
    {
        return byteOrder;
    }

    /** @return number of sections begun so far. */
    public int sectionCount()
    {
        return sectionCount;
    }

    /** @return number of interfaces described so far in the current section. */
    public int interfaceCount()
    {
        return interfaceCount;
    }

    /**
     * @param interfaceId 0-based, below {@link #interfaceCount()}.
     * @return its LINKTYPE_ value (see {@link LinkType}).
     */
    public int linkType(final int interfaceId)
    {
        return linkTypes[interfaceId];
    }

    /**
     * @param interfaceId 0-based, below {@link #interfaceCount()}.
     * @return its snap length (0: unlimited).
     */
    public int snapLength(final int interfaceId)
    {
        return snapLengths[interfaceId];
    }

    /**
     * @param units          a timestamp as recorded, in units of the interface's resolution.
     * @param tsresol        the interface's if_tsresol byte: MSB 0 for 10^-n seconds, 1 for 2^-n.
     * @return the timestamp in nanoseconds (rounded down).
     */
    static long toNanos(final long units, final int tsresol)
    {
        final int exponent = tsresol & 0x7F;
        if ((tsresol & 0x80) == 0)
        {
            return exponent <= 9 ?
                units * POWERS_OF_TEN[9 - exponent] : Long.divideUnsigned(units, POWERS_OF_TEN[exponent - 9]);
        }
        if (exponent == 0)
        {
            return units * NANOS_PER_SECOND;
        }
        final long seconds = units >>> exponent;
        final long fraction = units & ((1L << exponent) - 1);
        return seconds * NANOS_PER_SECOND + Math.unsignedMultiplyHigh(fraction << (64 - exponent), NANOS_PER_SECOND);
    }

    @Override
    protected boolean readRecord() throws IOException
    {
        final long blockOffset = window.position();
        if (!window.ensure(BLOCK_HEADER_LENGTH))
        {
            if (window.available() > 0)
            {
                listener.onDefect(blockOffset, "pcapng block cut off at end of file: " + window.available() + " of its " +
                    BLOCK_HEADER_LENGTH + " header bytes present");
            }
            else if (sectionCount == 0)
            {
                listener.onDefect(blockOffset, "empty file: no pcapng Section Header Block");
            }
            return false;
        }
        final int type = window.buffer().getInt(window.offset(), byteOrder);
        if (type == SECTION_HEADER_BLOCK)
        {
            if (!readByteOrderMagic(blockOffset))
            {
                return false;
            }
        }
        else if (sectionCount == 0)
        {
            listener.onDefect(blockOffset, "not a pcapng file: it starts with block type 0x" +
                hex(window.buffer().getInt(window.offset(), ByteOrder.BIG_ENDIAN)) +
                " instead of a Section Header Block (0A0D0D0A)");
            return false;
        }

        final long totalLength = Integer.toUnsignedLong(window.buffer().getInt(window.offset() + 4, byteOrder));
        if (!isPlausibleLength(type, totalLength, blockOffset))
        {
            return false;
        }
        final int length = (int)totalLength;
        if (!window.ensure(length))
        {
            listener.onDefect(blockOffset, "pcapng " + describeBlock(type) + " cut off at end of file: block total length says " +
                length + " bytes, " + window.available() + " available");
            return false;
        }
        final UnsafeBuffer buffer = window.buffer();
        final int offset = window.offset();
        final long trailingLength = Integer.toUnsignedLong(buffer.getInt(offset + length - 4, byteOrder));
        if (trailingLength != totalLength)
        {
            listener.onDefect(blockOffset, "pcapng " + describeBlock(type) + " has trailing block total length " +
                trailingLength + ", not the leading " + totalLength + ": the file is corrupt from here on");
            return false;
        }

        switch (type)
        {
            case SECTION_HEADER_BLOCK:
                if (!readSectionHeader(buffer, offset, blockOffset))
                {
                    return false;
                }
                break;
            case INTERFACE_DESCRIPTION_BLOCK:
                readInterfaceDescription(buffer, offset, length, blockOffset);
                break;
            case ENHANCED_PACKET_BLOCK:
                readPacket(type, buffer.getInt(offset + 8, byteOrder), buffer, offset, length, blockOffset);
                break;
            case PACKET_BLOCK:
                readPacket(type, buffer.getShort(offset + 8, byteOrder) & 0xFFFF, buffer, offset, length, blockOffset);
                break;
            case SIMPLE_PACKET_BLOCK:
                readSimplePacket(buffer, offset, length, blockOffset);
                break;
            default:
                break;
        }
        window.advance(length);
        return true;
    }

    /** The byte order of a section is the one in which its Section Header Block's magic reads 1A2B3C4D. */
    private boolean readByteOrderMagic(final long blockOffset) throws IOException
    {
        if (!window.ensure(MIN_BLOCK_LENGTH))
        {
            listener.onDefect(blockOffset, "pcapng Section Header Block cut off at end of file: " +
                window.available() + " bytes present, its byte-order magic needs " + MIN_BLOCK_LENGTH);
            return false;
        }
        final int magic = window.buffer().getInt(window.offset() + BLOCK_HEADER_LENGTH, ByteOrder.LITTLE_ENDIAN);
        if (magic == BYTE_ORDER_MAGIC)
        {
            byteOrder = ByteOrder.LITTLE_ENDIAN;
        }
        else if (Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC)
        {
            byteOrder = ByteOrder.BIG_ENDIAN;
        }
        else
        {
            listener.onDefect(blockOffset, "pcapng Section Header Block has byte-order magic 0x" +
                hex(Integer.reverseBytes(magic)) + ", neither 1A2B3C4D nor 4D3C2B1A: the file is corrupt from here on");
            return false;
        }
        return true;
    }

    private boolean isPlausibleLength(final int type, final long totalLength, final long blockOffset)
    {
        final int minLength = minLength(type);
        final String problem;
        if (totalLength > InputWindow.MAX_CAPACITY)
        {
            problem = "over the " + InputWindow.MAX_CAPACITY + " bytes accepted for a block";
        }
        else if ((totalLength & 3) != 0)
        {
            problem = "not a multiple of 4";
        }
        else if (totalLength < minLength)
        {
            problem = "less than the " + minLength + " bytes of its fixed fields";
        }
        else
        {
            return true;
        }
        listener.onDefect(blockOffset, "pcapng " + describeBlock(type) + " has block total length " + totalLength +
            ", " + problem + ": the file is corrupt from here on");
        return false;
    }

    private boolean readSectionHeader(final UnsafeBuffer buffer, final int offset, final long blockOffset)
    {
        final int major = buffer.getShort(offset + 12, byteOrder) & 0xFFFF;
        final int minor = buffer.getShort(offset + 14, byteOrder) & 0xFFFF;
        if (major != 1)
        {
            listener.onDefect(blockOffset, "pcapng section version " + major + "." + minor +
                " is not supported (1.x is): the file cannot be read from here on");
            return false;
        }
        sectionCount++;
        interfaceCount = 0;
        return true;
    }

    private void readInterfaceDescription(
        final UnsafeBuffer buffer, final int offset, final int length, final long blockOffset)
    {
        final int interfaceId = interfaceCount;
        final int linkType = buffer.getShort(offset + 8, byteOrder) & 0xFFFF;
        int tsresol = DEFAULT_TSRESOL;
        long tsoffsetSeconds = 0;
        final int end = offset + length - 4;
        int position = offset + 16;
        while (position + 4 <= end)
        {
            final int code = buffer.getShort(position, byteOrder) & 0xFFFF;
            final int valueLength = buffer.getShort(position + 2, byteOrder) & 0xFFFF;
            if (code == OPTION_END)
            {
                break;
            }
            if (position + 4 + valueLength > end)
            {
                listener.onDefect(blockOffset, "pcapng Interface Description Block (interface " + interfaceId +
                    "): option " + code + " runs past the end of the block; it and any later options are ignored");
                break;
            }
            if (code == OPTION_IF_TSRESOL && valueLength >= 1)
            {
                tsresol = buffer.getByte(position + 4) & 0xFF;
            }
            else if (code == OPTION_IF_TSOFFSET && valueLength >= 8)
            {
                tsoffsetSeconds = buffer.getLong(position + 4, byteOrder);
            }
            position += 4 + ((valueLength + 3) & ~3);
        }
        if ((tsresol & 0x80) == 0 ? tsresol > MAX_DECIMAL_TSRESOL : (tsresol & 0x7F) > MAX_BINARY_TSRESOL)
        {
            listener.onDefect(blockOffset, "pcapng Interface Description Block (interface " + interfaceId +
                "): if_tsresol 0x" + Integer.toHexString(tsresol) + " is finer than any clock; microseconds assumed");
            tsresol = DEFAULT_TSRESOL;
        }
        if (!LinkType.isSupported(linkType))
        {
            listener.onDefect(blockOffset, "pcapng interface " + interfaceId + ": " + LinkType.toDisplayString(linkType) +
                " is not supported (Ethernet, Linux cooked and raw IPv4 are): its frames are counted as skipped");
        }
        if (interfaceId == linkTypes.length)
        {
            final int capacity = 2 * interfaceId;
            linkTypes = Arrays.copyOf(linkTypes, capacity);
            snapLengths = Arrays.copyOf(snapLengths, capacity);
            timestampResolutions = Arrays.copyOf(timestampResolutions, capacity);
            timestampOffsetNanos = Arrays.copyOf(timestampOffsetNanos, capacity);
        }
        linkTypes[interfaceId] = linkType;
        snapLengths[interfaceId] = buffer.getInt(offset + 12, byteOrder);
        timestampResolutions[interfaceId] = tsresol;
        timestampOffsetNanos[interfaceId] = tsoffsetSeconds * NANOS_PER_SECOND;
        interfaceCount++;
    }

    private void readPacket(
        final int type,
        final int interfaceId,
        final UnsafeBuffer buffer,
        final int offset,
        final int length,
        final long blockOffset)
    {
        final long capturedLength = Integer.toUnsignedLong(buffer.getInt(offset + 20, byteOrder));
        final long originalLength = Integer.toUnsignedLong(buffer.getInt(offset + 24, byteOrder));
        final int dataOffset = 28;
        if (interfaceId < 0 || interfaceId >= interfaceCount)
        {
            final long frameNumber = countFrame(NO_TIMESTAMP);
            listener.onDefect(blockOffset, "pcapng " + blockName(type) + " (frame " + frameNumber + ") names interface " +
                Integer.toUnsignedString(interfaceId) + ", but this section describes " + interfaceCount);
            return;
        }
        if (capturedLength > length - dataOffset - 4)
        {
            final long frameNumber = countFrame(NO_TIMESTAMP);
            listener.onDefect(blockOffset, "pcapng " + blockName(type) + " (frame " + frameNumber + ") has captured length " +
                capturedLength + ", more than its block of " + length + " bytes holds");
            return;
        }
        final long units = (Integer.toUnsignedLong(buffer.getInt(offset + 12, byteOrder)) << 32) |
            Integer.toUnsignedLong(buffer.getInt(offset + 16, byteOrder));
        final long timestampNanos =
            toNanos(units, timestampResolutions[interfaceId]) + timestampOffsetNanos[interfaceId];
        readFrame(
            linkTypes[interfaceId],
            timestampNanos,
            buffer,
            offset + dataOffset,
            (int)capturedLength,
            (int)Math.min(originalLength, Integer.MAX_VALUE),
            blockOffset,
            blockOffset + dataOffset);
    }

    private void readSimplePacket(final UnsafeBuffer buffer, final int offset, final int length, final long blockOffset)
    {
        final long originalLength = Integer.toUnsignedLong(buffer.getInt(offset + 8, byteOrder));
        final int dataOffset = 12;
        if (interfaceCount == 0)
        {
            final long frameNumber = countFrame(NO_TIMESTAMP);
            listener.onDefect(blockOffset, "pcapng Simple Packet Block (frame " + frameNumber +
                ") comes before any Interface Description Block in its section");
            return;
        }
        // The captured length is implicit: the original length, cut by interface 0's snap length
        // and by the block itself (a writer's shortfall then reads as a frame cut by the snap length).
        long capturedLength = Math.min(originalLength, length - dataOffset - 4);
        final int snapLength = snapLengths[0];
        if (snapLength > 0)
        {
            capturedLength = Math.min(capturedLength, snapLength);
        }
        readFrame(
            linkTypes[0],
            NO_TIMESTAMP,
            buffer,
            offset + dataOffset,
            (int)capturedLength,
            (int)Math.min(originalLength, Integer.MAX_VALUE),
            blockOffset,
            blockOffset + dataOffset);
    }

    private static int minLength(final int type)
    {
        return switch (type)
        {
            case SECTION_HEADER_BLOCK -> 28;
            case INTERFACE_DESCRIPTION_BLOCK -> 20;
            case ENHANCED_PACKET_BLOCK, PACKET_BLOCK -> 32;
            case SIMPLE_PACKET_BLOCK -> 16;
            default -> MIN_BLOCK_LENGTH;
        };
    }

    private String describeBlock(final int type)
    {
        final boolean packet = type == ENHANCED_PACKET_BLOCK || type == SIMPLE_PACKET_BLOCK || type == PACKET_BLOCK;
        return packet ? blockName(type) + " (frame " + (frameNumber() + 1) + ")" : blockName(type);
    }

    private static String blockName(final int type)
    {
        return switch (type)
        {
            case SECTION_HEADER_BLOCK -> "Section Header Block";
            case INTERFACE_DESCRIPTION_BLOCK -> "Interface Description Block";
            case ENHANCED_PACKET_BLOCK -> "Enhanced Packet Block";
            case SIMPLE_PACKET_BLOCK -> "Simple Packet Block";
            case PACKET_BLOCK -> "Packet Block";
            default -> "block of type 0x" + hex(type);
        };
    }

    private static String hex(final int value)
    {
        return String.format("%08X", value);
    }
}
