package io.feedhandler.itch50;

/**
 * MWCB Status (W): a market-wide circuit breaker level has been breached.
 *
 * <pre>
 * 0            11      12
 * +------------+-------+
 * | header 'W' | Level |
 * | 11 bytes   | a1    |
 * +------------+-------+
 * </pre>
 *
 * <p>Stock locate is 0.
 */
public final class MwcbStatus extends ItchMessage<MwcbStatus>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.MWCB_STATUS);

    private static final int BREACHED_LEVEL_OFFSET = 11;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public MwcbStatus()
    {
        super(ItchMessageType.MWCB_STATUS);
    }

    /** @return the breached level: {@code '1'}, {@code '2'} or {@code '3'}. */
    public byte breachedLevel()
    {
        return alpha1(BREACHED_LEVEL_OFFSET);
    }

    /**
     * @param value the breached level: {@code '1'}, {@code '2'} or {@code '3'}.
     * @return this flyweight.
     */
    public MwcbStatus breachedLevel(final byte value)
    {
        putAlpha1(BREACHED_LEVEL_OFFSET, value);
        return self();
    }
}
