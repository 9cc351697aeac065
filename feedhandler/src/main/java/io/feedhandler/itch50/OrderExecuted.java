package io.feedhandler.itch50;

/**
 * Order Executed (E): part or all of a resting order traded at its display price.
 *
 * <pre>
 * 0            11                       19                23             31
 * +------------+------------------------+-----------------+--------------+
 * | header 'E' | Order Reference Number | Executed Shares | Match Number |
 * | 11 bytes   | u64                    | u32             | u64          |
 * +------------+------------------------+-----------------+--------------+
 * </pre>
 */
public final class OrderExecuted extends ItchMessage<OrderExecuted>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.ORDER_EXECUTED);

    private static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    private static final int EXECUTED_SHARES_OFFSET = 19;
    private static final int MATCH_NUMBER_OFFSET = 23;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public OrderExecuted()
    {
        super(ItchMessageType.ORDER_EXECUTED);
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
    public OrderExecuted orderReferenceNumber(final long value)
    {
        putUint64(ORDER_REFERENCE_NUMBER_OFFSET, value);
        return self();
    }

    /** @return the executed quantity (uint32), to subtract from the order. */
    public long executedShares()
    {
        return uint32(EXECUTED_SHARES_OFFSET);
    }

    /**
     * @param value the executed quantity (uint32), to subtract from the order.
     * @return this flyweight.
     */
    public OrderExecuted executedShares(final long value)
    {
        putUint32(EXECUTED_SHARES_OFFSET, value);
        return self();
    }

    /** @return the match number: uint64, unique for the day; a later B (Broken Trade) refers to it. */
    public long matchNumber()
    {
        return uint64(MATCH_NUMBER_OFFSET);
    }

    /**
     * @param value the match number: uint64, unique for the day; a later B (Broken Trade) refers to it.
     * @return this flyweight.
     */
    public OrderExecuted matchNumber(final long value)
    {
        putUint64(MATCH_NUMBER_OFFSET, value);
        return self();
    }
}
