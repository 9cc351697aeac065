package io.feedhandler.book;

/**
 * Preallocated {@link Order}s on a stack (an array, so an order needs no link field). When it
 * runs dry it creates one more order, and counts it: after a day's peak the pool holds that peak
 * and stops creating (memory stays flat). The stack doubles when a release finds it full, which
 * happens only while the peak grows.
 */
public final class OrderPool
{
    private Order[] free;
    private int available;
    private long created;

    /** @param preallocated orders created up front. */
    public OrderPool(final int preallocated)
    {
        free = new Order[Math.max(16, preallocated)];
        for (int i = 0; i < preallocated; i++)
        {
            free[available++] = new Order();
            created++;
        }
    }

    Order acquire()
    {
        if (available == 0)
        {
            created++;
            return new Order();
        }
        final Order order = free[--available];
        free[available] = null;
        return order;
    }

    void release(final Order order)
    {
        order.level = null;
        if (available == free.length)
        {
            free = java.util.Arrays.copyOf(free, available * 2);
        }
        free[available++] = order;
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
