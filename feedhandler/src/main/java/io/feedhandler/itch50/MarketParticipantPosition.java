package io.feedhandler.itch50;

/**
 * Market Participant Position (L): a market maker's status in one security.
 *
 * <pre>
 * 0            11        15        23    24     25   26
 * +------------+---------+---------+-----+------+----+
 * | header 'L' | MPID    | Stock   | Pri | Mode | St |
 * | 11 bytes   | alpha 4 | alpha 8 | a1  | a1   | a1 |
 * +------------+---------+---------+-----+------+----+
 * </pre>
 */
public final class MarketParticipantPosition extends ItchMessage<MarketParticipantPosition>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.MARKET_PARTICIPANT_POSITION);

    private static final int MPID_OFFSET = 11;
    private static final int STOCK_OFFSET = 15;
    private static final int PRIMARY_MARKET_MAKER_OFFSET = 23;
    private static final int MARKET_MAKER_MODE_OFFSET = 24;
    private static final int MARKET_PARTICIPANT_STATE_OFFSET = 25;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public MarketParticipantPosition()
    {
        super(ItchMessageType.MARKET_PARTICIPANT_POSITION);
    }

    /**
     * @return the market participant identifier: alpha(4) as 4 raw bytes big-endian in an {@code int} (see
     * {@link Alpha}).
     */
    public int mpid()
    {
        return alpha4(MPID_OFFSET);
    }

    /**
     * @param value the market participant identifier: alpha(4) as 4 raw bytes big-endian in an {@code int}
     * (see {@link Alpha}).
     * @return this flyweight.
     */
    public MarketParticipantPosition mpid(final int value)
    {
        putAlpha4(MPID_OFFSET, value);
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
    public MarketParticipantPosition stock(final long value)
    {
        putAlpha8(STOCK_OFFSET, value);
        return self();
    }

    /** @return the primary market maker flag: {@code 'Y'} primary, {@code 'N'} not primary. */
    public byte primaryMarketMaker()
    {
        return alpha1(PRIMARY_MARKET_MAKER_OFFSET);
    }

    /**
     * @param value the primary market maker flag: {@code 'Y'} primary, {@code 'N'} not primary.
     * @return this flyweight.
     */
    public MarketParticipantPosition primaryMarketMaker(final byte value)
    {
        putAlpha1(PRIMARY_MARKET_MAKER_OFFSET, value);
        return self();
    }

    /**
     * @return the market maker mode: {@code 'N'} normal, {@code 'P'} passive, {@code 'S'} syndicate,
     * {@code 'R'} pre-syndicate, {@code 'L'} penalty.
     */
    public byte marketMakerMode()
    {
        return alpha1(MARKET_MAKER_MODE_OFFSET);
    }

    /**
     * @param value the market maker mode: {@code 'N'} normal, {@code 'P'} passive, {@code 'S'} syndicate,
     * {@code 'R'} pre-syndicate, {@code 'L'} penalty.
     * @return this flyweight.
     */
    public MarketParticipantPosition marketMakerMode(final byte value)
    {
        putAlpha1(MARKET_MAKER_MODE_OFFSET, value);
        return self();
    }

    /**
     * @return the market participant state: {@code 'A'} active, {@code 'E'} excused, {@code 'W'} withdrawn,
     * {@code 'S'} suspended, {@code 'D'} deleted.
     */
    public byte marketParticipantState()
    {
        return alpha1(MARKET_PARTICIPANT_STATE_OFFSET);
    }

    /**
     * @param value the market participant state: {@code 'A'} active, {@code 'E'} excused, {@code 'W'}
     * withdrawn, {@code 'S'} suspended, {@code 'D'} deleted.
     * @return this flyweight.
     */
    public MarketParticipantPosition marketParticipantState(final byte value)
    {
        putAlpha1(MARKET_PARTICIPANT_STATE_OFFSET, value);
        return self();
    }
}
