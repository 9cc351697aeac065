package io.feedhandler.itch50;

/**
 * Reg SHO Short Sale Price Test Restricted Indicator (Y).
 *
 * <pre>
 * 0            11        19       20
 * +------------+---------+--------+
 * | header 'Y' | Stock   | Action |
 * | 11 bytes   | alpha 8 | a1     |
 * +------------+---------+--------+
 * </pre>
 */
public final class RegShoRestriction extends ItchMessage<RegShoRestriction>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.REG_SHO_RESTRICTION);

    private static final int STOCK_OFFSET = 11;
    private static final int REG_SHO_ACTION_OFFSET = 19;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public RegShoRestriction()
    {
        super(ItchMessageType.REG_SHO_RESTRICTION);
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
    public RegShoRestriction stock(final long value)
    {
        putAlpha8(STOCK_OFFSET, value);
        return self();
    }

    /**
     * @return the Reg SHO action: {@code '0'} no price test, {@code '1'} restriction in effect after an
     * intraday drop, {@code '2'} restriction remains in effect.
     */
    public byte regShoAction()
    {
        return alpha1(REG_SHO_ACTION_OFFSET);
    }

    /**
     * @param value the Reg SHO action: {@code '0'} no price test, {@code '1'} restriction in effect after an
     * intraday drop, {@code '2'} restriction remains in effect.
     * @return this flyweight.
     */
    public RegShoRestriction regShoAction(final byte value)
    {
        putAlpha1(REG_SHO_ACTION_OFFSET, value);
        return self();
    }
}
