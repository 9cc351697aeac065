package io.feedhandler.itch50;

/**
 * ITCH alpha fields kept as primitives: alpha(n) is ASCII, left-justified and padded on the right
 * with spaces, and a flyweight returns its n raw bytes big-endian in a {@code short} (n = 2), an
 * {@code int} (n = 4) or a {@code long} (n = 8).
 *
 * <p>Encoding happens off the hot path (configuration, tests, simulators), so it validates and
 * throws; decoding allocates a {@code String} and is meant for reports. Compare packed values
 * directly with {@code ==}. Stock symbols have their own rules in {@link Symbols}.
 */
public final class Alpha
{
    private static final byte SPACE = ' ';

    private Alpha()
    {
    }

    /**
     * @param text at most 2 printable ASCII characters, e.g. an issue sub-type {@code "AI"}.
     * @return the space-padded alpha(2) value.
     * @throws IllegalArgumentException if the text is too long or not printable ASCII.
     */
    public static short encode2(final CharSequence text)
    {
        return (short)pack(text, 2);
    }

    /**
     * @param text at most 4 printable ASCII characters, e.g. an MPID {@code "NSDQ"} or reason {@code "T1"}.
     * @return the space-padded alpha(4) value.
     * @throws IllegalArgumentException if the text is too long or not printable ASCII.
     */
    public static int encode4(final CharSequence text)
    {
        return (int)pack(text, 4);
    }

    /**
     * @param text at most 8 printable ASCII characters.
     * @return the space-padded alpha(8) value.
     * @throws IllegalArgumentException if the text is too long or not printable ASCII.
     */
    public static long encode8(final CharSequence text)
    {
        return pack(text, 8);
    }

    /**
     * Render a packed alpha field for people (allocates).
     *
     * @param value the field's raw bytes, big-endian, in the low {@code width} bytes.
     * @param width the field width in bytes: 1 to 8.
     * @return the text with trailing spaces removed; each byte becomes the char of the same value.
     */
    public static String decode(final long value, final int width)
    {
        checkWidth(width);
        int end = width;
        while (end > 0 && byteAt(value, width, end - 1) == SPACE)
        {
            end--;
        }
        final char[] chars = new char[end];
        for (int i = 0; i < end; i++)
        {
            chars[i] = (char)(byteAt(value, width, i) & 0xFF);
        }
        return new String(chars);
    }

    /**
     * @param value a packed alpha field.
     * @param width its width in bytes: 1 to 8.
     * @param index of the byte wanted, 0 for the leftmost (first on the wire).
     * @return that byte.
     */
    public static byte byteAt(final long value, final int width, final int index)
    {
        return (byte)(value >>> ((width - 1 - index) << 3));
    }

    /**
     * @param text  at most {@code width} printable ASCII characters (0x20 to 0x7E).
     * @param width the field width in bytes: 1 to 8.
     * @return the space-padded field as raw bytes big-endian in the low {@code width} bytes.
     * @throws IllegalArgumentException if the text is too long or not printable ASCII.
     */
    public static long pack(final CharSequence text, final int width)
    {
        checkWidth(width);
        if (text.length() > width)
        {
            throw new IllegalArgumentException(
                "alpha(" + width + ") holds at most " + width + " characters, got '" + text + "'");
        }
        long value = 0;
        for (int i = 0; i < width; i++)
        {
            final char c = i < text.length() ? text.charAt(i) : ' ';
            if (c < 0x20 || c > 0x7E)
            {
                throw new IllegalArgumentException(
                    "alpha(" + width + ") is printable ASCII, got character 0x" + Integer.toHexString(c) +
                    " at index " + i + " of '" + text + "'");
            }
            value = (value << 8) | c;
        }
        return value;
    }

    private static void checkWidth(final int width)
    {
        if (width < 1 || width > 8)
        {
            throw new IllegalArgumentException("alpha width must be 1 to 8 bytes, got " + width);
        }
    }
}
