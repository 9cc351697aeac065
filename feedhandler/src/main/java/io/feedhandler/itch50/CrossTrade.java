package io.feedhandler.itch50;

/**
 * Cross Trade (Q): the total volume of an opening, closing, IPO/halt or intraday cross.
 *
 * <pre>
 * 0            11       19        27            31             39    40
 * +------------+--------+---------+-------------+--------------+-----+
 * | header 'Q' | Shares | Stock   | Cross Price | Match Number | Typ |
 * | 11 bytes   | u64    | alpha 8 | price(4)    | u64          | a1  |
 * +------------+--------+---------+-------------+--------------+-----+
 * </pre>
 *
 * <p>Shares are <b>uint64</b> here, unlike A F E C X U P. The individual executions arrive as non-printable C
 * (or E) messages: count the volume once, from Q.
 */
public final class CrossTrade extends ItchMessage<CrossTrade>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.CROSS_TRADE);

    private static final int SHARES_OFFSET = 11;
    private static final int STOCK_OFFSET = 19;
    private static final int CROSS_PRICE_OFFSET = 27;
    private static final int MATCH_NUMBER_OFFSET = 31;
    private static final int CROSS_TYPE_OFFSET = 39;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public CrossTrade()
    {
        super(ItchMessageType.CROSS_TRADE);
    }

    /** @return the cross volume: uint64 (unsigned: see {@link ItchMessage}). */
    public long shares()
    {
        return uint64(SHARES_OFFSET);
    }

    /**
     * @param value the cross volume: uint64 (unsigned: see {@link ItchMessage}).
     * @return this flyweight.
     */
    public CrossTrade shares(final long value)
    {
        putUint64(SHARES_OFFSET, value);
        return self();
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
    public CrossTrade stock(final long value)
    {
        putAlpha8(STOCK_OFFSET, value);
        return self();
    }

    /**
     * @return the cross price: price(4), 4 implied decimals, read unsigned (see {@link Prices}); may be
     * {@link Prices#MARKET_ORDER_PRICE}.
     */
    public long crossPrice()
    {
        return uint32(CROSS_PRICE_OFFSET);
    }

    /**
     * @param value the cross price: price(4), 4 implied decimals, read unsigned (see {@link Prices}); may be
     * {@link Prices#MARKET_ORDER_PRICE}.
     * @return this flyweight.
     */
    public CrossTrade crossPrice(final long value)
    {
        putUint32(CROSS_PRICE_OFFSET, value);
        return self();
    }

    /** @return the match number: uint64, unique for the day; a later B (Broken Trade) refers to it. */
    public long matchNumber()
    {
        return uint64(MATCH_NUMBER_OFFSET);
    }

    /**
     * @param value the match number: uint64, unique for the day; a later B (Broken Trade) refers to it.
     * @return this flyweight.
     */
    public CrossTrade matchNumber(final long value)
    {
        putUint64(MATCH_NUMBER_OFFSET, value);
        return self();
    }

    /**
     * @return the cross type: {@code 'O'} opening, {@code 'C'} closing, {@code 'H'} IPO or halted/paused,
     * {@code 'I'} intraday/post-close, {@code 'A'} extended-hours close.
     */
    public byte crossType()
    {
        return alpha1(CROSS_TYPE_OFFSET);
    }

    /**
     * @param value the cross type: {@code 'O'} opening, {@code 'C'} closing, {@code 'H'} IPO or
     * halted/paused, {@code 'I'} intraday/post-close, {@code 'A'} extended-hours close.
     * @return this flyweight.
     */
    public CrossTrade crossType(final byte value)
    {
        putAlpha1(CROSS_TYPE_OFFSET, value);
        return self();
    }
}
