package io.feedhandler.itch50;

/**
 * ITCH prices: unsigned fixed-point integers with implied decimals, never floating point.
 *
 * <p>price(4) is a uint32 with 4 decimals ({@code 1_234_500} is 123.4500) and is every price except
 * the MWCB levels of V, which are price(8): a uint64 with 8 decimals. The flyweights read price(4)
 * unsigned, so even a corrupt 0xFFFFFFFF is 429496.7295, never negative.
 */
public final class Prices
{
    /** Implied decimals of price(4). */
    public static final int SCALE = 4;

    /** Implied decimals of price(8), the MWCB decline levels. */
    public static final int MWCB_SCALE = 8;

    /**
     * 199999.9900: in P, Q and I it marks a market order rather than a real price; keep it out of
     * price ladders and VWAP.
     */
    public static final long MARKET_ORDER_PRICE = 1_999_999_900L;

    /** The largest real price(4), $200,000.0000. */
    public static final long MAX_PRICE = 2_000_000_000L;

    private static final long[] POWERS_OF_TEN = new long[19];

    static
    {
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private Prices()
    {
    }

    /**
     * @param price a raw price(4) (or a P, Q or I price field).
     * @return true if it is the market-order sentinel 199999.9900.
     */
    public static boolean isMarketOrder(final long price)
    {
        return price == MARKET_ORDER_PRICE;
    }

    /**
     * @param price a raw price(4).
     * @return the price with 4 decimals, e.g. {@code "123.4500"} (allocates).
     */
    public static String format(final long price)
    {
        return format(price, SCALE);
    }

    /**
     * @param price a raw fixed-point price, read as unsigned.
     * @param scale implied decimals, 1 to 18: {@link #SCALE} or {@link #MWCB_SCALE}.
     * @return the price with exactly {@code scale} decimals (allocates).
     */
    public static String format(final long price, final int scale)
    {
        return appendTo(new StringBuilder(24), price, scale).toString();
    }

    /**
     * Append a price without creating a {@code String}.
     *
     * @param builder to append to.
     * @param price   a raw fixed-point price, read as unsigned.
     * @param scale   implied decimals, 1 to 18.
     * @return the builder.
     */
    public static StringBuilder appendTo(final StringBuilder builder, final long price, final int scale)
    {
        checkScale(scale);
        final long unit = POWERS_OF_TEN[scale];
        // With scale >= 1 the unsigned quotient is below 2^63, so it prints as a signed long.
        builder.append(Long.divideUnsigned(price, unit)).append('.');
        final long fraction = Long.remainderUnsigned(price, unit);
        for (long digit = unit / 10; digit > 0; digit /= 10)
        {
            builder.append((char)('0' + (fraction / digit) % 10));
        }
        return builder;
    }

    /**
     * Parse a decimal price, for configuration and tests.
     *
     * @param text  digits with an optional point and at most {@code scale} decimals, e.g. {@code "123.45"}.
     * @param scale implied decimals, 1 to 18.
     * @return the raw fixed-point price, e.g. {@code 1_234_500} for {@code "123.45"} at scale 4.
     * @throws IllegalArgumentException if the text is not such a number or is out of range.
     */
    public static long parse(final CharSequence text, final int scale)
    {
        checkScale(scale);
        try
        {
            long value = 0;
            int decimals = -1;
            boolean digits = false;
            for (int i = 0; i < text.length(); i++)
            {
                final char c = text.charAt(i);
                if (c == '.' && decimals < 0)
                {
                    decimals = 0;
                }
                else if (c >= '0' && c <= '9')
                {
                    if (decimals >= 0 && ++decimals > scale)
                    {
                        throw new IllegalArgumentException("price '" + text + "' has more than " + scale + " decimals");
                    }
                    value = Math.addExact(Math.multiplyExact(value, 10), c - '0');
                    digits = true;
                }
                else
                {
                    throw new IllegalArgumentException("price '" + text + "' is not a decimal number");
                }
            }
            if (!digits)
            {
                throw new IllegalArgumentException("price '" + text + "' has no digits");
            }
            return Math.multiplyExact(value, POWERS_OF_TEN[scale - Math.max(decimals, 0)]);
        }
        catch (final ArithmeticException ex)
        {
            throw new IllegalArgumentException("price '" + text + "' does not fit in 64 bits at scale " + scale, ex);
        }
    }

    private static void checkScale(final int scale)
    {
        if (scale < 1 || scale > 18)
        {
            throw new IllegalArgumentException("price scale must be 1 to 18 decimals, got " + scale);
        }
    }
}
