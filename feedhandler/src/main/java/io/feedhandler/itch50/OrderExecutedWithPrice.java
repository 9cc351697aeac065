package io.feedhandler.itch50;

/**
 * Order Executed With Price (C): part or all of a resting order traded at a price other than its display
 * price.
 *
 * <pre>
 * 0            11                       19                23             31    32                36
 * +------------+------------------------+-----------------+--------------+-----+-----------------+
 * | header 'C' | Order Reference Number | Executed Shares | Match Number | Prt | Execution Price |
 * | 11 bytes   | u64                    | u32             | u64          | a1  | price(4)        |
 * +------------+------------------------+-----------------+--------------+-----+-----------------+
 * </pre>
 *
 * <p>A non-printable execution was already counted elsewhere (for example in a Q cross): do not add it to
 * volume.
 */
public final class OrderExecutedWithPrice extends ItchMessage<OrderExecutedWithPrice>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.ORDER_EXECUTED_WITH_PRICE);

    private static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    private static final int EXECUTED_SHARES_OFFSET = 19;
    private static final int MATCH_NUMBER_OFFSET = 23;
    private static final int PRINTABLE_OFFSET = 31;
    private static final int EXECUTION_PRICE_OFFSET = 32;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public OrderExecutedWithPrice()
    {
        super(ItchMessageType.ORDER_EXECUTED_WITH_PRICE);
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
    public OrderExecutedWithPrice orderReferenceNumber(final long value)
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
    public OrderExecutedWithPrice executedShares(final long value)
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
    public OrderExecutedWithPrice matchNumber(final long value)
    {
        putUint64(MATCH_NUMBER_OFFSET, value);
        return self();
    }

    /** @return the printable flag: {@code 'Y'} printable, {@code 'N'} non-printable. */
    public byte printable()
    {
        return alpha1(PRINTABLE_OFFSET);
    }

    /**
     * @param value the printable flag: {@code 'Y'} printable, {@code 'N'} non-printable.
     * @return this flyweight.
     */
    public OrderExecutedWithPrice printable(final byte value)
    {
        putAlpha1(PRINTABLE_OFFSET, value);
        return self();
    }

    /** @return the execution price: price(4), 4 implied decimals, read unsigned (see {@link Prices}). */
    public long executionPrice()
    {
        return uint32(EXECUTION_PRICE_OFFSET);
    }

    /**
     * @param value the execution price: price(4), 4 implied decimals, read unsigned (see {@link Prices}).
     * @return this flyweight.
     */
    public OrderExecutedWithPrice executionPrice(final long value)
    {
        putUint32(EXECUTION_PRICE_OFFSET, value);
        return self();
    }
}
