package io.feedhandler.book;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** {@link OrderMap} against a {@code HashMap} through a million random puts, gets and removes. */
class OrderMapTest
{
    @Test
    void shouldHoldWhatAHashMapHoldsThroughRandomPutsGetsAndRemoves()
    {
        final OrderMap map = new OrderMap(16);
        final Map<Long, Order> expected = new HashMap<>();
        final List<Long> live = new ArrayList<>();
        final SplittableRandom random = new SplittableRandom(42);
        long next = 1;
        for (int step = 0; step < 1_000_000; step++)
        {
            final int action = random.nextInt(10);
            if (action < 5 || live.isEmpty())
            {
                // Mostly new references in sequence, as ITCH gives them, some random ones, some with the top bit set.
                final long reference = action == 0 ? random.nextLong() : next++;
                final Order order = new Order();
                order.reference = reference;
                final boolean isNew = !expected.containsKey(reference);
                assertSame(expected.put(reference, order), map.put(order));
                if (isNew)
                {
                    live.add(reference);
                }
            }
            else if (action < 8)
            {
                final int index = random.nextInt(live.size());
                final long reference = live.get(index);
                live.set(index, live.get(live.size() - 1));
                live.remove(live.size() - 1);
                assertSame(expected.remove(reference), map.remove(reference));
            }
            else
            {
                final long reference = action == 8 ? live.get(random.nextInt(live.size())) : -next;
                assertSame(expected.get(reference), map.get(reference));
            }
            assertEquals(expected.size(), map.size());
        }
        for (final Map.Entry<Long, Order> entry : expected.entrySet())
        {
            assertSame(entry.getValue(), map.get(entry.getKey()));
        }
        assertNull(map.get(0));
    }
}
