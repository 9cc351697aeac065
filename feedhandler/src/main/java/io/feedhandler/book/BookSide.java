package io.feedhandler.book;

import io.feedhandler.itch50.Side;

import java.util.Arrays;

/**
 * The price levels of one side of a book, sorted so that the best level is always at the end of
 * the array: reading the top is one array load, and most updates, which land near the top, shift
 * few or no elements.
 *
 * <pre>
 *  index:   0          1          ...   count-2        count-1
 *  bids:    99.00      99.50      ...   100.20         100.25   &lt;- best bid (highest)
 *  asks:    101.40     101.10     ...   100.35         100.30   &lt;- best ask (lowest)
 *  rank:    count-1    count-2    ...   1              0
 * </pre>
 *
 * <p>Searches compare a signed key (the price for bids, minus the price for asks) so both sides
 * sort ascending. A search walks down from the top for a few levels, then bisects the rest. The
 * arrays double when full (counted by the caller's level pool only as levels; the arrays of a
 * side grow a handful of times in a day, then never again).
 */
public final class BookSide
{
    private static final int LINEAR_SCAN = 8;
    private static final int INITIAL_LEVELS = 64;

    private final OrderBook book;
    private final byte side;
    private long[] keys = new long[INITIAL_LEVELS];
    private PriceLevel[] levels = new PriceLevel[INITIAL_LEVELS];
    private int count;

    BookSide(final OrderBook book, final byte side)
    {
        this.book = book;
        this.side = side;
    }

    /** @return {@code 'B'} or {@code 'S'}. */
    public byte side()
    {
        return side;
    }

    /** @return price levels on this side. */
    public int levels()
    {
        return count;
    }

    /** @return true if no order rests on this side. */
    public boolean isEmpty()
    {
        return count == 0;
    }

    /**
     * @param rank 0 for the best level, 1 for the next...
     * @return that level.
     * @throws ArrayIndexOutOfBoundsException if {@code rank >= levels()}.
     */
    public PriceLevel level(final int rank)
    {
        if (rank >= count)
        {
            throw new ArrayIndexOutOfBoundsException("rank " + rank + " of " + count + " levels");
        }
        return levels[count - 1 - rank];
    }

    /** @return the best level, or null when the side is empty. */
    public PriceLevel best()
    {
        return count == 0 ? null : levels[count - 1];
    }

    /**
     * @param level on this side.
     * @param ranks how many levels from the top to look at.
     * @return true if the level is among the best {@code ranks}.
     */
    boolean isAmongBest(final PriceLevel level, final int ranks)
    {
        final int count = this.count;
        if (count > 0 && levels[count - 1] == level)
        {
            return true;
        }
        final int stop = Math.max(0, count - ranks);
        for (int i = count - 1; i >= stop; i--)
        {
            if (levels[i] == level)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @param price a display price.
     * @param pool  where a new level comes from.
     * @return the level at that price, inserted (empty) if there was none.
     */
    PriceLevel levelAt(final long price, final LevelPool pool)
    {
        final long key = key(price);
        final int found = find(key);
        if (found >= 0)
        {
            return levels[found];
        }
        final int index = -found - 1;
        if (count == keys.length)
        {
            keys = Arrays.copyOf(keys, count * 2);
            levels = Arrays.copyOf(levels, count * 2);
        }
        final int tail = count - index;
        if (tail > 0)
        {
            System.arraycopy(keys, index, keys, index + 1, tail);
            System.arraycopy(levels, index, levels, index + 1, tail);
        }
        final PriceLevel level = pool.acquire(side, price);
        level.book = book;
        keys[index] = key;
        levels[index] = level;
        count++;
        return level;
    }

    /**
     * Remove a level that has no order left.
     *
     * @param level on this side.
     * @param pool  it goes back to.
     */
    void remove(final PriceLevel level, final LevelPool pool)
    {
        final int index;
        if (count > 0 && levels[count - 1] == level)
        {
            index = count - 1;
        }
        else
        {
            index = find(key(level.price));
            if (index < 0 || levels[index] != level)
            {
                throw new IllegalStateException("level " + level.price + " is not on the " + (char)side + " side");
            }
        }
        final int tail = count - 1 - index;
        if (tail > 0)
        {
            System.arraycopy(keys, index + 1, keys, index, tail);
            System.arraycopy(levels, index + 1, levels, index, tail);
        }
        count--;
        levels[count] = null;
        pool.release(level);
    }

    /** Release every level to the pool. */
    void clear(final LevelPool pool)
    {
        for (int i = 0; i < count; i++)
        {
            pool.release(levels[i]);
            levels[i] = null;
        }
        count = 0;
    }

    private long key(final long price)
    {
        return side == Side.BUY ? price : -price;
    }

    /** @return the index of the key, or {@code -(insertion point) - 1}. */
    private int find(final long key)
    {
        final long[] keys = this.keys;
        final int stop = Math.max(0, count - LINEAR_SCAN);
        int i = count - 1;
        while (i >= stop && keys[i] > key)
        {
            i--;
        }
        if (i >= stop)
        {
            return keys[i] == key ? i : -(i + 1) - 1;
        }
        if (stop == 0)
        {
            return -1;
        }
        return Arrays.binarySearch(keys, 0, stop, key);
    }
}
