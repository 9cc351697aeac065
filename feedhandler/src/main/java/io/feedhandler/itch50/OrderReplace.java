package io.feedhandler.itch50;

/**
 * Order Replace (U): an order is removed and a new one added with the same side and stock.
 *
 * <pre>
 * 0            11                         19                    27       31         35
 * +------------+--------------------------+---------------------+--------+----------+
 * | header 'U' | Original Order Reference | New Order Reference | Shares | Price    |
 * | 11 bytes   | u64                      | u64                 | u32    | price(4) |
 * +------------+--------------------------+---------------------+--------+----------+
 * </pre>
 *
 * <p>Neither side nor stock is repeated: take them from the original order. The original reference is dead
 * afterwards and the new order has lost its time priority.
 */
public final class OrderReplace extends ItchMessage<OrderReplace>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.ORDER_REPLACE);

    private static final int ORIGINAL_ORDER_REFERENCE_NUMBER_OFFSET = 11;
    private static final int NEW_ORDER_REFERENCE_NUMBER_OFFSET = 19;
    private static final int SHARES_OFFSET = 27;
    private static final int PRICE_OFFSET = 31;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public OrderReplace()
    {
        super(ItchMessageType.ORDER_REPLACE);
    }

    /** @return the original order reference number: uint64 (unsigned: see {@link ItchMessage}). */
    public long originalOrderReferenceNumber()
    {
        return uint64(ORIGINAL_ORDER_REFERENCE_NUMBER_OFFSET);
    }

    /**
     * @param value the original order reference number: uint64 (unsigned: see {@link ItchMessage}).
     * @return this flyweight.
     */
    public OrderReplace originalOrderReferenceNumber(final long value)
    {
        putUint64(ORIGINAL_ORDER_REFERENCE_NUMBER_OFFSET, value);
        return self();
    }

    /** @return the new order reference number: uint64 (unsigned: see {@link ItchMessage}). */
    public long newOrderReferenceNumber()
    {
        return uint64(NEW_ORDER_REFERENCE_NUMBER_OFFSET);
    }

    /**
     * @param value the new order reference number: uint64 (unsigned: see {@link ItchMessage}).
     * @return this flyweight.
     */
    public OrderReplace newOrderReferenceNumber(final long value)
    {
        putUint64(NEW_ORDER_REFERENCE_NUMBER_OFFSET, value);
        return self();
    }

    /** @return the new displayed quantity (uint32). */
    public long shares()
    {
        return uint32(SHARES_OFFSET);
    }

    /**
     * @param value the new displayed quantity (uint32).
     * @return this flyweight.
     */
    public OrderReplace shares(final long value)
    {
        putUint32(SHARES_OFFSET, value);
        return self();
    }

    /** @return the new display price: price(4), 4 implied decimals, read unsigned (see {@link Prices}). */
    public long price()
    {
        return uint32(PRICE_OFFSET);
    }

    /**
     * @param value the new display price: price(4), 4 implied decimals, read unsigned (see {@link Prices}).
     * @return this flyweight.
     */
    public OrderReplace price(final long value)
    {
        putUint32(PRICE_OFFSET, value);
        return self();
    }
}
