package io.feedhandler.book;

/**
 * Preallocated {@link Order}s on a free list. When it runs dry it creates one more order, and
 * counts it: after a day's peak the pool holds that peak and stops creating (memory stays flat).
 */
public final class OrderPool
{
    private Order free;
    private long created;
    private long available;

    /** @param preallocated orders created up front. */
    public OrderPool(final int preallocated)
    {
        for (int i = 0; i < preallocated; i++)
        {
            release(new Order());
            created++;
        }
    }

    Order acquire()
    {
        final Order order = free;
        if (order == null)
        {
            created++;
            return new Order();
        }
        free = order.nextFree;
        order.nextFree = null;
        available--;
        return order;
    }

    void release(final Order order)
    {
        order.book = null;
        order.level = null;
        order.nextFree = free;
        free = order;
        available++;
    }

    /** @return orders this pool ever created, preallocated ones included. */
    public long created()
    {
        return created;
    }

    /** @return orders on the free list now. */
    public long available()
    {
        return available;
    }
}
