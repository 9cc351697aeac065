package io.feedhandler.itch50;

/**
 * Net Order Imbalance Indicator (I): the state of an upcoming cross.
 *
 * <pre>
 * 0            11              19                 27    28        36          40           44
 * +------------+---------------+------------------+-----+---------+-----------+------------+
 * | header 'I' | Paired Shares | Imbalance Shares | Dir | Stock   | Far Price | Near Price |
 * | 11 bytes   | u64           | u64              | a1  | alpha 8 | price(4)  | price(4)   |
 * +------------+---------------+------------------+-----+---------+-----------+------------+
 *
 * 44          48   49    50
 * +-----------+----+-----+
 * | Ref Price | Cr | Var |
 * | price(4)  | a1 | a1  |
 * +-----------+----+-----+
 * </pre>
 *
 * <p>Paired and imbalance shares are <b>uint64</b>. Far and near prices may be 0 or the market-order sentinel
 * {@link Prices#MARKET_ORDER_PRICE}.
 */
public final class Noii extends ItchMessage<Noii>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.NOII);

    private static final int PAIRED_SHARES_OFFSET = 11;
    private static final int IMBALANCE_SHARES_OFFSET = 19;
    private static final int IMBALANCE_DIRECTION_OFFSET = 27;
    private static final int STOCK_OFFSET = 28;
    private static final int FAR_PRICE_OFFSET = 36;
    private static final int NEAR_PRICE_OFFSET = 40;
    private static final int CURRENT_REFERENCE_PRICE_OFFSET = 44;
    private static final int CROSS_TYPE_OFFSET = 48;
    private static final int PRICE_VARIATION_INDICATOR_OFFSET = 49;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public Noii()
    {
        super(ItchMessageType.NOII);
    }

    /**
     * @return the shares matched at the current reference price: uint64 (unsigned: see {@link ItchMessage}).
     */
    public long pairedShares()
    {
        return uint64(PAIRED_SHARES_OFFSET);
    }

    /**
     * @param value the shares matched at the current reference price: uint64 (unsigned: see
     * {@link ItchMessage}).
     * @return this flyweight.
     */
    public Noii pairedShares(final long value)
    {
        putUint64(PAIRED_SHARES_OFFSET, value);
        return self();
    }

    /**
     * @return the shares left unmatched at the current reference price: uint64 (unsigned: see
     * {@link ItchMessage}).
     */
    public long imbalanceShares()
    {
        return uint64(IMBALANCE_SHARES_OFFSET);
    }

    /**
     * @param value the shares left unmatched at the current reference price: uint64 (unsigned: see
     * {@link ItchMessage}).
     * @return this flyweight.
     */
    public Noii imbalanceShares(final long value)
    {
        putUint64(IMBALANCE_SHARES_OFFSET, value);
        return self();
    }

    /**
     * @return the imbalance direction: {@code 'B'} buy, {@code 'S'} sell, {@code 'N'} none, {@code 'O'}
     * insufficient orders, {@code 'P'} paused.
     */
    public byte imbalanceDirection()
    {
        return alpha1(IMBALANCE_DIRECTION_OFFSET);
    }

    /**
     * @param value the imbalance direction: {@code 'B'} buy, {@code 'S'} sell, {@code 'N'} none, {@code 'O'}
     * insufficient orders, {@code 'P'} paused.
     * @return this flyweight.
     */
    public Noii imbalanceDirection(final byte value)
    {
        putAlpha1(IMBALANCE_DIRECTION_OFFSET, value);
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
    public Noii stock(final long value)
    {
        putAlpha8(STOCK_OFFSET, value);
        return self();
    }

    /**
     * @return the far price: price(4), 4 implied decimals, read unsigned (see {@link Prices}); may be 0 or
     * {@link Prices#MARKET_ORDER_PRICE}.
     */
    public long farPrice()
    {
        return uint32(FAR_PRICE_OFFSET);
    }

    /**
     * @param value the far price: price(4), 4 implied decimals, read unsigned (see {@link Prices}); may be 0
     * or {@link Prices#MARKET_ORDER_PRICE}.
     * @return this flyweight.
     */
    public Noii farPrice(final long value)
    {
        putUint32(FAR_PRICE_OFFSET, value);
        return self();
    }

    /**
     * @return the near price: price(4), 4 implied decimals, read unsigned (see {@link Prices}); may be 0 or
     * {@link Prices#MARKET_ORDER_PRICE}.
     */
    public long nearPrice()
    {
        return uint32(NEAR_PRICE_OFFSET);
    }

    /**
     * @param value the near price: price(4), 4 implied decimals, read unsigned (see {@link Prices}); may be 0
     * or {@link Prices#MARKET_ORDER_PRICE}.
     * @return this flyweight.
     */
    public Noii nearPrice(final long value)
    {
        putUint32(NEAR_PRICE_OFFSET, value);
        return self();
    }

    /**
     * @return the current reference price: price(4), 4 implied decimals, read unsigned (see {@link Prices}).
     */
    public long currentReferencePrice()
    {
        return uint32(CURRENT_REFERENCE_PRICE_OFFSET);
    }

    /**
     * @param value the current reference price: price(4), 4 implied decimals, read unsigned (see
     * {@link Prices}).
     * @return this flyweight.
     */
    public Noii currentReferencePrice(final long value)
    {
        putUint32(CURRENT_REFERENCE_PRICE_OFFSET, value);
        return self();
    }

    /**
     * @return the cross type: {@code 'O'} opening, {@code 'C'} closing, {@code 'H'} IPO or halted/paused,
     * {@code 'A'} extended-hours close.
     */
    public byte crossType()
    {
        return alpha1(CROSS_TYPE_OFFSET);
    }

    /**
     * @param value the cross type: {@code 'O'} opening, {@code 'C'} closing, {@code 'H'} IPO or
     * halted/paused, {@code 'A'} extended-hours close.
     * @return this flyweight.
     */
    public Noii crossType(final byte value)
    {
        putAlpha1(CROSS_TYPE_OFFSET, value);
        return self();
    }

    /**
     * @return the price variation indicator: {@code 'L'} under 1 %, {@code '1'} to {@code '9'} 1 to 9.99 %,
     * {@code 'A'} 10-19.99 %, {@code 'B'} 20-29.99 %, {@code 'C'} 30 % or more, space cannot be calculated.
     */
    public byte priceVariationIndicator()
    {
        return alpha1(PRICE_VARIATION_INDICATOR_OFFSET);
    }

    /**
     * @param value the price variation indicator: {@code 'L'} under 1 %, {@code '1'} to {@code '9'} 1 to 9.99
     * %, {@code 'A'} 10-19.99 %, {@code 'B'} 20-29.99 %, {@code 'C'} 30 % or more, space cannot be
     * calculated.
     * @return this flyweight.
     */
    public Noii priceVariationIndicator(final byte value)
    {
        putAlpha1(PRICE_VARIATION_INDICATOR_OFFSET, value);
        return self();
    }
}
