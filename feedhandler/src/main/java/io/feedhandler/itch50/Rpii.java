package io.feedhandler.itch50;

/**
 * Retail Price Improvement Indicator (N): retail price improvement interest in a security.
 *
 * <pre>
 * 0            11        19     20
 * +------------+---------+------+
 * | header 'N' | Stock   | Flag |
 * | 11 bytes   | alpha 8 | a1   |
 * +------------+---------+------+
 * </pre>
 */
public final class Rpii extends ItchMessage<Rpii>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.RPII);

    private static final int STOCK_OFFSET = 11;
    private static final int INTEREST_FLAG_OFFSET = 19;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public Rpii()
    {
        super(ItchMessageType.RPII);
    }

    /**
     * @return the stock symbol: alpha(8), left-justified and space padded, as 8 raw bytes big-endian in a
     * {@code long} (see {@link Symbols}).
     */
    public long stock()
    {
        return alpha8(STOCK_OFFSET);
    }

    /**
     * @param value the stock symbol: alpha(8), left-justified and space padded, as 8 raw bytes big-endian in
     * a {@code long} (see {@link Symbols}).
     * @return this flyweight.
     */
    public Rpii stock(final long value)
    {
        putAlpha8(STOCK_OFFSET, value);
        return self();
    }

    /**
     * @return the interest flag: {@code 'B'} buy side, {@code 'S'} sell side, {@code 'A'} both sides,
     * {@code 'N'} none.
     */
    public byte interestFlag()
    {
        return alpha1(INTEREST_FLAG_OFFSET);
    }

    /**
     * @param value the interest flag: {@code 'B'} buy side, {@code 'S'} sell side, {@code 'A'} both sides,
     * {@code 'N'} none.
     * @return this flyweight.
     */
    public Rpii interestFlag(final byte value)
    {
        putAlpha1(INTEREST_FLAG_OFFSET, value);
        return self();
    }
}
