package io.feedhandler.kafka;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * A set of sequence numbers (0 .. 2^63), as a bit set in blocks of 2^20 numbers allocated as they
 * are touched: a trading day's few hundred million sequence numbers take a few tens of MB.
 */
final class SequenceSet
{
    private static final int BLOCK_BITS = 20;
    private static final long BLOCK_MASK = (1L << BLOCK_BITS) - 1;

    private final Map<Long, BitSet> blocks = new HashMap<>();
    private long size;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    /**
     * @param sequence to add.
     * @return true if it was not in the set before.
     */
    boolean add(final long sequence)
    {
        final BitSet block = blocks.computeIfAbsent(sequence >>> BLOCK_BITS, b -> new BitSet(1 << BLOCK_BITS));
        final int bit = (int)(sequence & BLOCK_MASK);
        if (block.get(bit))
        {
            return false;
        }
        block.set(bit);
        size++;
        min = Math.min(min, sequence);
        max = Math.max(max, sequence);
        return true;
    }

    /**
     * @param sequence to look up.
     * @return true if present.
     */
    boolean contains(final long sequence)
    {
        final BitSet block = blocks.get(sequence >>> BLOCK_BITS);
        return block != null && block.get((int)(sequence & BLOCK_MASK));
    }

    /**
     * @param from first sequence to look at.
     * @return the first sequence at or after {@code from} that is not in the set.
     */
    long nextAbsent(final long from)
    {
        long sequence = from;
        while (true)
        {
            final BitSet block = blocks.get(sequence >>> BLOCK_BITS);
            if (block == null)
            {
                return sequence;
            }
            final int clear = block.nextClearBit((int)(sequence & BLOCK_MASK));
            if (clear <= BLOCK_MASK)
            {
                return (sequence & ~BLOCK_MASK) + clear;
            }
            sequence = (sequence & ~BLOCK_MASK) + (1L << BLOCK_BITS);
        }
    }

    /**
     * @param from first sequence to look at.
     * @param to   last sequence to look at.
     * @return the first sequence in [from, to] that is in the set, or -1.
     */
    long nextPresent(final long from, final long to)
    {
        long sequence = from;
        while (sequence <= to)
        {
            final BitSet block = blocks.get(sequence >>> BLOCK_BITS);
            if (block != null)
            {
                final int set = block.nextSetBit((int)(sequence & BLOCK_MASK));
                if (set >= 0)
                {
                    final long found = (sequence & ~BLOCK_MASK) + set;
                    return found <= to ? found : -1;
                }
            }
            sequence = (sequence & ~BLOCK_MASK) + (1L << BLOCK_BITS);
        }
        return -1;
    }

    /** @return the lowest number in the set, {@link Long#MAX_VALUE} when empty. */
    long min()
    {
        return min;
    }

    /** @return the highest number in the set, {@link Long#MIN_VALUE} when empty. */
    long max()
    {
        return max;
    }

    /** @return numbers in the set. */
    long size()
    {
        return size;
    }
}
