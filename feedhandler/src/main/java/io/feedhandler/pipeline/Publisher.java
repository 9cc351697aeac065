package io.feedhandler.pipeline;

import io.feedhandler.avro.RecordSchema;

import com.lmax.disruptor.EventHandler;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.agrona.concurrent.EpochNanoClock;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Last stage: hands each event's records to the one idempotent producer, keyed by symbol (so the
 * default partitioner keeps a symbol's records in order in one partition), with headers built once
 * per stream and record kind, and turns acknowledgements into the acked-sequence watermark of each
 * stream.
 *
 * <p>{@code send()} runs here, never on a feed thread. A send the producer refuses (buffer full,
 * metadata missing past {@code max.block.ms}) is retried here after a short pause; a delivery that
 * fails after the producer's own retries is queued and sent again: counted, never dropped. While
 * the in-flight window of a stream is full this stage waits, which backs up the ring: that is the
 * {@code block} overload policy of file replay.
 */
public final class Publisher implements EventHandler<FeedEvent>
{
    /** Sequence numbers in flight per stream before the publisher waits for acks. */
    public static final int IN_FLIGHT = 1 << 20;

    private static final long RETRY_PAUSE_NS = 1_000_000L;
    private static final long FAILURE_LOG_INTERVAL_NS = 10_000_000_000L;
    private static final Logger LOG = LogManager.getLogger(Publisher.class);

    private final Producer<byte[], byte[]> producer;
    private final String[] topics;
    private final String deadLetterTopic;
    private final StreamRegistry streams;
    private final SymbolTable symbols;
    private final PipelineCounters counters;
    private final String source;
    private final Header[] commonHeaders;
    private final Header[][] schemaHeaders;
    // Written on the publisher thread, read by the checkpoint and replay threads.
    private final AtomicReferenceArray<AckWatermark> watermarks = new AtomicReferenceArray<>(StreamRegistry.MAX_STREAMS);
    private final long[] startSequences = new long[StreamRegistry.MAX_STREAMS];
    private final Headers[][] headers = new Headers[StreamRegistry.MAX_STREAMS][];
    private final ConcurrentLinkedQueue<Retry> retries = new ConcurrentLinkedQueue<>();
    private final AtomicLong deadLettersInFlight = new AtomicLong();
    private final Recorder latencies = new Recorder(3);
    // Everything recorded since the start: the summary and the metrics endpoint both read it, so
    // neither may take the recorder's interval away from the other.
    private final Histogram latencyTotal = new Histogram(3);
    private Histogram latencyInterval;
    private final StageLatencies stageLatencies;
    private final EpochNanoClock clock;
    private volatile boolean aborted;
    private volatile long lastFailureLogNs = System.nanoTime() - FAILURE_LOG_INTERVAL_NS;

    private record Retry(ProducerRecord<byte[], byte[]> record, Callback callback)
    {
    }

    /** Per stream and kind: the immutable headers every record of that pair carries. */
    private static final class Headers
    {
        final RecordHeaders value;

        Headers(final Header[] headers)
        {
            value = new RecordHeaders(headers);
            value.setReadOnly();
        }
    }

    /**
     * @param producer        the process's one producer (idempotent, acks=all).
     * @param topics          topic per {@link RecordSchema}, by ordinal.
     * @param deadLetterTopic topic for malformed input.
     * @param streams         stream names.
     * @param symbols         keys per stock locate.
     * @param counters        what is counted.
     * @param exchange        name for the headers.
     * @param source          what is being published (file name, line), for DLQ headers.
     * @param schemaNames     header value naming the schema (and its fingerprint or version) per kind, by ordinal.
     * @param clock           epoch clock, to measure latencies.
     * @param stageLatencies  records origin to {@code send()} returned and to acknowledgement.
     */
    public Publisher(
        final Producer<byte[], byte[]> producer,
        final String[] topics,
        final String deadLetterTopic,
        final StreamRegistry streams,
        final SymbolTable symbols,
        final PipelineCounters counters,
        final String exchange,
        final String source,
        final String[] schemaNames,
        final EpochNanoClock clock,
        final StageLatencies stageLatencies)
    {
        this.clock = clock;
        this.stageLatencies = stageLatencies;
        this.producer = producer;
        this.topics = topics.clone();
        this.deadLetterTopic = deadLetterTopic;
        this.streams = streams;
        this.symbols = symbols;
        this.counters = counters;
        this.source = source;
        this.commonHeaders = new Header[] {
            header("producer", "feedhandler"), header("exchange", exchange)};
        this.schemaHeaders = new Header[schemaNames.length][];
        for (int i = 0; i < schemaNames.length; i++)
        {
            schemaHeaders[i] = new Header[] {header("schema", schemaNames[i])};
        }
    }

    /**
     * Start a stream's watermark at a known point (the checkpoint) instead of at its first message.
     *
     * @param stream   index of the stream.
     * @param sequence last sequence number already acknowledged.
     */
    public void resumeAfter(final int stream, final long sequence)
    {
        startSequences[stream] = sequence;
    }

    @Override
    public void onEvent(final FeedEvent event, final long ringSequence, final boolean endOfBatch)
    {
        drainRetries();
        if (event.rebuild)
        {
            // Published and acknowledged before the restart (its DLQ copy too, if it was malformed).
            return;
        }
        if (event.kind == FeedEvent.DEFECT)
        {
            deadLetter(event);
            return;
        }
        if ((event.kind != FeedEvent.MESSAGE && event.kind != FeedEvent.LINE_STATUS) || event.duplicate)
        {
            return;
        }
        final AckWatermark watermark = watermark(event.stream, event.sequence);
        final EncodedRecords records = event.records;
        final long originNanos = stageLatencies.originNanos(event);
        long slot;
        while ((slot = watermark.begin(event.sequence, records.count())) < 0)
        {
            pause();
        }
        for (int i = 0; i < records.count(); i++)
        {
            final RecordSchema kind = records.kind(i);
            final byte[] value = new byte[records.length(i)];
            records.buffer().getBytes(records.offset(i), value);
            final ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                topics[kind.ordinal()], null, records.key(i), value, headers(event.stream, kind));
            send(record, new Acknowledgement(watermark, slot, kind, record, event.receiveTimestampNanos, originNanos));
        }
        if (records.count() > 0)
        {
            stageLatencies.sendReturned(originNanos, clock.nanoTime());
        }
    }

    /** @return true if a failed delivery waits to be sent again (by the next event, see {@link FeedPipeline#nudge()}). */
    public boolean retriesPending()
    {
        return !retries.isEmpty();
    }

    /** @return true when every record handed to the producer has been acknowledged. */
    public boolean allAcknowledged()
    {
        if (!retries.isEmpty() || deadLettersInFlight.get() != 0)
        {
            return false;
        }
        for (final AckWatermark watermark : watermarks())
        {
            if (watermark != null && watermark.inFlight() != 0)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Any thread; not on the hot path (the summary at the end, the metrics endpoint per scrape).
     *
     * @return a copy of the receive-to-acknowledgement latency in microseconds since the start.
     */
    public Histogram latencies()
    {
        synchronized (latencyTotal)
        {
            latencyInterval = latencies.getIntervalHistogram(latencyInterval);
            latencyTotal.add(latencyInterval);
            return latencyTotal.copy();
        }
    }

    /** @return origin to {@code send()} returned and to acknowledgement (and the line's origin to ring). */
    public StageLatencies stageLatencies()
    {
        return stageLatencies;
    }

    /**
     * @return the watermark of every stream seen, by index (null where none). Entries are created
     * on the publisher's thread; another thread may see one late, never a torn one.
     */
    public AckWatermark[] watermarks()
    {
        final AckWatermark[] copy = new AckWatermark[watermarks.length()];
        for (int i = 0; i < copy.length; i++)
        {
            copy[i] = watermarks.get(i);
        }
        return copy;
    }

    /** Send again what failed, until nothing is left; call when the source is finished. */
    public void drainRetries()
    {
        if (aborted)
        {
            return;
        }
        Retry retry;
        while ((retry = retries.poll()) != null)
        {
            counters.retries.increment();
            send(retry.record(), retry.callback());
        }
    }

    /** Stop waiting on a producer that refuses sends: queue them instead (the replay is giving up). */
    public void abort()
    {
        aborted = true;
    }

    private void send(final ProducerRecord<byte[], byte[]> record, final Callback callback)
    {
        while (true)
        {
            if (aborted)
            {
                retries.add(new Retry(record, callback));
                return;
            }
            try
            {
                producer.send(record, callback);
                counters.recordsSent.increment();
                return;
            }
            catch (final org.apache.kafka.common.errors.TimeoutException ex)
            {
                // Buffer full or metadata missing for max.block.ms: the broker is slow or away.
                counters.retries.increment();
                pause();
            }
            catch (final org.apache.kafka.common.errors.InterruptException ex)
            {
                // The ring is being halted: leave the record to the retry queue, keep the interrupt.
                Thread.currentThread().interrupt();
                retries.add(new Retry(record, callback));
                return;
            }
        }
    }

    private void deadLetter(final FeedEvent event)
    {
        final byte[] raw = Arrays.copyOf(event.payload.byteArray(), event.payloadLength);
        final RecordHeaders dlqHeaders = new RecordHeaders(commonHeaders);
        dlqHeaders.add(header("reason", event.reason == null ? "unknown" : event.reason));
        dlqHeaders.add(header("source", source));
        dlqHeaders.add(header("source.offset", Long.toString(event.sourceOffset)));
        if (event.originalLength > event.payloadLength)
        {
            dlqHeaders.add(header("original.length", Integer.toString(event.originalLength)));
        }
        if (event.stream >= 0 && event.stream < streams.size())
        {
            dlqHeaders.add(new RecordHeader("session", streams.nameUtf8(event.stream)));
            dlqHeaders.add(header("sequence", Long.toString(event.sequence)));
        }
        counters.deadLetters.increment();
        deadLettersInFlight.incrementAndGet();
        final ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(deadLetterTopic, null, symbols.key(0), raw, dlqHeaders);
        send(record, new DeadLetterAcknowledgement(record));
    }

    private AckWatermark watermark(final int stream, final long sequence)
    {
        AckWatermark watermark = watermarks.get(stream);
        if (watermark == null)
        {
            watermark = new AckWatermark(IN_FLIGHT, startSequences[stream] != 0 ? startSequences[stream] : sequence - 1);
            watermarks.set(stream, watermark);
        }
        return watermark;
    }

    private RecordHeaders headers(final int stream, final RecordSchema kind)
    {
        Headers[] byKind = headers[stream];
        if (byKind == null)
        {
            byKind = new Headers[RecordSchema.values().length];
            headers[stream] = byKind;
        }
        Headers result = byKind[kind.ordinal()];
        if (result == null)
        {
            final Header[] all = new Header[commonHeaders.length + 2];
            System.arraycopy(commonHeaders, 0, all, 0, commonHeaders.length);
            all[commonHeaders.length] = new RecordHeader("session", streams.nameUtf8(stream));
            all[commonHeaders.length + 1] = schemaHeaders[kind.ordinal()][0];
            result = new Headers(all);
            byKind[kind.ordinal()] = result;
        }
        return result.value;
    }

    private static void pause()
    {
        LockSupport.parkNanos(RETRY_PAUSE_NS);
    }

    private static Header header(final String key, final String value)
    {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Completes a watermark slot on ack; queues the record again on failure. */
    private final class Acknowledgement implements Callback
    {
        private final AckWatermark watermark;
        private final long slot;
        private final RecordSchema kind;
        private final ProducerRecord<byte[], byte[]> record;
        private final long receivedNanos;
        private final long originNanos;

        Acknowledgement(final AckWatermark watermark, final long slot, final RecordSchema kind,
            final ProducerRecord<byte[], byte[]> record, final long receivedNanos, final long originNanos)
        {
            this.originNanos = originNanos;
            this.watermark = watermark;
            this.slot = slot;
            this.kind = kind;
            this.record = record;
            this.receivedNanos = receivedNanos;
        }

        @Override
        public void onCompletion(final RecordMetadata metadata, final Exception exception)
        {
            if (exception == null)
            {
                counters.recordsAcked.increment();
                counters.ackedByKind[kind.ordinal()].increment();
                final long now = clock.nanoTime();
                latencies.recordValue(Math.max(0, (now - receivedNanos) / 1000));
                stageLatencies.acknowledged(originNanos, now);
                watermark.complete(slot);
            }
            else
            {
                deliveryFailed(record, exception);
                retries.add(new Retry(record, this));
            }
        }
    }

    private void deliveryFailed(final ProducerRecord<byte[], byte[]> record, final Exception exception)
    {
        counters.deliveryFailures.increment();
        final long now = System.nanoTime();
        if (now - lastFailureLogNs > FAILURE_LOG_INTERVAL_NS)
        {
            lastFailureLogNs = now;
            LOG.warn("delivery to {} failed after the producer's own retries, sending it again ({} failures so far): {}",
                record.topic(), counters.deliveryFailures.sum(), exception.toString());
        }
    }

    /** Counts DLQ acks; queues the record again on failure. */
    private final class DeadLetterAcknowledgement implements Callback
    {
        private final ProducerRecord<byte[], byte[]> record;

        DeadLetterAcknowledgement(final ProducerRecord<byte[], byte[]> record)
        {
            this.record = record;
        }

        @Override
        public void onCompletion(final RecordMetadata metadata, final Exception exception)
        {
            if (exception == null)
            {
                counters.deadLettersAcked.increment();
                deadLettersInFlight.decrementAndGet();
            }
            else
            {
                deliveryFailed(record, exception);
                retries.add(new Retry(record, this));
            }
        }
    }
}
