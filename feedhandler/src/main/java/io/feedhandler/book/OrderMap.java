package io.feedhandler.book;

import java.util.function.Consumer;

/**
 * Live orders by reference number: open addressing with linear probing over one {@code Order[]},
 * the key being the order's own {@link Order#reference} field. A lookup touches the slot array
 * and the order it needs anyway, where a map with a separate key array (agrona's
 * {@code Long2ObjectHashMap}) touches a third cache line; removal shifts the probe chain back, so
 * there are no tombstones. Fibonacci hashing spreads ITCH's nearly sequential references.
 *
 * <pre>
 *  slots: [ null | #1001 | #1002 | null | #77 | #1003 | null ... ]   capacity a power of two,
 *             home(ref) = (ref * 0x9E3779B97F4A7C15) >>> (64 - log2(capacity))   at most half full
 * </pre>
 *
 * <p>It doubles (allocating once) when half full; after a day's peak it never grows again.
 */
public final class OrderMap
{
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;

    private Order[] slots;
    private int mask;
    private int shift;
    private int size;
    private int resizeAt;

    /** @param expectedOrders live orders to hold without growing. */
    public OrderMap(final int expectedOrders)
    {
        final int capacity = Integer.highestOneBit(Math.max(16, expectedOrders * 2 - 1)) << 1;
        allocate(capacity);
    }

    /** @return live orders held. */
    public int size()
    {
        return size;
    }

    /** @return slots, a power of two. */
    public int capacity()
    {
        return slots.length;
    }

    /**
     * @param reference an order reference.
     * @return the order, or null.
     */
    public Order get(final long reference)
    {
        return slots[slotOf(reference)];
    }

    /**
     * @param order to hold under its {@link Order#reference}.
     * @return the order held under that reference before, now replaced, or null.
     */
    public Order put(final Order order)
    {
        final int i = slotOf(order.reference);
        final Order held = slots[i];
        slots[i] = order;
        if (held == null && ++size > resizeAt)
        {
            grow();
        }
        return held;
    }

    /**
     * @param reference an order reference.
     * @return the order removed, or null if none was held.
     */
    public Order remove(final long reference)
    {
        final int i = slotOf(reference);
        final Order held = slots[i];
        if (held != null)
        {
            closeGap(i);
            size--;
        }
        return held;
    }

    /** @return the slot holding {@code reference}, or the empty slot where its probe ends. */
    private int slotOf(final long reference)
    {
        final Order[] slots = this.slots;
        final int mask = this.mask;
        int i = home(reference);
        Order held;
        while ((held = slots[i]) != null && held.reference != reference)
        {
            i = (i + 1) & mask;
        }
        return i;
    }

    /**
     * @param action given every order held.
     */
    public void forEach(final Consumer<Order> action)
    {
        for (final Order order : slots)
        {
            if (order != null)
            {
                action.accept(order);
            }
        }
    }

    /** Hold nothing (the capacity stays). */
    public void clear()
    {
        java.util.Arrays.fill(slots, null);
        size = 0;
    }

    /** Backward-shift deletion: move later members of the probe chain into the gap. */
    private void closeGap(final int removed)
    {
        final Order[] slots = this.slots;
        final int mask = this.mask;
        int gap = removed;
        int i = removed;
        while (true)
        {
            i = (i + 1) & mask;
            final Order order = slots[i];
            if (order == null)
            {
                break;
            }
            final int home = home(order.reference);
            // The order may move back into the gap if its home is not inside (gap, i] cyclically.
            if (((i - home) & mask) >= ((i - gap) & mask))
            {
                slots[gap] = order;
                gap = i;
            }
        }
        slots[gap] = null;
    }

    private int home(final long reference)
    {
        return (int)((reference * GOLDEN) >>> shift);
    }

    private void grow()
    {
        final Order[] old = slots;
        allocate(old.length * 2);
        final int mask = this.mask;
        for (final Order order : old)
        {
            if (order != null)
            {
                int i = home(order.reference);
                while (slots[i] != null)
                {
                    i = (i + 1) & mask;
                }
                slots[i] = order;
            }
        }
    }

    private void allocate(final int capacity)
    {
        slots = new Order[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        resizeAt = capacity / 2;
    }
}
