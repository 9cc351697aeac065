package io.feedhandler.itch50;

/**
 * System Event (S): a market-wide event in the day's schedule.
 *
 * <pre>
 * 0            11           12
 * +------------+------------+
 * | header 'S' | Event Code |
 * | 11 bytes   | a1         |
 * +------------+------------+
 * </pre>
 *
 * <p>Stock locate is 0. The day runs O, S, Q, M, E, C; see the event code constants.
 */
public final class SystemEvent extends ItchMessage<SystemEvent>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.SYSTEM_EVENT);

    /** Event code: the first message of the day. */
    public static final byte START_OF_MESSAGES = 'O';

    /** Event code: Nasdaq is open and starting to accept orders. */
    public static final byte START_OF_SYSTEM_HOURS = 'S';

    /** Event code: the market session (09:30) begins. */
    public static final byte START_OF_MARKET_HOURS = 'Q';

    /** Event code: the market session (16:00) ends. */
    public static final byte END_OF_MARKET_HOURS = 'M';

    /** Event code: Nasdaq stops accepting orders. */
    public static final byte END_OF_SYSTEM_HOURS = 'E';

    /** Event code: the last message of the day. */
    public static final byte END_OF_MESSAGES = 'C';

    private static final int EVENT_CODE_OFFSET = 11;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public SystemEvent()
    {
        super(ItchMessageType.SYSTEM_EVENT);
    }

    /**
     * @return the event code: {@code 'O'} start of messages, {@code 'S'} start of system hours, {@code 'Q'}
     * start of market hours, {@code 'M'} end of market hours, {@code 'E'} end of system hours, {@code 'C'}
     * end of messages.
     */
    public byte eventCode()
    {
        return alpha1(EVENT_CODE_OFFSET);
    }

    /**
     * @param value the event code: {@code 'O'} start of messages, {@code 'S'} start of system hours,
     * {@code 'Q'} start of market hours, {@code 'M'} end of market hours, {@code 'E'} end of system hours,
     * {@code 'C'} end of messages.
     * @return this flyweight.
     */
    public SystemEvent eventCode(final byte value)
    {
        putAlpha1(EVENT_CODE_OFFSET, value);
        return self();
    }
}
