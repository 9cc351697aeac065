package io.feedhandler.itch50;

/**
 * Operational Halt (h): a security is halted or resumed on one Nasdaq market for operational reasons.
 *
 * <pre>
 * 0            11        19    20    21
 * +------------+---------+-----+-----+
 * | header 'h' | Stock   | Mkt | Act |
 * | 11 bytes   | alpha 8 | a1  | a1  |
 * +------------+---------+-----+-----+
 * </pre>
 *
 * <p>The type byte is lower-case {@code 'h'} (0x68), not the {@code 'H'} of {@link StockTradingAction}.
 */
public final class OperationalHalt extends ItchMessage<OperationalHalt>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.OPERATIONAL_HALT);

    private static final int STOCK_OFFSET = 11;
    private static final int MARKET_CODE_OFFSET = 19;
    private static final int OPERATIONAL_HALT_ACTION_OFFSET = 20;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public OperationalHalt()
    {
        super(ItchMessageType.OPERATIONAL_HALT);
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
    public OperationalHalt stock(final long value)
    {
        putAlpha8(STOCK_OFFSET, value);
        return self();
    }

    /** @return the market code: {@code 'Q'} Nasdaq, {@code 'B'} BX, {@code 'X'} PSX. */
    public byte marketCode()
    {
        return alpha1(MARKET_CODE_OFFSET);
    }

    /**
     * @param value the market code: {@code 'Q'} Nasdaq, {@code 'B'} BX, {@code 'X'} PSX.
     * @return this flyweight.
     */
    public OperationalHalt marketCode(final byte value)
    {
        putAlpha1(MARKET_CODE_OFFSET, value);
        return self();
    }

    /** @return the action: {@code 'H'} operationally halted, {@code 'T'} halt lifted. */
    public byte operationalHaltAction()
    {
        return alpha1(OPERATIONAL_HALT_ACTION_OFFSET);
    }

    /**
     * @param value the action: {@code 'H'} operationally halted, {@code 'T'} halt lifted.
     * @return this flyweight.
     */
    public OperationalHalt operationalHaltAction(final byte value)
    {
        putAlpha1(OPERATIONAL_HALT_ACTION_OFFSET, value);
        return self();
    }
}
