package io.feedhandler.book;

/**
 * One resting order: pooled by {@link OrderPool}, found by its reference number in
 * {@link OrderBooks}, and pointing at the {@link PriceLevel} it rests on, so an execution,
 * cancel or delete reaches its level without a search.
 */
public final class Order
{
    // 32 bytes with compressed references: the book is reached through the level, and the pool
    // keeps free orders in an array, so nothing else needs a field here. Small orders mean more of
    // a day's live orders stay in cache.
    long reference;
    long shares;
    PriceLevel level;

    /** @return the order reference number (uint64 bits). */
    public long reference()
    {
        return reference;
    }

    /** @return the book it rests on. */
    public OrderBook book()
    {
        return level.book;
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
