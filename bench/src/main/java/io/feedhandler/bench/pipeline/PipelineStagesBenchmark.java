package io.feedhandler.bench.pipeline;

import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.avro.SingleObjectEncoding;
import io.feedhandler.bench.itch50.BenchmarkData;
import io.feedhandler.pipeline.FeedEvent;
import io.feedhandler.pipeline.PipelineCounters;
import io.feedhandler.pipeline.RecordEncoderStage;
import io.feedhandler.pipeline.Sequencer;
import io.feedhandler.pipeline.StreamRegistry;
import io.feedhandler.pipeline.SymbolTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * The ring's stages on one thread, without the ring and without Kafka, in messages per second:
 * each operation takes the next message of a generated day held in memory, fills one
 * preallocated {@link FeedEvent} as {@code FileSource} does ({@link FeedEvent#loadMessage}: payload
 * copied, stream, sequence number, receive timestamp from the same clock), then calls
 * {@link Sequencer#onEvent} and {@link RecordEncoderStage#onEvent} directly (the encoder decodes the
 * ITCH message and writes its framed Avro records into the event).
 *
 * <ul>
 *   <li>{@code sequenceAndEncode}: load, sequence, decode and encode: all the work a message costs
 *       before the publisher hands it to Kafka.</li>
 *   <li>{@code sequenceOnly}: load and sequence: the difference is the decoder and encoder.</li>
 * </ul>
 *
 * <p>Sequence numbers keep rising when the cursor wraps at the end of the day, so no message is
 * dropped as a duplicate. Run with {@code -prof gc}: both must show 0 B/op (the encoder learns the
 * day's symbols, allocating their keys, during the warm-up's first pass).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Dagrona.disable.bounds.checks=true", "-Xmx1g"})
public class PipelineStagesBenchmark
{
    private static final String EXCHANGE = "nasdaq";
    /** What {@code ReplayJob.streamName} makes of {@code 12302019.NASDAQ_ITCH50}. */
    private static final String STREAM = "12302019";

    private final FeedEvent event = new FeedEvent();
    private DayCursor day;
    private Sequencer sequencer;
    private RecordEncoderStage encoder;

    /**
     * Generate the day (seed 20191230, 500 symbols, 1,000,000 messages) and build the stages as
     * {@code ReplayJob} does.
     *
     * @throws IOException never: the day is generated in memory.
     */
    @Setup
    public void setUp() throws IOException
    {
        final PipelineCounters counters = new PipelineCounters();
        final StreamRegistry streams = new StreamRegistry();
        day = new DayCursor(BenchmarkData.load("generated-day"), streams.indexOf(STREAM));
        sequencer = new Sequencer(counters);
        encoder = new RecordEncoderStage(EXCHANGE, LocalDate.of(2019, 12, 30), ZoneId.of("America/New_York"),
            new SingleObjectEncoding(RecordSchemas.fromClassPath()), streams, new SymbolTable(EXCHANGE));
    }

    /** @return bytes of records written, so nothing is optimised away. */
    @Benchmark
    public int sequenceAndEncode()
    {
        final long ringSequence = load();
        sequencer.onEvent(event, ringSequence, true);
        encoder.onEvent(event, ringSequence, true);
        return event.records().limit();
    }

    /** @return the event's gap start, so nothing is optimised away. */
    @Benchmark
    public long sequenceOnly()
    {
        final long ringSequence = load();
        sequencer.onEvent(event, ringSequence, true);
        return event.gapFrom();
    }

    /** Put the next message into the event as the file source does; the BinaryFILE's n-th message is sequence n. */
    private long load()
    {
        return day.loadNext(event);
    }
}
