package io.feedhandler.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import io.feedhandler.config.StageThreads;
import io.feedhandler.config.WaitStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedPipelineTest
{
    private static final int EVENTS = 10_000;
    private static final long FAILING_SEQUENCE = 4_321;

    @ParameterizedTest
    @EnumSource(StageThreads.class)
    void shouldRunEveryStageInOrderOnEveryEventAndHandAFailedEventOnToTheLaterStages(final StageThreads threads)
    {
        final PipelineCounters counters = new PipelineCounters();
        final List<String> stageThreadNames = new ArrayList<>();
        final Set<String> threadNames = ConcurrentHashMap.newKeySet();
        final AtomicLong lastSeenByFirst = new AtomicLong();
        final AtomicLong outOfOrder = new AtomicLong();
        final long[] seenByLast = new long[1];
        final List<Long> failedSeenByLast = new ArrayList<>();
        final EventHandler<FeedEvent> first = (event, ringSequence, endOfBatch) ->
        {
            threadNames.add("first:" + Thread.currentThread().getName());
            lastSeenByFirst.set(event.sequence());
            if (event.sequence() == FAILING_SEQUENCE)
            {
                throw new IllegalStateException("deliberate failure");
            }
        };
        final EventHandler<FeedEvent> middle = (event, ringSequence, endOfBatch) ->
        {
            threadNames.add("middle:" + Thread.currentThread().getName());
            if (lastSeenByFirst.get() < event.sequence())
            {
                outOfOrder.incrementAndGet();
            }
        };
        final EventHandler<FeedEvent> last = (event, ringSequence, endOfBatch) ->
        {
            threadNames.add("last:" + Thread.currentThread().getName());
            seenByLast[0]++;
            if (event.kind() == FeedEvent.DEFECT)
            {
                failedSeenByLast.add(event.sequence());
            }
        };

        final FeedPipeline pipeline = new FeedPipeline(1024, WaitStrategy.SLEEPING, threads, counters, first, middle, last);
        try
        {
            final RingBuffer<FeedEvent> ring = pipeline.start();
            final UnsafeBuffer message = new UnsafeBuffer(new byte[] {'S', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'O'});
            for (long sequence = 1; sequence <= EVENTS; sequence++)
            {
                final long slot = ring.next();
                ring.get(slot).loadMessage(0, sequence, 0, 0, message, 0, message.capacity());
                ring.publish(slot);
            }
            assertTrue(pipeline.awaitDrained(30, TimeUnit.SECONDS), "drained");
        }
        finally
        {
            pipeline.close();
        }

        assertEquals(EVENTS, seenByLast[0]);
        assertEquals(0, outOfOrder.get(), "events the middle stage saw before the first");
        assertEquals(List.of(FAILING_SEQUENCE), failedSeenByLast);
        assertEquals(1, counters.stageFailures.sum());
        for (final String name : threadNames)
        {
            stageThreadNames.add(name.substring(name.indexOf(':') + 1));
        }
        final long distinctThreads = stageThreadNames.stream().distinct().count();
        assertEquals(threads == StageThreads.ONE ? 1 : 3, distinctThreads, "stage threads: " + threadNames);
    }
}
