package io.feedhandler.book;

/**
 * One resting order: pooled by {@link OrderPool}, found by its reference number in
 * {@link OrderBooks}, and pointing at the {@link PriceLevel} it rests on, so an execution,
 * cancel or delete reaches its level without a search.
 */
public final class Order
{
    long reference;
    OrderBook book;
    PriceLevel level;
    long shares;
    Order nextFree;

    /** @return the order reference number (uint64 bits). */
    public long reference()
    {
        return reference;
    }

    /** @return the book it rests on. */
    public OrderBook book()
    {
        return book;
    }

    /** @return its side, {@code 'B'} or {@code 'S'}. */
    public byte side()
    {
        return level.side;
    }

    /** @return its display price, price(4). */
    public long price()
    {
        return level.price;
    }

    /** @return its remaining displayed shares. */
    public long shares()
    {
        return shares;
    }
}
