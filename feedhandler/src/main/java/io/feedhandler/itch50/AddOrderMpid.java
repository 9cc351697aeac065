package io.feedhandler.itch50;

/**
 * Add Order with MPID attribution (F): a new displayed order naming the participant.
 *
 * <pre>
 * 0            11                       19     20       24        32         36            40
 * +------------+------------------------+------+--------+---------+----------+-------------+
 * | header 'F' | Order Reference Number | Side | Shares | Stock   | Price    | Attribution |
 * | 11 bytes   | u64                    | a1   | u32    | alpha 8 | price(4) | alpha 4     |
 * +------------+------------------------+------+--------+---------+----------+-------------+
 * </pre>
 *
 * <p>The first 36 bytes are laid out as in {@link AddOrder}.
 */
public final class AddOrderMpid extends ItchMessage<AddOrderMpid>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.ADD_ORDER_MPID);

    private static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    private static final int SIDE_OFFSET = 19;
    private static final int SHARES_OFFSET = 20;
    private static final int STOCK_OFFSET = 24;
    private static final int PRICE_OFFSET = 32;
    private static final int ATTRIBUTION_OFFSET = 36;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public AddOrderMpid()
    {
        super(ItchMessageType.ADD_ORDER_MPID);
    }

    /** @return the order reference number: uint64, unique for the day (unsigned: see {@link ItchMessage}). */
    public long orderReferenceNumber()
    {
        return uint64(ORDER_REFERENCE_NUMBER_OFFSET);
    }

    /**
     * @param value the order reference number: uint64, unique for the day (unsigned: see
     * {@link ItchMessage}).
     * @return this flyweight.
     */
    public AddOrderMpid orderReferenceNumber(final long value)
    {
        putUint64(ORDER_REFERENCE_NUMBER_OFFSET, value);
        return self();
    }

    /** @return the Buy/Sell Indicator: {@code 'B'} buy or {@code 'S'} sell (see {@link Side}). */
    public byte side()
    {
        return alpha1(SIDE_OFFSET);
    }

    /**
     * @param value the Buy/Sell Indicator: {@code 'B'} buy or {@code 'S'} sell (see {@link Side}).
     * @return this flyweight.
     */
    public AddOrderMpid side(final byte value)
    {
        putAlpha1(SIDE_OFFSET, value);
        return self();
    }

    /** @return the displayed quantity (uint32). */
    public long shares()
    {
        return uint32(SHARES_OFFSET);
    }

    /**
     * @param value the displayed quantity (uint32).
     * @return this flyweight.
     */
    public AddOrderMpid shares(final long value)
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
    public AddOrderMpid stock(final long value)
    {
        putAlpha8(STOCK_OFFSET, value);
        return self();
    }

    /** @return the display price: price(4), 4 implied decimals, read unsigned (see {@link Prices}). */
    public long price()
    {
        return uint32(PRICE_OFFSET);
    }

    /**
     * @param value the display price: price(4), 4 implied decimals, read unsigned (see {@link Prices}).
     * @return this flyweight.
     */
    public AddOrderMpid price(final long value)
    {
        putUint32(PRICE_OFFSET, value);
        return self();
    }

    /**
     * @return the attributed participant's MPID: alpha(4) as 4 raw bytes big-endian in an {@code int} (see
     * {@link Alpha}).
     */
    public int attribution()
    {
        return alpha4(ATTRIBUTION_OFFSET);
    }

    /**
     * @param value the attributed participant's MPID: alpha(4) as 4 raw bytes big-endian in an {@code int}
     * (see {@link Alpha}).
     * @return this flyweight.
     */
    public AddOrderMpid attribution(final int value)
    {
        putAlpha4(ATTRIBUTION_OFFSET, value);
        return self();
    }
}
