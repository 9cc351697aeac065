package io.feedhandler.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.feedhandler.config.StageThreads;
import io.feedhandler.config.WaitStrategy;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The Disruptor ring of preallocated {@link FeedEvent}s and its stages, run in order for every
 * event: sequencer, then encoder (the book joins between them later), then publisher. The stages
 * run either all on one consumer thread ({@link StageThreads#ONE}: the default, fewest threads) or
 * each on its own thread ({@link StageThreads#PER_STAGE}: the classic Disruptor pipeline).
 *
 * <pre>
 * ONE:       source --publish()--> [ ring of FeedEvent ] --> ( Sequencer -> Encoder -> Publisher ) --> Kafka
 *                                                               one thread
 * PER_STAGE: source --publish()--> [ ring of FeedEvent ] --> Sequencer --> Encoder --> Publisher  --> Kafka
 *                                                           thread 1      thread 2    thread 3
 * </pre>
 *
 * <p>A stage that throws does not stall or kill the ring: the exception handler counts the
 * failure, logs it (once per burst), marks the event failed so the publisher sends its raw bytes
 * to the DLQ, and processing goes on with the next event.
 */
public final class FeedPipeline implements AutoCloseable
{
    private static final Logger LOG = LogManager.getLogger(FeedPipeline.class);

    private final Disruptor<FeedEvent> disruptor;
    private final EventHandler<FeedEvent> last;
    private RingBuffer<FeedEvent> ring;

    /**
     * @param ringSize     slots, a power of two.
     * @param waitStrategy how the stages wait for work (from the profile).
     * @param stageThreads one thread for all stages, or one per stage (from the profile).
     * @param counters     failures are counted here.
     * @param stages       handlers, run one after the other.
     */
    @SafeVarargs
    public FeedPipeline(final int ringSize, final WaitStrategy waitStrategy, final StageThreads stageThreads,
        final PipelineCounters counters, final EventHandler<FeedEvent>... stages)
    {
        final AtomicInteger threads = new AtomicInteger();
        disruptor = new Disruptor<>(FeedEvent::new, ringSize, runnable ->
        {
            final Thread thread = new Thread(runnable, "feedhandler-stage-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, ProducerType.SINGLE, waitStrategy(waitStrategy));
        final StageFailureHandler failureHandler = new StageFailureHandler(counters);
        disruptor.setDefaultExceptionHandler(failureHandler);
        if (stageThreads == StageThreads.ONE && stages.length > 1)
        {
            final List<EventHandler<FeedEvent>> chain = new ArrayList<>(stages.length);
            for (final EventHandler<FeedEvent> stage : stages)
            {
                chain.add(stage);
            }
            last = new StageChain(List.copyOf(chain), failureHandler);
            disruptor.handleEventsWith(last);
        }
        else
        {
            var group = disruptor.handleEventsWith(stages[0]);
            for (int i = 1; i < stages.length; i++)
            {
                group = group.then(stages[i]);
            }
            last = stages[stages.length - 1];
        }
    }

    /**
     * @param strategy from the profile.
     * @return the Disruptor wait strategy.
     */
    public static com.lmax.disruptor.WaitStrategy waitStrategy(final WaitStrategy strategy)
    {
        return switch (strategy)
        {
            case BUSY_SPIN -> new BusySpinWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case SLEEPING -> new SleepingWaitStrategy();
            case BLOCKING -> new BlockingWaitStrategy();
        };
    }

    /** @return the ring, for sources to publish into. */
    public RingBuffer<FeedEvent> start()
    {
        ring = disruptor.start();
        return ring;
    }

    /**
     * Wait until the last stage has handled everything published so far.
     *
     * @param timeout how long to wait at most.
     * @param unit    of the timeout.
     * @return true if drained.
     */
    public boolean awaitDrained(final long timeout, final TimeUnit unit)
    {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        final long cursor = ring.getCursor();
        while (disruptor.getSequenceValueFor(last) < cursor)
        {
            if (System.nanoTime() > deadline)
            {
                return false;
            }
            LockSupport.parkNanos(1_000_000L);
        }
        return true;
    }

    /**
     * Publish an empty event, so the stages run once more (the publisher sends failed deliveries
     * again when it handles an event). Call from the source's thread only.
     */
    public void nudge()
    {
        final long slot = ring.next();
        ring.get(slot).clear();
        ring.publish(slot);
    }

    /** @return events published but not yet handled by the last stage. */
    public long backlog()
    {
        return ring.getCursor() - disruptor.getSequenceValueFor(last);
    }

    @Override
    public void close()
    {
        disruptor.halt();
    }

    /**
     * Several stages on one thread: each event goes through them in order. A stage that throws is
     * handled as the Disruptor handles it on a stage thread of its own (counted, event marked
     * failed), and the event still goes through the later stages, so the publisher sends it to
     * the DLQ.
     */
    private static final class StageChain implements EventHandler<FeedEvent>
    {
        private final List<EventHandler<FeedEvent>> stages;
        private final StageFailureHandler failureHandler;

        StageChain(final List<EventHandler<FeedEvent>> stages, final StageFailureHandler failureHandler)
        {
            this.stages = stages;
            this.failureHandler = failureHandler;
        }

        @Override
        public void onEvent(final FeedEvent event, final long sequence, final boolean endOfBatch)
        {
            for (int i = 0; i < stages.size(); i++)
            {
                final EventHandler<FeedEvent> stage = stages.get(i);
                try
                {
                    stage.onEvent(event, sequence, endOfBatch);
                }
                catch (final Exception ex)
                {
                    failureHandler.handleEventException(ex, sequence, event);
                }
            }
        }

        @Override
        public void onStart()
        {
            for (final EventHandler<FeedEvent> stage : stages)
            {
                stage.onStart();
            }
        }

        @Override
        public void onShutdown()
        {
            for (final EventHandler<FeedEvent> stage : stages)
            {
                stage.onShutdown();
            }
        }
    }

    /** Counts, logs once per burst, and sends the event to the DLQ by marking it failed. */
    private static final class StageFailureHandler implements ExceptionHandler<FeedEvent>
    {
        private static final long LOG_INTERVAL_NS = TimeUnit.SECONDS.toNanos(10);

        private final PipelineCounters counters;
        private long lastLogNs = System.nanoTime() - LOG_INTERVAL_NS;
        private long suppressed;

        StageFailureHandler(final PipelineCounters counters)
        {
            this.counters = counters;
        }

        @Override
        public void handleEventException(final Throwable ex, final long sequence, final FeedEvent event)
        {
            counters.stageFailures.increment();
            if (event != null)
            {
                event.fail("stage failed: " + ex);
            }
            final long now = System.nanoTime();
            if (now - lastLogNs >= LOG_INTERVAL_NS)
            {
                LOG.error("stage failed on ring sequence {} ({} similar failures not logged since the last line); " +
                    "the event goes to the DLQ", sequence, suppressed, ex);
                lastLogNs = now;
                suppressed = 0;
            }
            else
            {
                suppressed++;
            }
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            LOG.error("stage failed to start", ex);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            LOG.error("stage failed to shut down", ex);
        }
    }
}
