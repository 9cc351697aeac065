package io.feedhandler.itch50;

/**
 * Broken Trade (B): an earlier E, C, P or Q execution has been broken.
 *
 * <pre>
 * 0            11             19
 * +------------+--------------+
 * | header 'B' | Match Number |
 * | 11 bytes   | u64          |
 * +------------+--------------+
 * </pre>
 *
 * <p>The book is not changed; only trade statistics are reversed.
 */
public final class BrokenTrade extends ItchMessage<BrokenTrade>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.BROKEN_TRADE);

    private static final int MATCH_NUMBER_OFFSET = 11;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public BrokenTrade()
    {
        super(ItchMessageType.BROKEN_TRADE);
    }

    /** @return the match number of the broken execution: uint64 (unsigned: see {@link ItchMessage}). */
    public long matchNumber()
    {
        return uint64(MATCH_NUMBER_OFFSET);
    }

    /**
     * @param value the match number of the broken execution: uint64 (unsigned: see {@link ItchMessage}).
     * @return this flyweight.
     */
    public BrokenTrade matchNumber(final long value)
    {
        putUint64(MATCH_NUMBER_OFFSET, value);
        return self();
    }
}
