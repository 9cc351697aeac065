package io.feedhandler.itch50;

/**
 * Stock Trading Action (H): a security is halted, paused, quoting only, or trading.
 *
 * <pre>
 * 0            11        19      20    21        25
 * +------------+---------+-------+-----+---------+
 * | header 'H' | Stock   | State | Rsv | Reason  |
 * | 11 bytes   | alpha 8 | a1    | a1  | alpha 4 |
 * +------------+---------+-------+-----+---------+
 * </pre>
 */
public final class StockTradingAction extends ItchMessage<StockTradingAction>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.STOCK_TRADING_ACTION);

    private static final int STOCK_OFFSET = 11;
    private static final int TRADING_STATE_OFFSET = 19;
    private static final int RESERVED_OFFSET = 20;
    private static final int REASON_OFFSET = 21;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public StockTradingAction()
    {
        super(ItchMessageType.STOCK_TRADING_ACTION);
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
    public StockTradingAction stock(final long value)
    {
        putAlpha8(STOCK_OFFSET, value);
        return self();
    }

    /**
     * @return the trading state: {@code 'H'} halted, {@code 'P'} paused, {@code 'Q'} quotation only,
     * {@code 'T'} trading.
     */
    public byte tradingState()
    {
        return alpha1(TRADING_STATE_OFFSET);
    }

    /**
     * @param value the trading state: {@code 'H'} halted, {@code 'P'} paused, {@code 'Q'} quotation only,
     * {@code 'T'} trading.
     * @return this flyweight.
     */
    public StockTradingAction tradingState(final byte value)
    {
        putAlpha1(TRADING_STATE_OFFSET, value);
        return self();
    }

    /** @return the reserved byte (ignored by consumers; kept so that a copy is exact). */
    public byte reserved()
    {
        return alpha1(RESERVED_OFFSET);
    }

    /**
     * @param value the reserved byte (ignored by consumers; kept so that a copy is exact).
     * @return this flyweight.
     */
    public StockTradingAction reserved(final byte value)
    {
        putAlpha1(RESERVED_OFFSET, value);
        return self();
    }

    /**
     * @return the reason: alpha(4), e.g. {@code T1}, {@code LUDP}, {@code MWC1}, space padded, as 4 raw bytes
     * big-endian in an {@code int} (see {@link Alpha}).
     */
    public int reason()
    {
        return alpha4(REASON_OFFSET);
    }

    /**
     * @param value the reason: alpha(4), e.g. {@code T1}, {@code LUDP}, {@code MWC1}, space padded, as 4 raw
     * bytes big-endian in an {@code int} (see {@link Alpha}).
     * @return this flyweight.
     */
    public StockTradingAction reason(final int value)
    {
        putAlpha4(REASON_OFFSET, value);
        return self();
    }
}
