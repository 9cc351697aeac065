package io.feedhandler.itch50;

/**
 * Stock symbols as the ITCH alpha(8) field: 1 to 8 ASCII characters, left-justified, padded with
 * spaces, held as the 8 raw bytes big-endian in a {@code long} (so {@code "AAPL"} is
 * {@code 0x4141504C20202020L}).
 *
 * <p>Packed symbols compare with {@code ==}, hash as a {@code long}, and sort with
 * {@link #compare(long, long)}, all without allocation; because the most significant byte is the
 * first character and the pad (0x20) sorts below every printable character, unsigned order is
 * alphabetical order ({@code "AB" < "ABC" < "AC"}).
 */
public final class Symbols
{
    /** Width of the stock field in bytes. */
    public static final int LENGTH = 8;

    /** A symbol that is all spaces, as a blank field would read. */
    public static final long BLANK = 0x2020_2020_2020_2020L;

    private Symbols()
    {
    }

    /**
     * @param symbol 1 to 8 printable ASCII characters, not starting with a space.
     * @return the packed, space-padded symbol.
     * @throws IllegalArgumentException if the symbol is empty, too long, starts with a space or is
     *                                  not printable ASCII.
     */
    public static long encode(final CharSequence symbol)
    {
        if (symbol.isEmpty() || symbol.charAt(0) == ' ')
        {
            throw new IllegalArgumentException(
                "stock symbol must start with a non-space character, got '" + symbol + "'");
        }
        return Alpha.pack(symbol, LENGTH);
    }

    /**
     * @param stock a packed symbol.
     * @return the symbol with its padding removed (allocates: for reports, not the hot path).
     */
    public static String decode(final long stock)
    {
        return Alpha.decode(stock, LENGTH);
    }

    /**
     * Append a symbol without its padding, to render it without creating a {@code String}.
     *
     * @param builder to append to.
     * @param stock   a packed symbol.
     * @return the builder.
     */
    public static StringBuilder appendTo(final StringBuilder builder, final long stock)
    {
        final int length = length(stock);
        for (int i = 0; i < length; i++)
        {
            builder.append((char)(Alpha.byteAt(stock, LENGTH, i) & 0xFF));
        }
        return builder;
    }

    /**
     * @param stock  a packed symbol.
     * @param symbol text to compare with, without padding.
     * @return true if the symbol is that text; no allocation.
     */
    public static boolean equals(final long stock, final CharSequence symbol)
    {
        final int length = symbol.length();
        if (length > LENGTH)
        {
            return false;
        }
        for (int i = 0; i < LENGTH; i++)
        {
            final int expected = i < length ? symbol.charAt(i) : ' ';
            if ((Alpha.byteAt(stock, LENGTH, i) & 0xFF) != expected)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @param a a packed symbol.
     * @param b another.
     * @return negative, zero or positive as {@code a} sorts alphabetically before, with or after {@code b}.
     */
    public static int compare(final long a, final long b)
    {
        return Long.compareUnsigned(a, b);
    }

    /**
     * @param stock a packed symbol.
     * @return number of characters before the trailing padding.
     */
    public static int length(final long stock)
    {
        int length = LENGTH;
        while (length > 0 && Alpha.byteAt(stock, LENGTH, length - 1) == ' ')
        {
            length--;
        }
        return length;
    }

    /**
     * A plausibility check for decoded data, not applied by the codec.
     *
     * @param stock a packed symbol.
     * @return true if it starts with a non-space character and every byte is printable ASCII.
     */
    public static boolean isWellFormed(final long stock)
    {
        final int first = Alpha.byteAt(stock, LENGTH, 0);
        if (first <= ' ' || first > 0x7E)
        {
            return false;
        }
        for (int i = 1; i < LENGTH; i++)
        {
            final int b = Alpha.byteAt(stock, LENGTH, i);
            if (b < ' ' || b > 0x7E)
            {
                return false;
            }
        }
        return true;
    }
}
