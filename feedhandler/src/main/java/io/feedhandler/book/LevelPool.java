package io.feedhandler.book;

/**
 * Preallocated {@link PriceLevel}s on a free list; like {@link OrderPool}, it creates (and counts)
 * a level only when the list is empty.
 */
public final class LevelPool
{
    private PriceLevel free;
    private long created;

    /** @param preallocated levels created up front. */
    public LevelPool(final int preallocated)
    {
        for (int i = 0; i < preallocated; i++)
        {
            release(new PriceLevel());
            created++;
        }
    }

    PriceLevel acquire(final byte side, final long price)
    {
        PriceLevel level = free;
        if (level == null)
        {
            created++;
            level = new PriceLevel();
        }
        else
        {
            free = level.nextFree;
            level.nextFree = null;
        }
        level.side = side;
        level.price = price;
        level.shares = 0;
        level.orders = 0;
        return level;
    }

    void release(final PriceLevel level)
    {
        level.nextFree = free;
        free = level;
    }

    /** @return levels this pool ever created, preallocated ones included. */
    public long created()
    {
        return created;
    }
}
