package io.feedhandler.kafka;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceSetTest
{
    @Test
    void shouldFindAbsentAndPresentNumbersAcrossBlockBoundaries()
    {
        final SequenceSet set = new SequenceSet();
        final long block = 1L << 20;
        for (long s = block - 5; s <= block + 5; s++)
        {
            set.add(s);
        }
        set.add(3 * block + 7);

        assertTrue(set.add(1));
        assertFalse(set.add(1), "second add of the same number");
        assertEquals(13, set.size());
        assertEquals(block + 6, set.nextAbsent(block - 5));
        assertEquals(3 * block + 7, set.nextPresent(block + 6, 4 * block));
        assertEquals(-1, set.nextPresent(block + 6, 3 * block + 6));
        assertEquals(2, set.nextAbsent(1));
        assertTrue(set.contains(block));
        assertFalse(set.contains(2 * block));
    }
}
