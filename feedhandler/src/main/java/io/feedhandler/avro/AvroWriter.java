package io.feedhandler.avro;

import org.agrona.MutableDirectBuffer;

/**
 * Avro binary encoding written straight into a {@link MutableDirectBuffer}: the few primitives the
 * record encoders need, with no stream, no encoder object and no allocation.
 *
 * <pre>
 * int, long      zig-zag, then base-128 varint (7 bits a byte, low group first, high bit = more)
 * boolean        1 byte, 0 or 1
 * enum           the symbol's index as an int
 * union          the branch index as a long, then the branch's value: ["null", T] is
 *                0x00 for null, 0x02 followed by T otherwise
 * string, bytes  the length as a long, then the bytes (UTF-8 for a string)
 * decimal        bytes holding the unscaled value, big-endian two's complement, minimal length
 *                (what BigInteger.toByteArray() gives); the scale lives in the schema only
 * array          blocks of (count as a long, items), ended by a count of 0
 * </pre>
 *
 * <p>ITCH alpha fields are ASCII, but a corrupt feed can carry any byte. Strings made from them
 * read each byte as the character of the same value (ISO-8859-1, as {@link
 * io.feedhandler.itch50.Alpha#decode} does), so a byte from 0x80 up becomes two UTF-8 bytes and
 * the record stays valid Avro whatever arrives.
 *
 * <p>Like the ITCH flyweights, {@link #wrap} points the writer at a buffer and an offset; each
 * write advances {@link #position()}. It checks no bounds itself: the encoders check the largest
 * length a record can take once, before they start.
 */
public final class AvroWriter
{
    /** Largest encoding of an Avro {@code int}. */
    public static final int MAX_INT_LENGTH = 5;

    /** Largest encoding of an Avro {@code long}. */
    public static final int MAX_LONG_LENGTH = 10;

    /**
     * Largest encoding of any single field the encoders write, other than the common header's
     * strings, arrays and free text: a union branch index (1 byte) and a long (10 bytes). A decimal
     * is at most 1 + 9 bytes, an alpha(4) string at most 1 + 8.
     */
    public static final int MAX_FIELD_LENGTH = 1 + MAX_LONG_LENGTH;

    private static final byte NULL_BRANCH = 0;
    private static final byte VALUE_BRANCH = 2;
    private static final byte SPACE = ' ';

    private MutableDirectBuffer buffer;
    private int position;

    /**
     * @param buffer to write into.
     * @param offset where the first byte goes.
     * @return this writer.
     */
    public AvroWriter wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.position = offset;
        return this;
    }

    /** @return the buffer last wrapped. */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /** @return where the next byte goes. */
    public int position()
    {
        return position;
    }

    /** @param value an Avro {@code boolean}. */
    public void writeBoolean(final boolean value)
    {
        buffer.putByte(position++, value ? (byte)1 : (byte)0);
    }

    /** @param value an Avro {@code int}. */
    public void writeInt(final int value)
    {
        int bits = (value << 1) ^ (value >> 31);
        int index = position;
        while ((bits & ~0x7F) != 0)
        {
            buffer.putByte(index++, (byte)((bits & 0x7F) | 0x80));
            bits >>>= 7;
        }
        buffer.putByte(index++, (byte)bits);
        position = index;
    }

    /** @param value an Avro {@code long}; a uint64 is written as the same 64 bits. */
    public void writeLong(final long value)
    {
        long bits = (value << 1) ^ (value >> 63);
        int index = position;
        while ((bits & ~0x7FL) != 0)
        {
            buffer.putByte(index++, (byte)((bits & 0x7F) | 0x80));
            bits >>>= 7;
        }
        buffer.putByte(index++, (byte)bits);
        position = index;
    }

    /** @param index an Avro {@code enum} symbol's index (0 to 63 take one byte). */
    public void writeEnum(final int index)
    {
        writeInt(index);
    }

    /** Write the null branch of a {@code ["null", T]} union: the field is null. */
    public void writeNull()
    {
        buffer.putByte(position++, NULL_BRANCH);
    }

    /**
     * Write the null branch of that many {@code ["null", T]} unions in a row.
     *
     * @param count of null fields, 0 or more.
     */
    public void writeNulls(final int count)
    {
        buffer.setMemory(position, count, NULL_BRANCH);
        position += count;
    }

    /** Write the value branch of a {@code ["null", T]} union; the value must follow. */
    public void writePresent()
    {
        buffer.putByte(position++, VALUE_BRANCH);
    }

    /**
     * Copy bytes that are already Avro binary (a pre-encoded string, say), with no length.
     *
     * @param source the bytes.
     * @param offset of the first.
     * @param length how many.
     */
    public void writeRaw(final byte[] source, final int offset, final int length)
    {
        buffer.putBytes(position, source, offset, length);
        position += length;
    }

    /**
     * An Avro {@code string} (or {@code bytes}): the length, then the bytes as given.
     *
     * @param utf8   the string's UTF-8 bytes.
     * @param offset of the first.
     * @param length how many.
     */
    public void writeString(final byte[] utf8, final int offset, final int length)
    {
        writeLong(length);
        writeRaw(utf8, offset, length);
    }

    /**
     * A one-character Avro {@code string} from an ITCH alpha(1) code, as sent, space included: 2
     * bytes for ASCII, 3 from 0x80 up.
     *
     * @param code the code byte, read as ISO-8859-1.
     */
    public void writeCode(final byte code)
    {
        final MutableDirectBuffer buffer = this.buffer;
        final int index = position;
        if (code >= 0)
        {
            buffer.putByte(index, (byte)2);
            buffer.putByte(index + 1, code);
            position = index + 2;
        }
        else
        {
            buffer.putByte(index, (byte)4);
            putLatin1High(buffer, index + 1, code);
            position = index + 3;
        }
    }

    /**
     * An Avro {@code string} from an ITCH alpha(n) field: its characters up to the right padding
     * (trailing spaces dropped, as {@link io.feedhandler.itch50.Alpha#decode} does).
     *
     * @param packed the field's raw bytes, big-endian, in the low {@code width} bytes (as the
     *               flyweights return alpha(2), alpha(4) and alpha(8) fields).
     * @param width  the field width in bytes: 1 to 8.
     */
    public void writeAlpha(final long packed, final int width)
    {
        int length = width;
        while (length > 0 && byteAt(packed, width, length - 1) == SPACE)
        {
            length--;
        }
        int utf8Length = length;
        for (int i = 0; i < length; i++)
        {
            if (byteAt(packed, width, i) < 0)
            {
                utf8Length++;
            }
        }
        final MutableDirectBuffer buffer = this.buffer;
        int index = position;
        // At most 16 UTF-8 bytes: the length is one varint byte.
        buffer.putByte(index++, (byte)(utf8Length << 1));
        for (int i = 0; i < length; i++)
        {
            final byte b = byteAt(packed, width, i);
            if (b >= 0)
            {
                buffer.putByte(index++, b);
            }
            else
            {
                putLatin1High(buffer, index, b);
                index += 2;
            }
        }
        position = index;
    }

    /**
     * An Avro {@code decimal} (bytes): the unscaled value as minimal big-endian two's complement,
     * byte for byte what {@code BigInteger.valueOf(unscaled).toByteArray()} gives. No
     * {@code BigDecimal} is made: the scale is the schema's.
     *
     * @param unscaled the value times 10^scale, signed: an ITCH price(4) as the flyweight reads it.
     */
    public void writeDecimal(final long unscaled)
    {
        final int length = decimalLength(unscaled);
        final MutableDirectBuffer buffer = this.buffer;
        int index = position;
        buffer.putByte(index++, (byte)(length << 1));
        for (int shift = (length - 1) << 3; shift >= 0; shift -= 8)
        {
            buffer.putByte(index++, (byte)(unscaled >> shift));
        }
        position = index;
    }

    /**
     * An Avro {@code decimal} from an unsigned 64-bit unscaled value (ITCH price(8) is a uint64):
     * from 2^63 up it takes 9 bytes, a leading 0x00 then the 64 bits, so it never reads negative.
     *
     * @param unscaled the value times 10^scale, read as unsigned.
     */
    public void writeUnsignedDecimal(final long unscaled)
    {
        if (unscaled >= 0)
        {
            writeDecimal(unscaled);
            return;
        }
        final MutableDirectBuffer buffer = this.buffer;
        int index = position;
        buffer.putByte(index++, (byte)(9 << 1));
        buffer.putByte(index++, (byte)0);
        for (int shift = 56; shift >= 0; shift -= 8)
        {
            buffer.putByte(index++, (byte)(unscaled >> shift));
        }
        position = index;
    }

    /**
     * Start an Avro array block, or end an array with a count of 0.
     *
     * @param count of items that follow in this block; 0 ends the array.
     */
    public void writeArrayBlock(final int count)
    {
        writeLong(count);
    }

    /** @param value the value of a {@code ["null", "boolean"]} union. */
    public void writeOptionalBoolean(final boolean value)
    {
        writePresent();
        writeBoolean(value);
    }

    /** @param value the value of a {@code ["null", "int"]} union. */
    public void writeOptionalInt(final int value)
    {
        writePresent();
        writeInt(value);
    }

    /** @param value the value of a {@code ["null", "long"]} union. */
    public void writeOptionalLong(final long value)
    {
        writePresent();
        writeLong(value);
    }

    /** @param code the value of a {@code ["null", "string"]} union, as in {@link #writeCode}. */
    public void writeOptionalCode(final byte code)
    {
        writePresent();
        writeCode(code);
    }

    /**
     * @param packed the value of a {@code ["null", "string"]} union, as in {@link #writeAlpha}.
     * @param width  the field width in bytes: 1 to 8.
     */
    public void writeOptionalAlpha(final long packed, final int width)
    {
        writePresent();
        writeAlpha(packed, width);
    }

    /** @param unscaled the value of a {@code ["null", decimal]} union, as in {@link #writeDecimal}. */
    public void writeOptionalDecimal(final long unscaled)
    {
        writePresent();
        writeDecimal(unscaled);
    }

    /** @param unscaled the value of a {@code ["null", decimal]} union, as in {@link #writeUnsignedDecimal}. */
    public void writeOptionalUnsignedDecimal(final long unscaled)
    {
        writePresent();
        writeUnsignedDecimal(unscaled);
    }

    /**
     * @param unscaled a signed unscaled decimal value.
     * @return bytes of its minimal two's complement form: 1 to 8 ({@code BigInteger.bitLength() / 8 + 1}).
     */
    public static int decimalLength(final long unscaled)
    {
        // Bits needed without the sign bit: as BigInteger.bitLength(), v for v >= 0 and ~v below 0.
        return ((Long.SIZE - Long.numberOfLeadingZeros(unscaled ^ (unscaled >> 63))) >> 3) + 1;
    }

    private static byte byteAt(final long packed, final int width, final int index)
    {
        return (byte)(packed >>> ((width - 1 - index) << 3));
    }

    private static void putLatin1High(final MutableDirectBuffer buffer, final int index, final byte b)
    {
        // U+0080..U+00FF in UTF-8: 110000xx 10xxxxxx.
        buffer.putByte(index, (byte)(0xC0 | ((b & 0xFF) >>> 6)));
        buffer.putByte(index + 1, (byte)(0x80 | (b & 0x3F)));
    }
}
