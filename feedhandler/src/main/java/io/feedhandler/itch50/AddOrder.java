package io.feedhandler.itch50;

/**
 * Add Order, no MPID attribution (A): a new displayed order on the book.
 *
 * <pre>
 * 0            11                       19     20       24        32         36
 * +------------+------------------------+------+--------+---------+----------+
 * | header 'A' | Order Reference Number | Side | Shares | Stock   | Price    |
 * | 11 bytes   | u64                    | a1   | u32    | alpha 8 | price(4) |
 * +------------+------------------------+------+--------+---------+----------+
 * </pre>
 */
public final class AddOrder extends ItchMessage<AddOrder>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.ADD_ORDER);

    private static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    private static final int SIDE_OFFSET = 19;
    private static final int SHARES_OFFSET = 20;
    private static final int STOCK_OFFSET = 24;
    private static final int PRICE_OFFSET = 32;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public AddOrder()
    {
        super(ItchMessageType.ADD_ORDER);
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
    public AddOrder orderReferenceNumber(final long value)
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
    public AddOrder side(final byte value)
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
    public AddOrder shares(final long value)
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
    public AddOrder stock(final long value)
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
    public AddOrder price(final long value)
    {
        putUint32(PRICE_OFFSET, value);
        return self();
    }
}
