package io.feedhandler.itch50;

/**
 * Trade, non-cross (P): an execution against non-displayed liquidity.
 *
 * <pre>
 * 0            11                       19     20       24        32         36             44
 * +------------+------------------------+------+--------+---------+----------+--------------+
 * | header 'P' | Order Reference Number | Side | Shares | Stock   | Price    | Match Number |
 * | 11 bytes   | u64                    | a1   | u32    | alpha 8 | price(4) | u64          |
 * +------------+------------------------+------+--------+---------+----------+--------------+
 * </pre>
 *
 * <p>It does not change the displayed book but counts toward volume. The order reference number has been 0
 * since 2019 and the side has been {@code 'B'} since 2014: never look either up. The price may be the
 * market-order sentinel {@link Prices#MARKET_ORDER_PRICE}.
 */
public final class Trade extends ItchMessage<Trade>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.TRADE);

    private static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    private static final int SIDE_OFFSET = 19;
    private static final int SHARES_OFFSET = 20;
    private static final int STOCK_OFFSET = 24;
    private static final int PRICE_OFFSET = 32;
    private static final int MATCH_NUMBER_OFFSET = 36;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public Trade()
    {
        super(ItchMessageType.TRADE);
    }

    /** @return the order reference number: uint64, always 0 on today's feed. */
    public long orderReferenceNumber()
    {
        return uint64(ORDER_REFERENCE_NUMBER_OFFSET);
    }

    /**
     * @param value the order reference number: uint64, always 0 on today's feed.
     * @return this flyweight.
     */
    public Trade orderReferenceNumber(final long value)
    {
        putUint64(ORDER_REFERENCE_NUMBER_OFFSET, value);
        return self();
    }

    /** @return the Buy/Sell Indicator: {@code 'B'} or {@code 'S'}; not the aggressor's side. */
    public byte side()
    {
        return alpha1(SIDE_OFFSET);
    }

    /**
     * @param value the Buy/Sell Indicator: {@code 'B'} or {@code 'S'}; not the aggressor's side.
     * @return this flyweight.
     */
    public Trade side(final byte value)
    {
        putAlpha1(SIDE_OFFSET, value);
        return self();
    }

    /** @return the executed quantity (uint32). */
    public long shares()
    {
        return uint32(SHARES_OFFSET);
    }

    /**
     * @param value the executed quantity (uint32).
     * @return this flyweight.
     */
    public Trade shares(final long value)
    {
        putUint32(SHARES_OFFSET, value);
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
    public Trade stock(final long value)
    {
        putAlpha8(STOCK_OFFSET, value);
        return self();
    }

    /**
     * @return the execution price: price(4), 4 implied decimals, read unsigned (see {@link Prices}); may be
     * {@link Prices#MARKET_ORDER_PRICE}.
     */
    public long price()
    {
        return uint32(PRICE_OFFSET);
    }

    /**
     * @param value the execution price: price(4), 4 implied decimals, read unsigned (see {@link Prices}); may
     * be {@link Prices#MARKET_ORDER_PRICE}.
     * @return this flyweight.
     */
    public Trade price(final long value)
    {
        putUint32(PRICE_OFFSET, value);
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
    public Trade matchNumber(final long value)
    {
        putUint64(MATCH_NUMBER_OFFSET, value);
        return self();
    }
}
