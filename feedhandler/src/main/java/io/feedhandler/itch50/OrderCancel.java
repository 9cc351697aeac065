package io.feedhandler.itch50;

/**
 * Order Cancel (X): part of a resting order is cancelled; the remainder stays on the book.
 *
 * <pre>
 * 0            11                       19                 23
 * +------------+------------------------+------------------+
 * | header 'X' | Order Reference Number | Cancelled Shares |
 * | 11 bytes   | u64                    | u32              |
 * +------------+------------------------+------------------+
 * </pre>
 */
public final class OrderCancel extends ItchMessage<OrderCancel>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.ORDER_CANCEL);

    private static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    private static final int CANCELLED_SHARES_OFFSET = 19;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public OrderCancel()
    {
        super(ItchMessageType.ORDER_CANCEL);
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
    public OrderCancel orderReferenceNumber(final long value)
    {
        putUint64(ORDER_REFERENCE_NUMBER_OFFSET, value);
        return self();
    }

    /** @return the cancelled quantity (uint32), to subtract from the order. */
    public long cancelledShares()
    {
        return uint32(CANCELLED_SHARES_OFFSET);
    }

    /**
     * @param value the cancelled quantity (uint32), to subtract from the order.
     * @return this flyweight.
     */
    public OrderCancel cancelledShares(final long value)
    {
        putUint32(CANCELLED_SHARES_OFFSET, value);
        return self();
    }
}
