package io.feedhandler.itch50;

/**
 * Stock Directory (R): one security's reference data, and the stock locate it has for the day.
 *
 * <pre>
 * 0            11        19        20    21          25    26    27        29    30    31    32
 * +------------+---------+---------+-----+-----------+-----+-----+---------+-----+-----+-----+
 * | header 'R' | Stock   | Mkt Cat | Fin | Round Lot | RLO | Cls | Sub     | Aut | SST | IPO |
 * | 11 bytes   | alpha 8 | a1      | a1  | u32       | a1  | a1  | alpha 2 | a1  | a1  | a1  |
 * +------------+---------+---------+-----+-----------+-----+-----+---------+-----+-----+-----+
 *
 * 32     33    34         38    39
 * +------+-----+----------+-----+
 * | Tier | ETP | Leverage | Inv |
 * | a1   | a1  | u32      | a1  |
 * +------+-----+----------+-----+
 * </pre>
 *
 * <p>The stock locate in the header is the security's index for every later message of the day. Sent before
 * market open for every security, and intraday for new listings.
 */
public final class StockDirectory extends ItchMessage<StockDirectory>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.STOCK_DIRECTORY);

    private static final int STOCK_OFFSET = 11;
    private static final int MARKET_CATEGORY_OFFSET = 19;
    private static final int FINANCIAL_STATUS_INDICATOR_OFFSET = 20;
    private static final int ROUND_LOT_SIZE_OFFSET = 21;
    private static final int ROUND_LOTS_ONLY_OFFSET = 25;
    private static final int ISSUE_CLASSIFICATION_OFFSET = 26;
    private static final int ISSUE_SUB_TYPE_OFFSET = 27;
    private static final int AUTHENTICITY_OFFSET = 29;
    private static final int SHORT_SALE_THRESHOLD_INDICATOR_OFFSET = 30;
    private static final int IPO_FLAG_OFFSET = 31;
    private static final int LULD_REFERENCE_PRICE_TIER_OFFSET = 32;
    private static final int ETP_FLAG_OFFSET = 33;
    private static final int ETP_LEVERAGE_FACTOR_OFFSET = 34;
    private static final int INVERSE_INDICATOR_OFFSET = 38;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public StockDirectory()
    {
        super(ItchMessageType.STOCK_DIRECTORY);
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
    public StockDirectory stock(final long value)
    {
        putAlpha8(STOCK_OFFSET, value);
        return self();
    }

    /**
     * @return the market category: {@code 'Q'} Global Select, {@code 'G'} Global Market, {@code 'S'} Capital
     * Market, {@code 'N'} NYSE, {@code 'A'} NYSE American, {@code 'P'} NYSE Arca, {@code 'Z'} Cboe BZX,
     * {@code 'V'} IEX, space not available.
     */
    public byte marketCategory()
    {
        return alpha1(MARKET_CATEGORY_OFFSET);
    }

    /**
     * @param value the market category: {@code 'Q'} Global Select, {@code 'G'} Global Market, {@code 'S'}
     * Capital Market, {@code 'N'} NYSE, {@code 'A'} NYSE American, {@code 'P'} NYSE Arca, {@code 'Z'} Cboe
     * BZX, {@code 'V'} IEX, space not available.
     * @return this flyweight.
     */
    public StockDirectory marketCategory(final byte value)
    {
        putAlpha1(MARKET_CATEGORY_OFFSET, value);
        return self();
    }

    /**
     * @return the financial status indicator: {@code 'N'} normal, {@code 'D'} deficient, {@code 'E'}
     * delinquent, {@code 'Q'} bankrupt, {@code 'S'} suspended, combinations {@code 'G' 'H' 'J' 'K'},
     * {@code 'C'} ETP creations/redemptions suspended, space not available.
     */
    public byte financialStatusIndicator()
    {
        return alpha1(FINANCIAL_STATUS_INDICATOR_OFFSET);
    }

    /**
     * @param value the financial status indicator: {@code 'N'} normal, {@code 'D'} deficient, {@code 'E'}
     * delinquent, {@code 'Q'} bankrupt, {@code 'S'} suspended, combinations {@code 'G' 'H' 'J' 'K'},
     * {@code 'C'} ETP creations/redemptions suspended, space not available.
     * @return this flyweight.
     */
    public StockDirectory financialStatusIndicator(final byte value)
    {
        putAlpha1(FINANCIAL_STATUS_INDICATOR_OFFSET, value);
        return self();
    }

    /** @return the round lot size in shares (uint32). */
    public long roundLotSize()
    {
        return uint32(ROUND_LOT_SIZE_OFFSET);
    }

    /**
     * @param value the round lot size in shares (uint32).
     * @return this flyweight.
     */
    public StockDirectory roundLotSize(final long value)
    {
        putUint32(ROUND_LOT_SIZE_OFFSET, value);
        return self();
    }

    /**
     * @return the round lots only flag: {@code 'Y'} only round lots accepted, {@code 'N'} odd and mixed lots
     * allowed.
     */
    public byte roundLotsOnly()
    {
        return alpha1(ROUND_LOTS_ONLY_OFFSET);
    }

    /**
     * @param value the round lots only flag: {@code 'Y'} only round lots accepted, {@code 'N'} odd and mixed
     * lots allowed.
     * @return this flyweight.
     */
    public StockDirectory roundLotsOnly(final byte value)
    {
        putAlpha1(ROUND_LOTS_ONLY_OFFSET, value);
        return self();
    }

    /**
     * @return the issue classification, e.g. {@code 'C'} common stock, {@code 'A'} ADS, {@code 'P'}
     * preferred, {@code 'U'} unit, {@code 'W'} warrant.
     */
    public byte issueClassification()
    {
        return alpha1(ISSUE_CLASSIFICATION_OFFSET);
    }

    /**
     * @param value the issue classification, e.g. {@code 'C'} common stock, {@code 'A'} ADS, {@code 'P'}
     * preferred, {@code 'U'} unit, {@code 'W'} warrant.
     * @return this flyweight.
     */
    public StockDirectory issueClassification(final byte value)
    {
        putAlpha1(ISSUE_CLASSIFICATION_OFFSET, value);
        return self();
    }

    /**
     * @return the issue sub-type: alpha(2), one or two letters, space padded, as 2 raw bytes big-endian in a
     * {@code short} (see {@link Alpha}).
     */
    public short issueSubType()
    {
        return alpha2(ISSUE_SUB_TYPE_OFFSET);
    }

    /**
     * @param value the issue sub-type: alpha(2), one or two letters, space padded, as 2 raw bytes big-endian
     * in a {@code short} (see {@link Alpha}).
     * @return this flyweight.
     */
    public StockDirectory issueSubType(final short value)
    {
        putAlpha2(ISSUE_SUB_TYPE_OFFSET, value);
        return self();
    }

    /** @return the authenticity: {@code 'P'} live/production, {@code 'T'} test security. */
    public byte authenticity()
    {
        return alpha1(AUTHENTICITY_OFFSET);
    }

    /**
     * @param value the authenticity: {@code 'P'} live/production, {@code 'T'} test security.
     * @return this flyweight.
     */
    public StockDirectory authenticity(final byte value)
    {
        putAlpha1(AUTHENTICITY_OFFSET, value);
        return self();
    }

    /**
     * @return the short sale threshold indicator: {@code 'Y'} restricted, {@code 'N'} not restricted, space
     * not available.
     */
    public byte shortSaleThresholdIndicator()
    {
        return alpha1(SHORT_SALE_THRESHOLD_INDICATOR_OFFSET);
    }

    /**
     * @param value the short sale threshold indicator: {@code 'Y'} restricted, {@code 'N'} not restricted,
     * space not available.
     * @return this flyweight.
     */
    public StockDirectory shortSaleThresholdIndicator(final byte value)
    {
        putAlpha1(SHORT_SALE_THRESHOLD_INDICATOR_OFFSET, value);
        return self();
    }

    /** @return the IPO flag: {@code 'Y'} new IPO, {@code 'N'} not an IPO, space not available. */
    public byte ipoFlag()
    {
        return alpha1(IPO_FLAG_OFFSET);
    }

    /**
     * @param value the IPO flag: {@code 'Y'} new IPO, {@code 'N'} not an IPO, space not available.
     * @return this flyweight.
     */
    public StockDirectory ipoFlag(final byte value)
    {
        putAlpha1(IPO_FLAG_OFFSET, value);
        return self();
    }

    /** @return the LULD reference price tier: {@code '1'} tier 1, {@code '2'} tier 2, space not available. */
    public byte luldReferencePriceTier()
    {
        return alpha1(LULD_REFERENCE_PRICE_TIER_OFFSET);
    }

    /**
     * @param value the LULD reference price tier: {@code '1'} tier 1, {@code '2'} tier 2, space not
     * available.
     * @return this flyweight.
     */
    public StockDirectory luldReferencePriceTier(final byte value)
    {
        putAlpha1(LULD_REFERENCE_PRICE_TIER_OFFSET, value);
        return self();
    }

    /**
     * @return the ETP flag: {@code 'Y'} exchange-traded product, {@code 'N'} not an ETP, space not available.
     */
    public byte etpFlag()
    {
        return alpha1(ETP_FLAG_OFFSET);
    }

    /**
     * @param value the ETP flag: {@code 'Y'} exchange-traded product, {@code 'N'} not an ETP, space not
     * available.
     * @return this flyweight.
     */
    public StockDirectory etpFlag(final byte value)
    {
        putAlpha1(ETP_FLAG_OFFSET, value);
        return self();
    }

    /** @return the ETP leverage factor (uint32). */
    public long etpLeverageFactor()
    {
        return uint32(ETP_LEVERAGE_FACTOR_OFFSET);
    }

    /**
     * @param value the ETP leverage factor (uint32).
     * @return this flyweight.
     */
    public StockDirectory etpLeverageFactor(final long value)
    {
        putUint32(ETP_LEVERAGE_FACTOR_OFFSET, value);
        return self();
    }

    /** @return the inverse indicator: {@code 'Y'} inverse ETP, {@code 'N'} not inverse. */
    public byte inverseIndicator()
    {
        return alpha1(INVERSE_INDICATOR_OFFSET);
    }

    /**
     * @param value the inverse indicator: {@code 'Y'} inverse ETP, {@code 'N'} not inverse.
     * @return this flyweight.
     */
    public StockDirectory inverseIndicator(final byte value)
    {
        putAlpha1(INVERSE_INDICATOR_OFFSET, value);
        return self();
    }
}
