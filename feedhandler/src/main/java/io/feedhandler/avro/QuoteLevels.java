package io.feedhandler.avro;

/**
 * One side of a book's depth for a {@code Quote}: price levels from the best outwards, in
 * preallocated primitive arrays. Reused: {@link #clear()}, then {@link #add} level by level.
 */
public final class QuoteLevels
{
    private final long[] prices;
    private final long[] shares;
    private final int[] orders;
    private int count;

    /** @param capacity the most levels it holds. */
    public QuoteLevels(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("quote depth capacity must be at least 1 level, got " + capacity);
        }
        prices = new long[capacity];
        shares = new long[capacity];
        orders = new int[capacity];
    }

    /** @return this, emptied. */
    public QuoteLevels clear()
    {
        count = 0;
        return this;
    }

    /**
     * @param price  the level's price, price(4).
     * @param shares displayed shares at that price.
     * @param orders displayed orders at that price.
     * @return this.
     * @throws IllegalStateException if it is full.
     */
    public QuoteLevels add(final long price, final long shares, final int orders)
    {
        if (count == prices.length)
        {
            throw new IllegalStateException("quote depth holds at most " + prices.length + " levels");
        }
        this.prices[count] = price;
        this.shares[count] = shares;
        this.orders[count] = orders;
        count++;
        return this;
    }

    /** @return levels held. */
    public int count()
    {
        return count;
    }

    /** @return the most levels it holds. */
    public int capacity()
    {
        return prices.length;
    }

    /**
     * @param level 0 for the best.
     * @return its price, price(4).
     */
    public long price(final int level)
    {
        return prices[level];
    }

    /**
     * @param level 0 for the best.
     * @return its displayed shares.
     */
    public long shares(final int level)
    {
        return shares[level];
    }

    /**
     * @param level 0 for the best.
     * @return its displayed orders.
     */
    public int orders(final int level)
    {
        return orders[level];
    }
}
