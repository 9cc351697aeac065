package io.feedhandler.itch50;

/**
 * MWCB Decline Level (V): the S&amp;P 500 values that trigger each market-wide circuit breaker level.
 *
 * <pre>
 * 0            11         19         27         35
 * +------------+----------+----------+----------+
 * | header 'V' | Level 1  | Level 2  | Level 3  |
 * | 11 bytes   | price(8) | price(8) | price(8) |
 * +------------+----------+----------+----------+
 * </pre>
 *
 * <p>Stock locate is 0. The levels are price(8): 8 implied decimals in 64 bits, unlike every other price.
 */
public final class MwcbDeclineLevel extends ItchMessage<MwcbDeclineLevel>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.MWCB_DECLINE_LEVEL);

    private static final int LEVEL1_OFFSET = 11;
    private static final int LEVEL2_OFFSET = 19;
    private static final int LEVEL3_OFFSET = 27;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public MwcbDeclineLevel()
    {
        super(ItchMessageType.MWCB_DECLINE_LEVEL);
    }

    /**
     * @return the level 1 (7 % decline) value: price(8), uint64 with 8 implied decimals (see {@link Prices}).
     */
    public long level1()
    {
        return uint64(LEVEL1_OFFSET);
    }

    /**
     * @param value the level 1 (7 % decline) value: price(8), uint64 with 8 implied decimals (see
     * {@link Prices}).
     * @return this flyweight.
     */
    public MwcbDeclineLevel level1(final long value)
    {
        putUint64(LEVEL1_OFFSET, value);
        return self();
    }

    /** @return the level 2 (13 % decline) value: price(8), uint64 with 8 implied decimals. */
    public long level2()
    {
        return uint64(LEVEL2_OFFSET);
    }

    /**
     * @param value the level 2 (13 % decline) value: price(8), uint64 with 8 implied decimals.
     * @return this flyweight.
     */
    public MwcbDeclineLevel level2(final long value)
    {
        putUint64(LEVEL2_OFFSET, value);
        return self();
    }

    /** @return the level 3 (20 % decline) value: price(8), uint64 with 8 implied decimals. */
    public long level3()
    {
        return uint64(LEVEL3_OFFSET);
    }

    /**
     * @param value the level 3 (20 % decline) value: price(8), uint64 with 8 implied decimals.
     * @return this flyweight.
     */
    public MwcbDeclineLevel level3(final long value)
    {
        putUint64(LEVEL3_OFFSET, value);
        return self();
    }
}
