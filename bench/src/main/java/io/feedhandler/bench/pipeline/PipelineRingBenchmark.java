package io.feedhandler.bench.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.avro.SingleObjectEncoding;
import io.feedhandler.bench.itch50.BenchmarkData;
import io.feedhandler.config.StageThreads;
import io.feedhandler.config.WaitStrategy;
import io.feedhandler.pipeline.FeedEvent;
import io.feedhandler.pipeline.FeedPipeline;
import io.feedhandler.pipeline.PipelineCounters;
import io.feedhandler.pipeline.RecordEncoderStage;
import io.feedhandler.pipeline.Sequencer;
import io.feedhandler.pipeline.StreamRegistry;
import io.feedhandler.pipeline.SymbolTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The ring with all its stages but Kafka: the benchmark thread is the source (it loads each
 * message of the generated day into a claimed slot as {@code FileSource} does and publishes it),
 * {@link FeedPipeline} runs {@link Sequencer} and {@link RecordEncoderStage} and, in place of the
 * publisher, a last stage that only notes the ring sequence it reached.
 *
 * <ul>
 *   <li>{@code publishBurstAndDrain} (throughput, messages per second): publish
 *       {@link #BURST} messages, then wait until the last stage has handled them: what the ring
 *       and its threads cost on top of the stages' own work ({@code PipelineStagesBenchmark}).</li>
 *   <li>{@code oneMessageThrough} (sample time): publish one message and wait until the last stage
 *       has handled it: the handoff latency from source to publisher, percentiles from JMH.</li>
 * </ul>
 *
 * <p>Parameters: {@code stageThreads} ({@code one}: the stages on one thread; {@code per-stage}: a
 * thread each) and the wait strategy. On two cores, {@code busy-spin} with more spinning threads
 * than cores starves the source, so it is not a parameter here. Run with {@code -prof gc}: 0 B/op.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Dagrona.disable.bounds.checks=true", "-Xmx1g"})
public class PipelineRingBenchmark
{
    /** Messages published per throughput invocation before waiting for the last stage. */
    public static final int BURST = 1000;

    private static final String EXCHANGE = "nasdaq";
    private static final String STREAM = "12302019";
    private static final int RING_SIZE = 4096;

    /** {@code one} or {@code per-stage}. */
    @Param({"one", "per-stage"})
    public String stageThreads;

    /** {@code sleeping} or {@code yielding}. */
    @Param({"sleeping", "yielding"})
    public String waitStrategy;

    private DayCursor day;
    private FeedPipeline pipeline;
    private RingBuffer<FeedEvent> ring;
    private LastStage last;

    /** Notes how far it got; stands where the publisher would. */
    private static final class LastStage implements EventHandler<FeedEvent>
    {
        volatile long reached = -1;

        @Override
        public void onEvent(final FeedEvent event, final long ringSequence, final boolean endOfBatch)
        {
            if (endOfBatch)
            {
                reached = ringSequence;
            }
        }
    }

    /**
     * Generate the day and start the ring with the stages as {@code ReplayJob} builds them.
     *
     * @throws IOException never: the day is generated in memory.
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        final PipelineCounters counters = new PipelineCounters();
        final StreamRegistry streams = new StreamRegistry();
        day = new DayCursor(BenchmarkData.load("generated-day"), streams.indexOf(STREAM));
        last = new LastStage();
        pipeline = new FeedPipeline(RING_SIZE,
            WaitStrategy.valueOf(waitStrategy.toUpperCase(Locale.ROOT).replace('-', '_')),
            StageThreads.valueOf(stageThreads.toUpperCase(Locale.ROOT).replace('-', '_')),
            counters, new Sequencer(counters),
            new RecordEncoderStage(EXCHANGE, LocalDate.of(2019, 12, 30), ZoneId.of("America/New_York"),
                new SingleObjectEncoding(RecordSchemas.fromClassPath()), streams, new SymbolTable(EXCHANGE)),
            last);
        ring = pipeline.start();
    }

    /** Stop the stage threads. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        pipeline.close();
    }

    /** @return the ring sequence the last stage reached. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OperationsPerInvocation(BURST)
    public long publishBurstAndDrain()
    {
        long slot = -1;
        for (int i = 0; i < BURST; i++)
        {
            slot = publishNext();
        }
        return awaitLastStage(slot);
    }

    /** @return the ring sequence the last stage reached. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long oneMessageThrough()
    {
        return awaitLastStage(publishNext());
    }

    private long publishNext()
    {
        final long slot = ring.next();
        day.loadNext(ring.get(slot));
        ring.publish(slot);
        return slot;
    }

    private long awaitLastStage(final long slot)
    {
        long reached;
        while ((reached = last.reached) < slot)
        {
            Thread.onSpinWait();
        }
        return reached;
    }
}
