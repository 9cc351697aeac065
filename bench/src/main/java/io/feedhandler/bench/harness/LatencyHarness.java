package io.feedhandler.bench.harness;

import io.feedhandler.config.Profile;
import io.feedhandler.kafka.broker.KafkaBrokerProcess;
import io.feedhandler.pipeline.LiveJob;
import io.feedhandler.pipeline.PipelineCounters;
import io.feedhandler.pipeline.ReplaySummary;
import io.feedhandler.pipeline.StageLatencies;
import io.feedhandler.sim.MessageStore;
import io.feedhandler.transport.moldudp64.LineCounters;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * End-to-end latency of the live handler at constant rates against Kafka's own producer on the
 * same broker, in one run (issue 9 part 3):
 * <pre>
 *   start one broker process (KafkaBrokerProcess, KRaft, temporary directory)
 *   LiveJob (what `feedhandler run` runs) in this JVM, stage latencies from the intended send time
 *   PacedLineSender: a generated day as MoldUDP64 on loopback lines A and B, open-loop schedule,
 *                    intended send time stamped into each message's ITCH timestamp
 *   PacedProducerRun: KafkaProducer, same settings, same schedule, bursts as large as the packets,
 *                     records as large as the handler's average value
 *   warm-up (not counted); then per rate: handler warm-up, handler measured, reference warm-up,
 *   reference measured
 *   tables, JSON, PNG chart
 * </pre>
 * A rate of 0 is flat out: both sides send as fast as a window of unacknowledged work allows
 * (closed loop by construction, so its latency is queueing, not coordinated-omission free).
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.feedhandler.bench.harness.LatencyHarness
 * [--rates 10000,100000,300000,0] [--warmup-seconds 2] [--seconds 5] [--messages-per-packet 8]
 * [--result bench/results/latency-vs-producer.json] [--set profile.key=value]...};
 * {@code bench/latency-vs-producer} builds and runs it.
 */
public final class LatencyHarness
{
    private static final long SEED = 20191230L;
    private static final int SYMBOLS = 500;
    private static final int STORE_MESSAGES = 1_000_000;
    private static final int SHAPE_MESSAGES = 200_000;
    private static final long FLAT_OUT_NOMINAL_RATE = 300_000;
    private static final long FLAT_OUT_SOCKET_WINDOW = 2_048;
    private static final long FLAT_OUT_RING_WINDOW = 16_384;
    private static final long FLAT_OUT_ACK_WINDOW = 50_000;
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99, 100};
    private static final String REFERENCE_TOPIC = "latency-reference";

    private final Path work;
    private final Map<String, String> overrides;
    private final List<Long> rates;
    private final long warmupSeconds;
    private final long seconds;
    private final int messagesPerPacket;

    /** One rate's measurement, histograms in nanoseconds. */
    record Row(long rate, long messages, double achievedPerSecond, Histogram toRing, Histogram toSend, Histogram toAck,
        Histogram senderLateness, long lost, long recovered, long reference, double referencePerSecond, Histogram referenceToSend,
        Histogram referenceToAck, Histogram referenceLateness, long referenceFailures, String load)
    {
        String label()
        {
            return rate == 0 ? "flat out" : String.format(Locale.ROOT, "%,d/s", rate);
        }

        double ackRatio()
        {
            return micros(toAck, 99) / micros(referenceToAck, 99);
        }
    }

    private LatencyHarness(final Path work, final Map<String, String> overrides, final List<Long> rates,
        final long warmupSeconds, final long seconds, final int messagesPerPacket)
    {
        this.work = work;
        this.overrides = Map.copyOf(overrides);
        this.rates = List.copyOf(rates);
        this.warmupSeconds = warmupSeconds;
        this.seconds = seconds;
        this.messagesPerPacket = messagesPerPacket;
    }

    /**
     * @param args see the class comment.
     * @throws Exception if the broker, the handler or the reference fails.
     */
    public static void main(final String[] args) throws Exception
    {
        Locale.setDefault(Locale.ROOT);
        final Map<String, String> overrides = new TreeMap<>();
        List<Long> rates = List.of(10_000L, 100_000L, 300_000L, 0L);
        long warmup = 2;
        long seconds = 5;
        int perPacket = 8;
        Path result = Path.of("bench/results/latency-vs-producer.json");
        for (int i = 0; i < args.length; i++)
        {
            final String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--rates" -> rates = Stream.of(value.split(",")).map(rate -> Long.parseLong(rate.replace("_", ""))).toList();
                case "--warmup-seconds" -> warmup = Long.parseLong(value);
                case "--seconds" -> seconds = Long.parseLong(value);
                case "--messages-per-packet" -> perPacket = Integer.parseInt(value);
                case "--result" -> result = Path.of(value);
                case "--set" ->
                {
                    if (value == null || !value.contains("="))
                    {
                        usage();
                    }
                    overrides.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                }
                default -> usage();
            }
            i++;
        }
        final Path work = Files.createTempDirectory("latency-vs-producer");
        try
        {
            new LatencyHarness(work, overrides, rates, warmup, seconds, perPacket).run(result);
        }
        finally
        {
            ReplayThroughputHarness.deleteTree(work);
        }
        // Netty's and Kafka's non-daemon threads are closed; this ends any straggler.
        System.exit(0);
    }

    private static void usage()
    {
        System.err.println("usage: LatencyHarness [--rates 10000,100000,300000,0] [--warmup-seconds 2] [--seconds 5] " +
            "[--messages-per-packet 8] [--result file.json] [--set profile.key=value]...");
        System.exit(2);
    }

    private void run(final Path result) throws Exception
    {
        final String loadAtStart = ReplayThroughputHarness.loadAverage();
        final MessageStore store = MessageStore.generated(SEED, SYMBOLS, STORE_MESSAGES);
        final Profile shapeProfile = profile("127.0.0.1:9092");
        final DayRecords.Summary shape = DayRecords.capture(binaryFile(store, SHAPE_MESSAGES),
            Path.of("12302019.NASDAQ_ITCH50"), shapeProfile).summary();
        System.out.printf("day: %,d messages (cycled); first %,d -> %,d records; value %d B on average; " +
            "%d messages per packet; load average %s%n", store.count(), shape.messages(), shape.records(),
            shape.valueSize(), messagesPerPacket, loadAtStart);
        final String classpath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry -> Path.of(entry).toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator));
        final List<Row> rows = new ArrayList<>();
        final ReplaySummary summary;
        final LineCounters lineCounters;
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.create(work.resolve("broker"), Map.of(), classpath).start())
        {
            final String bootstrap = broker.bootstrapServers();
            System.out.println("broker: " + bootstrap + " (pid " + broker.pid() + ")");
            final Profile profile = profile(bootstrap);
            ReplayThroughputHarness.createHandlerTopics(bootstrap, profile);
            ReplayThroughputHarness.createTopic(bootstrap, REFERENCE_TOPIC);
            final LiveJob job = new LiveJob(profile, null, StageLatencies.Origin.INTENDED_SEND_TIME);
            job.start();
            final Properties producerSettings = profile.kafka().producerProperties();
            producerSettings.setProperty(ProducerConfig.CLIENT_ID_CONFIG, "latency-reference");
            try (PacedLineSender sender = new PacedLineSender(store, "LAT" + (System.currentTimeMillis() / 1000 % 1_000_000),
                    new InetSocketAddress(profile.lines().a().group(), profile.lines().a().port()),
                    new InetSocketAddress(profile.lines().b().group(), profile.lines().b().port()),
                    profile.lines().a().networkInterface(),
                    new InetSocketAddress(profile.retransmission().host(), profile.retransmission().port()),
                    messagesPerPacket, job.clock());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerSettings))
            {
                final PacedProducerRun reference = new PacedProducerRun(producer, REFERENCE_TOPIC, shape.valueSize(),
                    messagesPerPacket, job.clock());
                System.out.println("warm-up: handler and reference, 10,000/s for 2 s, then 100,000/s for 3 s (not counted)");
                handlerPhase(job, sender, 10_000, 20_000);
                handlerPhase(job, sender, 100_000, 300_000);
                heartbeating(sender, () ->
                {
                    reference.run(10_000, 20_000, FLAT_OUT_ACK_WINDOW);
                    return reference.run(100_000, 300_000, FLAT_OUT_ACK_WINDOW);
                });
                for (final long rate : rates)
                {
                    rows.add(measure(job, sender, reference, rate));
                    final Row row = rows.get(rows.size() - 1);
                    System.out.printf("  %s: handler %,.0f msg/s, ->send p99 %s us, ->ack p99 %s us; reference %,.0f rec/s, " +
                        "->ack p99 %s us%n", row.label(), row.achievedPerSecond(), us(row.toSend(), 99), us(row.toAck(), 99),
                        row.referencePerSecond(), us(row.referenceToAck(), 99));
                }
                sender.endOfSession();
            }
            summary = job.stop(Duration.ofSeconds(30));
            lineCounters = job.lineCounters();
        }
        System.out.print(summary.render().indent(2));
        final String loadAtEnd = ReplayThroughputHarness.loadAverage();
        final String tables = tables(rows, loadAtStart, loadAtEnd);
        System.out.println();
        System.out.print(tables);
        final Path parent = result.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        Files.writeString(result, json(rows, shape, loadAtStart, loadAtEnd, lineCounters), StandardCharsets.UTF_8);
        final Path chart = Path.of(result.toString().replaceFirst("\\.json$", "") + ".png");
        LatencyChart.write(chart, rows, String.format(Locale.ROOT,
            "feed handler vs Kafka's producer, %d msg/packet, %s, load %s-%s", messagesPerPacket,
            Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC", loadAtStart, loadAtEnd));
        System.out.println("written " + result + " and " + chart);
    }

    private Row measure(final LiveJob job, final PacedLineSender sender, final PacedProducerRun reference, final long rate)
        throws IOException
    {
        final String load = ReplayThroughputHarness.loadAverage();
        final long nominal = rate > 0 ? rate : FLAT_OUT_NOMINAL_RATE;
        handlerPhase(job, sender, rate, nominal * warmupSeconds);
        job.latencies().reset();
        final PipelineCounters counters = job.counters();
        final LineCounters lines = job.lineCounters();
        final long givenUpBefore = lines.messagesGivenUp.sum();
        final long recoveredBefore = lines.gapsRecovered.sum();
        final long start = System.nanoTime();
        final PacedLineSender.Played played = handlerPhase(job, sender, rate, nominal * seconds);
        final double elapsed = (System.nanoTime() - start) / 1e9;
        final Histogram toRing = job.latencies().toRing();
        final Histogram toSend = job.latencies().toSendReturned();
        final Histogram toAck = job.latencies().toAck();
        final long lost = lines.messagesGivenUp.sum() - givenUpBefore;
        final long recovered = lines.gapsRecovered.sum() - recoveredBefore;
        final PacedProducerRun.Measured measured = referencePhase(sender, reference, rate, nominal);
        return new Row(rate, played.messages(), played.messages() / elapsed, toRing, toSend, toAck, played.latenessNanos(),
            lost, recovered, measured.records(), measured.records() / (measured.elapsedNanos() / 1e9), measured.toSendReturned(),
            measured.toAck(), measured.latenessNanos(), measured.failures(), load);
    }

    /**
     * The reference's warm-up and measurement on another thread while the line sender sends
     * heartbeats, so that the handler's lines are not taken for stale meanwhile.
     */
    private PacedProducerRun.Measured referencePhase(final PacedLineSender sender, final PacedProducerRun reference,
        final long rate, final long nominal) throws IOException
    {
        return heartbeating(sender, () ->
        {
            reference.run(rate, nominal * warmupSeconds, FLAT_OUT_ACK_WINDOW);
            return reference.run(rate, nominal * seconds, FLAT_OUT_ACK_WINDOW);
        });
    }

    private static <T> T heartbeating(final PacedLineSender sender, final Supplier<T> work) throws IOException
    {
        final CompletableFuture<T> result = CompletableFuture.supplyAsync(work,
            runnable -> new Thread(runnable, "reference-producer").start());
        sender.idleUntil(result::isDone, 10, TimeUnit.MINUTES);
        return result.join();
    }

    /** Play, then idle (heartbeats) until the handler has acknowledged everything played. */
    private static PacedLineSender.Played handlerPhase(final LiveJob job, final PacedLineSender sender, final long rate,
        final long messages) throws IOException
    {
        final PipelineCounters counters = job.counters();
        final LineCounters lines = job.lineCounters();
        // Messages given up (lost on both lines, re-requests failed) never reach the ring: count them as taken.
        final PacedLineSender.Played played = sender.play(rate, messages, () ->
            sender.next() - 1 - counters.eventsIn.sum() - lines.messagesGivenUp.sum() > FLAT_OUT_SOCKET_WINDOW ||
                job.backlog() > FLAT_OUT_RING_WINDOW ||
                counters.recordsSent.sum() - counters.recordsAcked.sum() > FLAT_OUT_ACK_WINDOW);
        final boolean drained = sender.idleUntil(() ->
            counters.eventsIn.sum() + lines.messagesGivenUp.sum() >= sender.next() - 1 && job.backlog() == 0 &&
            counters.recordsSent.sum() == counters.recordsAcked.sum(), 60, TimeUnit.SECONDS);
        if (!drained)
        {
            System.out.printf("  handler did not take and acknowledge everything within 60 s: in %,d of %,d, backlog %,d, " +
                "sent %,d, acked %,d%n", counters.eventsIn.sum(), sender.next() - 1, job.backlog(), counters.recordsSent.sum(),
                counters.recordsAcked.sum());
        }
        return played;
    }

    private Profile profile(final String bootstrap) throws Exception
    {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        final String prefix = "239.255." + random.nextInt(1, 255) + ".";
        final int host = random.nextInt(1, 250);
        final Map<String, String> settings = new HashMap<>();
        settings.put("lines.a.group", prefix + host);
        settings.put("lines.a.port", Integer.toString(freePort()));
        settings.put("lines.a.interface", "lo");
        settings.put("lines.b.group", prefix + (host + 1));
        settings.put("lines.b.port", Integer.toString(freePort()));
        settings.put("lines.b.interface", "lo");
        settings.put("retransmission.host", "127.0.0.1");
        settings.put("retransmission.port", Integer.toString(freePort()));
        settings.put("lines.first-sequence", "1");
        settings.put("kafka.bootstrap-servers", bootstrap);
        settings.put("asset-class", "latency");
        settings.put("checkpoint.directory", work.resolve("state").toString());
        settings.putAll(overrides);
        return Profile.defaults(settings, Map.of());
    }

    private static int freePort() throws IOException
    {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    /** The store's first messages as a BinaryFILE (2-byte big-endian length, then the message). */
    private static byte[] binaryFile(final MessageStore store, final int messages)
    {
        final int count = Math.min(messages, store.count());
        final ByteBuffer out = ByteBuffer.allocate(store.offset(count) + store.length(count) + 2 * count);
        for (int sequence = 1; sequence <= count; sequence++)
        {
            out.putShort((short)store.length(sequence));
            out.put(store.bytes(), store.offset(sequence), store.length(sequence));
        }
        return out.array();
    }

    static double micros(final Histogram histogram, final double percentile)
    {
        if (histogram.getTotalCount() == 0)
        {
            return Double.NaN;
        }
        return (percentile >= 100 ? histogram.getMaxValue() : histogram.getValueAtPercentile(percentile)) / 1000.0;
    }

    private static String us(final Histogram histogram, final double percentile)
    {
        final double value = micros(histogram, percentile);
        if (Double.isNaN(value))
        {
            return "-";
        }
        return value >= 100 ? String.format("%,.0f", value) : String.format("%.1f", value);
    }

    private String tables(final List<Row> rows, final String loadAtStart, final String loadAtEnd)
    {
        final StringBuilder out = new StringBuilder();
        out.append(String.format("Latency in microseconds from the intended send time, HdrHistogram; %d s measured per rate " +
            "after %d s warm-up; %d messages per packet; load average %s at start, %s at end%n%n",
            seconds, warmupSeconds, messagesPerPacket, loadAtStart, loadAtEnd));
        out.append("| rate | handler msg/s | ->ring p50 / p99 / p99.9 | ->send() p50 / p99 / p99.9 | ->ack p50 / p99 / p99.9 | " +
            "Kafka producer rec/s | its ->send() p99 | its ->ack p50 / p99 / p99.9 | ack p99 handler / Kafka | sender late p99 | gaps recovered / messages lost | load |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final Row row : rows)
        {
            out.append(String.format("| %s | %,.0f | %s / %s / %s | %s / %s / %s | %s / %s / %s | %,.0f | %s | %s / %s / %s | %.2fx | %s | %,d / %,d | %s |%n",
                row.label(), row.achievedPerSecond(),
                us(row.toRing(), 50), us(row.toRing(), 99), us(row.toRing(), 99.9),
                us(row.toSend(), 50), us(row.toSend(), 99), us(row.toSend(), 99.9),
                us(row.toAck(), 50), us(row.toAck(), 99), us(row.toAck(), 99.9),
                row.referencePerSecond(), us(row.referenceToSend(), 99),
                us(row.referenceToAck(), 50), us(row.referenceToAck(), 99), us(row.referenceToAck(), 99.9),
                row.ackRatio(), us(row.senderLateness(), 99), row.recovered(), row.lost(), row.load()));
        }
        out.append(String.format("%nThroughput against percentile, microseconds (as exchange-core and Aeron publish them)%n%n"));
        for (final String series : new String[] {"handler ->send() returned", "handler ->broker ack", "Kafka producer ->broker ack"})
        {
            out.append("| ").append(series).append(" |");
            for (final double percentile : PERCENTILES)
            {
                out.append(percentile >= 100 ? " worst |" : String.format(" %s%% |", trim(percentile)));
            }
            out.append('\n').append("|---|").append("---:|".repeat(PERCENTILES.length)).append('\n');
            for (final Row row : rows)
            {
                final Histogram histogram = series.startsWith("handler ->send") ? row.toSend()
                    : series.startsWith("handler") ? row.toAck() : row.referenceToAck();
                out.append("| ").append(row.label()).append(" |");
                for (final double percentile : PERCENTILES)
                {
                    out.append(' ').append(us(histogram, percentile)).append(" |");
                }
                out.append('\n');
            }
            out.append('\n');
        }
        out.append("Origin: each packet's intended send time on the open-loop schedule (stamped into the ITCH timestamp);\n" +
            "flat out is closed loop (windowed) and measured from the actual send. ->ring, ->send(): per message;\n" +
            "->ack: per record. The Kafka producer: same settings, same schedule and bursts, records of the handler's\n" +
            "average value size, no key, no headers. sender late: the line sender's own lateness behind its schedule.\n");
        return out.toString();
    }

    private static String trim(final double value)
    {
        return value == Math.rint(value) ? Long.toString((long)value) : Double.toString(value);
    }

    private String json(final List<Row> rows, final DayRecords.Summary shape, final String loadAtStart, final String loadAtEnd,
        final LineCounters lines)
    {
        final StringBuilder out = new StringBuilder();
        out.append("{\n");
        out.append(String.format("  \"date\": \"%s\",%n", Instant.now()));
        out.append(String.format("  \"java\": \"%s %s\",%n", System.getProperty("java.vm.name"), System.getProperty("java.version")));
        out.append(String.format("  \"cores\": %d,%n", Runtime.getRuntime().availableProcessors()));
        out.append(String.format("  \"loadAverageAtStart\": %s,%n  \"loadAverageAtEnd\": %s,%n", loadAtStart, loadAtEnd));
        out.append(String.format("  \"warmupSeconds\": %d,%n  \"measuredSeconds\": %d,%n  \"messagesPerPacket\": %d,%n",
            warmupSeconds, seconds, messagesPerPacket));
        out.append(String.format("  \"day\": {\"seed\": %d, \"symbols\": %d, \"messages\": %d, \"averageValueBytes\": %d},%n",
            SEED, SYMBOLS, STORE_MESSAGES, shape.valueSize()));
        out.append(String.format("  \"profileOverrides\": \"%s\",%n", overrides));
        out.append("  \"units\": \"nanoseconds from the intended send time (flat out: from the actual send)\",\n");
        out.append(String.format("  \"lines\": {\"gapsOpened\": %d, \"gapsGivenUp\": %d, \"ringFull\": %d, \"localLoss\": %d},%n",
            lines.gapsOpened.sum(), lines.gapsGivenUp.sum(), lines.ringFull.sum(), lines.localLoss.sum()));
        out.append("  \"rates\": [\n");
        for (int i = 0; i < rows.size(); i++)
        {
            final Row row = rows.get(i);
            out.append(String.format("    {\"rate\": %d, \"messages\": %d, \"handlerPerSecond\": %.1f, \"lost\": %d, \"gapsRecovered\": %d, " +
                "\"reference\": %d, \"referencePerSecond\": %.1f, \"referenceFailures\": %d, \"ackP99Ratio\": %.3f, " +
                "\"loadAverage\": %s,%n", row.rate(), row.messages(), row.achievedPerSecond(), row.lost(), row.recovered(), row.reference(),
                row.referencePerSecond(), row.referenceFailures(), row.ackRatio(), row.load()));
            final Map<String, Histogram> series = new LinkedHashMap<>();
            series.put("handlerToRing", row.toRing());
            series.put("handlerToSendReturned", row.toSend());
            series.put("handlerToAck", row.toAck());
            series.put("senderLateness", row.senderLateness());
            series.put("referenceToSendReturned", row.referenceToSend());
            series.put("referenceToAck", row.referenceToAck());
            series.put("referenceLateness", row.referenceLateness());
            int n = 0;
            for (final Map.Entry<String, Histogram> entry : series.entrySet())
            {
                out.append(String.format("     \"%s\": %s%s%n", entry.getKey(), json(entry.getValue()),
                    ++n < series.size() ? "," : ""));
            }
            out.append(i + 1 < rows.size() ? "    },\n" : "    }\n");
        }
        out.append("  ]\n}\n");
        return out.toString();
    }

    private static String json(final Histogram histogram)
    {
        final StringBuilder out = new StringBuilder();
        out.append(String.format("{\"count\": %d, \"mean\": %.0f", histogram.getTotalCount(), histogram.getMean()));
        for (final double percentile : PERCENTILES)
        {
            out.append(String.format(", \"%s\": %d", percentile >= 100 ? "max" : "p" + trim(percentile),
                histogram.getTotalCount() == 0 ? 0
                    : percentile >= 100 ? histogram.getMaxValue() : histogram.getValueAtPercentile(percentile)));
        }
        out.append(", \"byPercentile\": [");
        if (histogram.getTotalCount() > 0)
        {
            String separator = "";
            for (final HistogramIterationValue value : histogram.percentiles(5))
            {
                out.append(separator).append(String.format("[%.6f, %d]", value.getPercentileLevelIteratedTo(),
                    value.getValueIteratedTo()));
                separator = ", ";
                if (value.getPercentileLevelIteratedTo() >= 100)
                {
                    break;
                }
            }
        }
        out.append("]}");
        return out.toString();
    }
}
