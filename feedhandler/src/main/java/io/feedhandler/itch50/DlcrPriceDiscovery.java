package io.feedhandler.itch50;

/**
 * Direct Listing with Capital Raise Price Discovery (O): price discovery for a DLCR security's opening.
 *
 * <pre>
 * 0            11        19     20          24          28           32                    40
 * +------------+---------+------+-----------+-----------+------------+---------------------+
 * | header 'O' | Stock   | Elig | Min Price | Max Price | Near Price | Near Execution Time |
 * | 11 bytes   | alpha 8 | a1   | price(4)  | price(4)  | price(4)   | u64                 |
 * +------------+---------+------+-----------+-----------+------------+---------------------+
 *
 * 40           44           48
 * +------------+------------+
 * | Lower Coll | Upper Coll |
 * | price(4)   | price(4)   |
 * +------------+------------+
 * </pre>
 *
 * <p>The type byte is the upper-case letter {@code 'O'} (0x4F).
 */
public final class DlcrPriceDiscovery extends ItchMessage<DlcrPriceDiscovery>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.DLCR_PRICE_DISCOVERY);

    private static final int STOCK_OFFSET = 11;
    private static final int OPEN_ELIGIBILITY_STATUS_OFFSET = 19;
    private static final int MINIMUM_ALLOWABLE_PRICE_OFFSET = 20;
    private static final int MAXIMUM_ALLOWABLE_PRICE_OFFSET = 24;
    private static final int NEAR_EXECUTION_PRICE_OFFSET = 28;
    private static final int NEAR_EXECUTION_TIME_OFFSET = 32;
    private static final int LOWER_PRICE_RANGE_COLLAR_OFFSET = 40;
    private static final int UPPER_PRICE_RANGE_COLLAR_OFFSET = 44;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public DlcrPriceDiscovery()
    {
        super(ItchMessageType.DLCR_PRICE_DISCOVERY);
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
    public DlcrPriceDiscovery stock(final long value)
    {
        putAlpha8(STOCK_OFFSET, value);
        return self();
    }

    /** @return the open eligibility status: {@code 'N'} not eligible, {@code 'Y'} eligible. */
    public byte openEligibilityStatus()
    {
        return alpha1(OPEN_ELIGIBILITY_STATUS_OFFSET);
    }

    /**
     * @param value the open eligibility status: {@code 'N'} not eligible, {@code 'Y'} eligible.
     * @return this flyweight.
     */
    public DlcrPriceDiscovery openEligibilityStatus(final byte value)
    {
        putAlpha1(OPEN_ELIGIBILITY_STATUS_OFFSET, value);
        return self();
    }

    /**
     * @return the minimum allowable price: price(4), 4 implied decimals, read unsigned (see {@link Prices}).
     */
    public long minimumAllowablePrice()
    {
        return uint32(MINIMUM_ALLOWABLE_PRICE_OFFSET);
    }

    /**
     * @param value the minimum allowable price: price(4), 4 implied decimals, read unsigned (see
     * {@link Prices}).
     * @return this flyweight.
     */
    public DlcrPriceDiscovery minimumAllowablePrice(final long value)
    {
        putUint32(MINIMUM_ALLOWABLE_PRICE_OFFSET, value);
        return self();
    }

    /**
     * @return the maximum allowable price: price(4), 4 implied decimals, read unsigned (see {@link Prices}).
     */
    public long maximumAllowablePrice()
    {
        return uint32(MAXIMUM_ALLOWABLE_PRICE_OFFSET);
    }

    /**
     * @param value the maximum allowable price: price(4), 4 implied decimals, read unsigned (see
     * {@link Prices}).
     * @return this flyweight.
     */
    public DlcrPriceDiscovery maximumAllowablePrice(final long value)
    {
        putUint32(MAXIMUM_ALLOWABLE_PRICE_OFFSET, value);
        return self();
    }

    /** @return the near execution price: price(4), 4 implied decimals, read unsigned (see {@link Prices}). */
    public long nearExecutionPrice()
    {
        return uint32(NEAR_EXECUTION_PRICE_OFFSET);
    }

    /**
     * @param value the near execution price: price(4), 4 implied decimals, read unsigned (see
     * {@link Prices}).
     * @return this flyweight.
     */
    public DlcrPriceDiscovery nearExecutionPrice(final long value)
    {
        putUint32(NEAR_EXECUTION_PRICE_OFFSET, value);
        return self();
    }

    /** @return the near execution time in nanoseconds since midnight (uint64). */
    public long nearExecutionTime()
    {
        return uint64(NEAR_EXECUTION_TIME_OFFSET);
    }

    /**
     * @param value the near execution time in nanoseconds since midnight (uint64).
     * @return this flyweight.
     */
    public DlcrPriceDiscovery nearExecutionTime(final long value)
    {
        putUint64(NEAR_EXECUTION_TIME_OFFSET, value);
        return self();
    }

    /**
     * @return the lower price range collar: price(4), 4 implied decimals, read unsigned (see {@link Prices}).
     */
    public long lowerPriceRangeCollar()
    {
        return uint32(LOWER_PRICE_RANGE_COLLAR_OFFSET);
    }

    /**
     * @param value the lower price range collar: price(4), 4 implied decimals, read unsigned (see
     * {@link Prices}).
     * @return this flyweight.
     */
    public DlcrPriceDiscovery lowerPriceRangeCollar(final long value)
    {
        putUint32(LOWER_PRICE_RANGE_COLLAR_OFFSET, value);
        return self();
    }

    /**
     * @return the upper price range collar: price(4), 4 implied decimals, read unsigned (see {@link Prices}).
     */
    public long upperPriceRangeCollar()
    {
        return uint32(UPPER_PRICE_RANGE_COLLAR_OFFSET);
    }

    /**
     * @param value the upper price range collar: price(4), 4 implied decimals, read unsigned (see
     * {@link Prices}).
     * @return this flyweight.
     */
    public DlcrPriceDiscovery upperPriceRangeCollar(final long value)
    {
        putUint32(UPPER_PRICE_RANGE_COLLAR_OFFSET, value);
        return self();
    }
}
