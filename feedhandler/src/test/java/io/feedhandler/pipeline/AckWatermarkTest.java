package io.feedhandler.pipeline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AckWatermarkTest
{
    @Test
    void shouldMoveOnlyOverTheContiguousAcknowledgedPrefix()
    {
        final AckWatermark watermark = new AckWatermark(8, 99);
        final long first = watermark.begin(100, 1);
        final long second = watermark.begin(101, 2);
        final long third = watermark.begin(102, 1);

        watermark.complete(third);
        assertEquals(99, watermark.watermark());
        watermark.complete(second);
        assertEquals(99, watermark.watermark());
        watermark.complete(first);
        assertEquals(100, watermark.watermark());
        watermark.complete(second);
        assertEquals(102, watermark.watermark());
    }

    @Test
    void shouldPassOverSequencesWithoutRecordsAndOverReportedGaps()
    {
        final AckWatermark watermark = new AckWatermark(8, 0);
        final long first = watermark.begin(1, 1);
        watermark.begin(2, 0);
        final long afterGap = watermark.begin(10, 2);

        watermark.complete(first);
        assertEquals(2, watermark.watermark());
        watermark.complete(afterGap);
        watermark.complete(afterGap);
        assertEquals(10, watermark.watermark());
    }

    @Test
    void shouldRefuseMoreInFlightSequencesThanItsCapacity()
    {
        final AckWatermark watermark = new AckWatermark(2, 0);
        final long first = watermark.begin(1, 1);
        watermark.begin(2, 1);

        assertEquals(-1, watermark.begin(3, 1));
        watermark.complete(first);
        assertEquals(2, watermark.begin(3, 1));
        assertEquals(2, watermark.inFlight());
    }

    @Test
    void shouldReachTheLastSequenceWhenAcknowledgementsComeOutOfOrderFromOtherThreads() throws Exception
    {
        final int sequences = 200_000;
        final AckWatermark watermark = new AckWatermark(1 << 12, 0);
        final Random random = new Random(42);
        final List<List<Long>> acksByThread = List.of(new ArrayList<>(), new ArrayList<>());
        final int[] records = new int[sequences + 1];
        for (int sequence = 1; sequence <= sequences; sequence++)
        {
            records[sequence] = random.nextInt(4);
        }
        final CountDownLatch begun = new CountDownLatch(1);
        final Thread publisher = new Thread(() ->
        {
            for (int sequence = 1; sequence <= sequences; sequence++)
            {
                long slot;
                while ((slot = watermark.begin(sequence, records[sequence])) < 0)
                {
                    Thread.onSpinWait();
                }
                for (int r = 0; r < records[sequence]; r++)
                {
                    final List<Long> acks = acksByThread.get(r & 1);
                    synchronized (acks)
                    {
                        acks.add(slot);
                        acks.notifyAll();
                    }
                }
            }
            begun.countDown();
        });
        final List<Thread> completers = new ArrayList<>();
        for (final List<Long> acks : acksByThread)
        {
            completers.add(new Thread(() ->
            {
                final Random shuffle = new Random(7);
                while (true)
                {
                    final List<Long> batch;
                    synchronized (acks)
                    {
                        if (acks.isEmpty() && begun.getCount() == 0)
                        {
                            return;
                        }
                        batch = new ArrayList<>(acks);
                        acks.clear();
                    }
                    Collections.shuffle(batch, shuffle);
                    batch.forEach(watermark::complete);
                    Thread.onSpinWait();
                }
            }));
        }
        publisher.start();
        completers.forEach(Thread::start);
        publisher.join(60_000);
        for (final Thread completer : completers)
        {
            completer.join(60_000);
        }

        assertTrue(!publisher.isAlive() && completers.stream().noneMatch(Thread::isAlive), "threads finished");
        assertEquals(0, watermark.inFlight());
        assertEquals(sequences, watermark.watermark());
    }
}
