package io.feedhandler.telemetry;

import io.feedhandler.avro.RecordSchema;
import io.feedhandler.config.MetricsSettings;
import io.feedhandler.pipeline.AckWatermark;
import io.feedhandler.pipeline.PipelineCounters;
import io.feedhandler.pipeline.StageLatencies;
import io.feedhandler.transport.moldudp64.LineCounters;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.HdrHistogram.Histogram;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The feed handler's Prometheus metrics, served on {@code /metrics} (Prometheus client 1.x, text
 * and protobuf formats, classic histograms only: Prometheus 2.42 hides the buckets of native ones).
 * One per process; names {@code feedhandler_*}, every series labelled {@code exchange}.
 *
 * <p>Three ways in, by cost on the feed's threads:
 * <ul>
 *   <li><b>Pipeline</b> ({@link #attach}): nothing is added to the hot path. The counters the
 *       pipeline already keeps ({@link PipelineCounters}, {@code LongAdder}s), the ring's cursor,
 *       the watermarks and the publisher's latency recorder are read when Prometheus scrapes.
 *       Attaching again (the next replay) replaces the source; counters then restart from zero,
 *       which Prometheus's {@code rate()} treats as a reset.</li>
 *   <li><b>Kafka producer</b>: a few of the client's own metrics, read from
 *       {@code producer.metrics()} at scrape time as {@code feedhandler_kafka_producer_*} gauges.</li>
 *   <li><b>Feed lines</b> ({@link #attach(LineTelemetry)}): the {@code LineCounters} the line
 *       thread keeps anyway, and whether each line is stale, read at scrape time: the receive
 *       path does nothing for metrics either.</li>
 * </ul>
 * Plus the JVM's own (GC pauses, heap, threads: {@code jvm_*}).
 *
 * <pre>{@code
 * try (FeedMetrics metrics = FeedMetrics.create(profile.exchange()))
 * {
 *     metrics.serve(profile.metrics());                 // /metrics on metrics.bind-address:metrics.port
 *     metrics.attach(publishing.telemetry());           // once the ring and the producer exist
 *     metrics.attach(new LineTelemetry(...));           // once the lines exist
 * }
 * }</pre>
 */
public final class FeedMetrics implements AutoCloseable
{
    /** Upper bounds of the receive-to-ack latency buckets, in seconds: 50 us to 10 s. */
    static final double[] LATENCY_BUCKETS_SECONDS = {
        0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
        Double.POSITIVE_INFINITY};
    /** Upper bounds of the per-stage latency buckets, in seconds: 1 us to 10 s. */
    static final double[] STAGE_BUCKETS_SECONDS = {
        0.000001, 0.0000025, 0.000005, 0.00001, 0.00002, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
        0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, Double.POSITIVE_INFINITY};
    /** The Kafka producer metrics bridged (group {@code producer-metrics}), as Kafka names them. */
    static final List<String> PRODUCER_METRICS = List.of(
        "record-send-rate", "record-error-rate", "record-retry-rate", "request-latency-avg", "request-latency-max",
        "buffer-available-bytes", "buffer-total-bytes", "bufferpool-wait-ratio", "batch-size-avg",
        "records-per-request-avg", "outgoing-byte-rate", "requests-in-flight", "connection-count");

    private static final String EXCHANGE = "exchange";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final String exchange;
    private volatile PipelineTelemetry pipeline;
    private volatile LineTelemetry lines;
    private HTTPServer server;

    private FeedMetrics(final String exchange)
    {
        this.exchange = exchange;
        counter("feedhandler_events", "Events read from the sources: messages and defects.", c -> c.eventsIn);
        counter("feedhandler_messages", "Messages in sequence (duplicates excluded).", c -> c.messages);
        counter("feedhandler_duplicates", "Messages dropped because their sequence number was seen before.", c -> c.duplicates);
        counter("feedhandler_messages_rebuilt",
            "Messages at or below the checkpoint taken again after a restart to rebuild the books and symbols; not published.",
            c -> c.rebuilt);
        counter("feedhandler_gaps", "Sequence gaps detected (each published as a GAP status record).", c -> c.gaps);
        counter("feedhandler_missing_messages", "Sequence numbers inside detected gaps.", c -> c.missingMessages);
        counter("feedhandler_dlq_records", "Events sent to the dead letter topic (malformed input, failed stages).",
            c -> c.deadLetters);
        counter("feedhandler_stage_failures", "Exceptions caught by the ring's exception handler.", c -> c.stageFailures);
        counter("feedhandler_records_sent", "Records handed to the Kafka producer.", c -> c.recordsSent);
        counter("feedhandler_delivery_failures", "Deliveries that failed after the producer's own retries (sent again).",
            c -> c.deliveryFailures);
        counter("feedhandler_retries", "Records sent again after a delivery failure or a full producer buffer.", c -> c.retries);
        CounterWithCallback.builder()
            .name("feedhandler_records_acked")
            .help("Records acknowledged by Kafka, per topic.")
            .labelNames(EXCHANGE, "topic")
            .callback(callback ->
            {
                final PipelineTelemetry source = pipeline;
                if (source != null)
                {
                    final PipelineCounters counters = source.counters();
                    for (final RecordSchema kind : RecordSchema.values())
                    {
                        callback.call(counters.ackedByKind[kind.ordinal()].sum(), exchange, source.topicByKind()[kind.ordinal()]);
                    }
                    callback.call(counters.deadLettersAcked.sum(), exchange, source.deadLetterTopic());
                }
            })
            .register(registry);
        gauge("feedhandler_ring_occupancy", "Events on the ring not yet handled by the last stage.",
            source -> source.ringOccupancy().getAsLong());
        gauge("feedhandler_ring_capacity", "Slots in the ring.", PipelineTelemetry::ringCapacity);
        gauge("feedhandler_schema_registry_fallback",
            "1 when the registry was unreachable at start and records are in single-object encoding.",
            source -> source.counters().schemaRegistryFallbacks.sum());
        CounterWithCallback.builder()
            .name("feedhandler_messages_by_type")
            .help("Messages in sequence by ITCH message type (the type byte as a character: A, E, X ...).")
            .labelNames(EXCHANGE, "type")
            .callback(callback ->
            {
                final PipelineTelemetry source = pipeline;
                if (source != null)
                {
                    final java.util.concurrent.atomic.AtomicLongArray byType = source.counters().messagesByType;
                    for (int type = 0; type < byType.length(); type++)
                    {
                        final long count = byType.get(type);
                        if (count != 0)
                        {
                            callback.call(count, exchange, String.valueOf((char)type));
                        }
                    }
                }
            })
            .register(registry);
        sessionGauges();
        registry.register(new LatencyCollector());
        registry.register(new StageLatencyCollector());
        registry.register(new ProducerMetricsBridge());
        JvmMetrics.builder().register(registry);

        lineMetrics();
    }

    /**
     * @param exchange the profile's exchange, the {@code exchange} label of every series.
     * @return the metrics, with nothing attached and no endpoint yet.
     */
    public static FeedMetrics create(final String exchange)
    {
        return new FeedMetrics(exchange);
    }

    /**
     * Serve {@code /metrics} (and {@code /-/healthy}) until {@link #close()}.
     *
     * @param settings the profile's {@code metrics} section; port 0 there is taken as "any free
     *                 port" here (callers check {@link MetricsSettings#enabled()} first).
     * @return where it listens (the actual port when 0 was asked for).
     * @throws IOException if the address cannot be bound, with the address in the message.
     */
    public synchronized InetSocketAddress serve(final MetricsSettings settings) throws IOException
    {
        if (server != null)
        {
            throw new IllegalStateException("already serving on port " + server.getPort());
        }
        try
        {
            server = HTTPServer.builder().hostname(settings.bindAddress()).port(settings.port()).registry(registry).buildAndStart();
        }
        catch (final IOException ex)
        {
            throw new IOException("metrics endpoint: cannot listen on " + settings.bindAddress() + ":" + settings.port() +
                " (metrics.bind-address, metrics.port): " + ex.getMessage(), ex);
        }
        return new InetSocketAddress(settings.bindAddress(), server.getPort());
    }

    /**
     * Read this pipeline from now on (replacing the one attached before).
     *
     * @param source what to read at scrape time.
     */
    public void attach(final PipelineTelemetry source)
    {
        pipeline = source;
    }

    /**
     * Read these lines from now on (replacing the ones attached before).
     *
     * @param source the lines' counters and stale flags, read at scrape time.
     */
    public void attach(final LineTelemetry source)
    {
        lines = source;
    }

    /** @return the registry, for another exporter or a test. */
    public PrometheusRegistry registry()
    {
        return registry;
    }

    /** Stop serving. */
    @Override
    public synchronized void close()
    {
        if (server != null)
        {
            server.close();
            server = null;
        }
    }

    private void counter(final String name, final String help, final Function<PipelineCounters, LongAdder> adder)
    {
        counter(name, help, () ->
        {
            final PipelineTelemetry source = pipeline;
            return source == null ? null : source.counters();
        }, adder);
    }

    /** A counter labelled by exchange only, read at scrape time from whatever counters are attached then. */
    private <C> void counter(final String name, final String help, final Supplier<C> counters, final Function<C, LongAdder> adder)
    {
        CounterWithCallback.builder().name(name).help(help).labelNames(EXCHANGE)
            .callback(callback ->
            {
                final C source = counters.get();
                if (source != null)
                {
                    callback.call(adder.apply(source).sum(), exchange);
                }
            })
            .register(registry);
    }

    private void gauge(final String name, final String help, final java.util.function.ToDoubleFunction<PipelineTelemetry> value)
    {
        GaugeWithCallback.builder().name(name).help(help).labelNames(EXCHANGE)
            .callback(callback ->
            {
                final PipelineTelemetry source = pipeline;
                if (source != null)
                {
                    callback.call(value.applyAsDouble(source), exchange);
                }
            })
            .register(registry);
    }

    private void sessionGauges()
    {
        sessionGauge("feedhandler_acked_sequence",
            "Acked-sequence watermark per session: every sequence number up to it is acknowledged by Kafka.",
            (source, stream, watermark) -> watermark.watermark());
        // Same sessions as the watermark, so the two series always pair up in a query.
        sessionGauge("feedhandler_received_sequence",
            "Highest sequence number received in order per session (acked lag = this - feedhandler_acked_sequence).",
            (source, stream, watermark) -> source.sequencer().nextExpected(stream) - 1);
    }

    /** What a per-session gauge reads: a value, or below 0 for none yet. */
    private interface SessionValue
    {
        long read(PipelineTelemetry source, int stream, AckWatermark watermark);
    }

    /** A gauge per session that has an acked-sequence watermark, read at scrape time. */
    private void sessionGauge(final String name, final String help, final SessionValue value)
    {
        GaugeWithCallback.builder().name(name).help(help)
            .labelNames(EXCHANGE, "session")
            .callback(callback ->
            {
                final PipelineTelemetry source = pipeline;
                if (source != null)
                {
                    final AckWatermark[] watermarks = source.publisher().watermarks();
                    for (int i = 0; i < source.streams().size(); i++)
                    {
                        final long reading = watermarks[i] == null ? -1 : value.read(source, i, watermarks[i]);
                        if (reading >= 0)
                        {
                            callback.call(reading, exchange, source.streams().name(i));
                        }
                    }
                }
            })
            .register(registry);
    }

    private void lineMetrics()
    {
        perLine("feedhandler_line_packets", "Packets received on a feed line (re-request: answers of the retransmission server).",
            c -> c.packets, 3);
        perLine("feedhandler_line_arbitration_wins", "Messages this line delivered first (A/B arbitration).", c -> c.firstCopies, 3);
        perLine("feedhandler_line_arbitration_duplicates", "Messages another line had delivered already (A/B arbitration).",
            c -> c.duplicates, 3);
        perLine("feedhandler_line_malformed_packets", "Packets that are not well-formed MoldUDP64.", c -> c.malformed, 3);
        perLine("feedhandler_line_malformed_not_dead_lettered", "Malformed packets not sent to the DLQ: the ring was full.", c -> c.malformedNotDeadLettered, 3);
        perLine("feedhandler_line_stale_events", "Times a line went silent past its limit (a STALE_LINE status record each).",
            c -> c.stale, 2);
        lineCounter("feedhandler_retransmission_requests", "Retransmission requests sent.", c -> c.requests);
        lineCounter("feedhandler_retransmission_requested_messages", "Messages asked for in retransmission requests.",
            c -> c.requestedMessages);
        lineCounter("feedhandler_retransmission_timeouts", "Retransmission requests not answered in time (sent again or given up).",
            c -> c.requestTimeouts);
        lineCounter("feedhandler_line_gaps_opened", "Sequence ranges missing from the first line to show them.", c -> c.gapsOpened);
        lineCounter("feedhandler_line_gaps_recovered", "Missing ranges filled by a retransmission answer.", c -> c.gapsRecovered);
        lineCounter("feedhandler_line_gaps_given_up", "Missing ranges given up after the retries (one GAP status record each).",
            c -> c.gapsGivenUp);
        lineCounter("feedhandler_line_messages_given_up", "Sequence numbers inside given-up ranges.", c -> c.messagesGivenUp);
        lineCounter("feedhandler_line_ring_full", "Times a packet found the ring full.", c -> c.ringFull);
        lineCounter("feedhandler_line_local_loss", "Messages dropped at a full ring and re-requested (overload policy recover).",
            c -> c.localLoss);
        lineCounter("feedhandler_line_shed", "Messages dropped at a full ring and reported (overload policy shed).", c -> c.shed);
        GaugeWithCallback.builder().name("feedhandler_line_stale")
            .help("1 while a feed line has been silent (not even a heartbeat) past its limit, else 0.")
            .labelNames(EXCHANGE, "line")
            .callback(callback ->
            {
                final LineTelemetry source = lines;
                if (source != null)
                {
                    for (int line = 0; line < 2; line++)
                    {
                        callback.call(source.stale().test(line) ? 1 : 0, exchange, source.names()[line]);
                    }
                }
            })
            .register(registry);
    }

    private void perLine(final String name, final String help, final Function<LineCounters, LongAdder[]> adders, final int lineCount)
    {
        CounterWithCallback.builder().name(name).help(help).labelNames(EXCHANGE, "line")
            .callback(callback ->
            {
                final LineTelemetry source = lines;
                if (source != null)
                {
                    final LongAdder[] byLine = adders.apply(source.counters());
                    for (int line = 0; line < lineCount; line++)
                    {
                        callback.call(byLine[line].sum(), exchange, source.names()[line]);
                    }
                }
            })
            .register(registry);
    }

    private void lineCounter(final String name, final String help, final Function<LineCounters, LongAdder> adder)
    {
        counter(name, help, () ->
        {
            final LineTelemetry source = lines;
            return source == null ? null : source.counters();
        }, adder);
    }

    /**
     * Receive-to-acknowledgement latency as a classic histogram, made at scrape time from the
     * publisher's HdrHistogram (recorded on the producer's I/O thread, as before): no Prometheus
     * histogram on the ack path, and bucket counts exact up to HdrHistogram's 3 significant digits.
     */
    private final class LatencyCollector implements Collector
    {
        private static final String NAME = "feedhandler_receive_to_ack_latency_seconds";

        @Override
        public MetricSnapshot collect()
        {
            final List<HistogramSnapshot.HistogramDataPointSnapshot> points = new ArrayList<>(1);
            final PipelineTelemetry source = pipeline;
            if (source != null)
            {
                points.add(point(source.publisher().latencies(), 1e6, LATENCY_BUCKETS_SECONDS, Labels.of(EXCHANGE, exchange)));
            }
            return new HistogramSnapshot(new MetricMetadata(NAME,
                "Time from receiving a message to Kafka acknowledging its records, queueing included."), points);
        }
    }

    /**
     * Per-stage latency from the wire receive (the socket read) to the ring, to {@code send()}
     * returned and to the broker's acknowledgement, from the pipeline's {@link StageLatencies}
     * (HdrHistogram recorders on the hot path, one {@code recordValue} each), as classic histograms
     * built at scrape time. The ring stage is recorded by the live lines only.
     */
    private final class StageLatencyCollector implements Collector
    {
        private static final String NAME = "feedhandler_stage_latency_seconds";
        private static final String[] STAGES = {"receive_to_ring", "receive_to_send", "receive_to_ack"};

        @Override
        public MetricSnapshot collect()
        {
            final List<HistogramSnapshot.HistogramDataPointSnapshot> points = new ArrayList<>(STAGES.length);
            final PipelineTelemetry source = pipeline;
            if (source != null)
            {
                final Histogram[] nanos = source.publisher().stageLatencies().totals();
                for (int stage = 0; stage < STAGES.length; stage++)
                {
                    points.add(point(nanos[stage], 1e9, STAGE_BUCKETS_SECONDS, Labels.of(EXCHANGE, exchange, "stage", STAGES[stage])));
                }
            }
            return new HistogramSnapshot(new MetricMetadata(NAME,
                "Time from the socket read of a message to a pipeline stage: the ring, send() returned, the broker's ack."), points);
        }
    }

    /**
     * @param histogram   recorded values.
     * @param perSecond   units of the histogram per second (1e6 for microseconds, 1e9 for nanoseconds).
     * @param upperBounds bucket bounds in seconds, the last +Inf.
     * @param labels      of the data point.
     * @return the classic-histogram data point.
     */
    private static HistogramSnapshot.HistogramDataPointSnapshot point(final Histogram histogram, final double perSecond,
        final double[] upperBounds, final Labels labels)
    {
        final long[] counts = new long[upperBounds.length];
        long below = 0;
        for (int i = 0; i < counts.length - 1; i++)
        {
            final long cumulative = histogram.getCountBetweenValues(0, (long)(upperBounds[i] * perSecond));
            counts[i] = cumulative - below;
            below = cumulative;
        }
        counts[counts.length - 1] = histogram.getTotalCount() - below;
        final double sumSeconds = histogram.getTotalCount() == 0 ? 0 : histogram.getMean() * histogram.getTotalCount() / perSecond;
        return new HistogramSnapshot.HistogramDataPointSnapshot(ClassicHistogramBuckets.of(upperBounds, counts), sumSeconds,
            labels, Exemplars.EMPTY, 0L);
    }

    /** A few of the Kafka producer's own metrics, read from {@code producer.metrics()} per scrape. */
    private final class ProducerMetricsBridge implements MultiCollector
    {
        @Override
        public MetricSnapshots collect()
        {
            final PipelineTelemetry source = pipeline;
            if (source == null)
            {
                return MetricSnapshots.of();
            }
            final List<MetricSnapshot> snapshots = new ArrayList<>(PRODUCER_METRICS.size());
            for (final Map.Entry<MetricName, ? extends Metric> entry : source.producer().metrics().entrySet())
            {
                final MetricName name = entry.getKey();
                if (!"producer-metrics".equals(name.group()) || !PRODUCER_METRICS.contains(name.name()))
                {
                    continue;
                }
                final Object value = entry.getValue().metricValue();
                if (!(value instanceof Number number))
                {
                    continue;
                }
                final String clientId = name.tags().getOrDefault("client-id", "");
                snapshots.add(new GaugeSnapshot(
                    new MetricMetadata(prometheusName(name.name()), name.description() + " (Kafka producer: " + name.name() + ")"),
                    List.of(new GaugeSnapshot.GaugeDataPointSnapshot(number.doubleValue(),
                        Labels.of(EXCHANGE, exchange, "client_id", clientId), null))));
            }
            return new MetricSnapshots(snapshots);
        }
    }

    /**
     * @param kafkaName e.g. {@code record-send-rate}.
     * @return e.g. {@code feedhandler_kafka_producer_record_send_rate}.
     */
    static String prometheusName(final String kafkaName)
    {
        return "feedhandler_kafka_producer_" + kafkaName.replace('-', '_');
    }
}
