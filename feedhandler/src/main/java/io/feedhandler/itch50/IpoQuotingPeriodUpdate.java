package io.feedhandler.itch50;

/**
 * IPO Quoting Period Update (K): when an IPO's quotation is expected to be released.
 *
 * <pre>
 * 0            11        19             23   24          28
 * +------------+---------+--------------+----+-----------+
 * | header 'K' | Stock   | Release Time | Q  | IPO Price |
 * | 11 bytes   | alpha 8 | u32          | a1 | price(4)  |
 * +------------+---------+--------------+----+-----------+
 * </pre>
 */
public final class IpoQuotingPeriodUpdate extends ItchMessage<IpoQuotingPeriodUpdate>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.IPO_QUOTING_PERIOD_UPDATE);

    private static final int STOCK_OFFSET = 11;
    private static final int IPO_QUOTATION_RELEASE_TIME_OFFSET = 19;
    private static final int IPO_QUOTATION_RELEASE_QUALIFIER_OFFSET = 23;
    private static final int IPO_PRICE_OFFSET = 24;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public IpoQuotingPeriodUpdate()
    {
        super(ItchMessageType.IPO_QUOTING_PERIOD_UPDATE);
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
    public IpoQuotingPeriodUpdate stock(final long value)
    {
        putAlpha8(STOCK_OFFSET, value);
        return self();
    }

    /** @return the IPO quotation release time in <b>seconds</b> since midnight (uint32), not nanoseconds. */
    public long ipoQuotationReleaseTime()
    {
        return uint32(IPO_QUOTATION_RELEASE_TIME_OFFSET);
    }

    /**
     * @param value the IPO quotation release time in <b>seconds</b> since midnight (uint32), not nanoseconds.
     * @return this flyweight.
     */
    public IpoQuotingPeriodUpdate ipoQuotationReleaseTime(final long value)
    {
        putUint32(IPO_QUOTATION_RELEASE_TIME_OFFSET, value);
        return self();
    }

    /**
     * @return the release qualifier: {@code 'A'} anticipated release time, {@code 'C'} release cancelled or
     * postponed.
     */
    public byte ipoQuotationReleaseQualifier()
    {
        return alpha1(IPO_QUOTATION_RELEASE_QUALIFIER_OFFSET);
    }

    /**
     * @param value the release qualifier: {@code 'A'} anticipated release time, {@code 'C'} release cancelled
     * or postponed.
     * @return this flyweight.
     */
    public IpoQuotingPeriodUpdate ipoQuotationReleaseQualifier(final byte value)
    {
        putAlpha1(IPO_QUOTATION_RELEASE_QUALIFIER_OFFSET, value);
        return self();
    }

    /** @return the IPO price: price(4), 4 implied decimals, read unsigned (see {@link Prices}). */
    public long ipoPrice()
    {
        return uint32(IPO_PRICE_OFFSET);
    }

    /**
     * @param value the IPO price: price(4), 4 implied decimals, read unsigned (see {@link Prices}).
     * @return this flyweight.
     */
    public IpoQuotingPeriodUpdate ipoPrice(final long value)
    {
        putUint32(IPO_PRICE_OFFSET, value);
        return self();
    }
}
