package io.feedhandler.book;

/**
 * The displayed shares and orders at one price on one side of a book. Pooled by
 * {@link LevelPool}; a level exists while at least one order rests on it.
 */
public final class PriceLevel
{
    OrderBook book;
    byte side;
    long price;
    long shares;
    int orders;
    PriceLevel nextFree;

    /** @return the book it belongs to. */
    public OrderBook book()
    {
        return book;
    }

    /** @return {@code 'B'} or {@code 'S'}. */
    public byte side()
    {
        return side;
    }

    /** @return the price, price(4). */
    public long price()
    {
        return price;
    }

    /** @return displayed shares at this price. */
    public long shares()
    {
        return shares;
    }

    /** @return displayed orders at this price. */
    public int orders()
    {
        return orders;
    }
}
