package io.feedhandler.itch50;

/**
 * Order Delete (D): the whole remaining order leaves the book.
 *
 * <pre>
 * 0            11                       19
 * +------------+------------------------+
 * | header 'D' | Order Reference Number |
 * | 11 bytes   | u64                    |
 * +------------+------------------------+
 * </pre>
 */
public final class OrderDelete extends ItchMessage<OrderDelete>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.ORDER_DELETE);

    private static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public OrderDelete()
    {
        super(ItchMessageType.ORDER_DELETE);
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
    public OrderDelete orderReferenceNumber(final long value)
    {
        putUint64(ORDER_REFERENCE_NUMBER_OFFSET, value);
        return self();
    }
}
