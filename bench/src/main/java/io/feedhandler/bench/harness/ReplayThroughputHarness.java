package io.feedhandler.bench.harness;

import io.feedhandler.config.Profile;
import io.feedhandler.config.ProfileException;
import io.feedhandler.kafka.TopicCreator;
import io.feedhandler.kafka.Topics;
import io.feedhandler.kafka.broker.KafkaBrokerProcess;
import io.feedhandler.pipeline.ReplayJob;
import io.feedhandler.pipeline.ReplaySummary;
import io.feedhandler.sim.SyntheticMarket;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * End-to-end replay throughput against Kafka's own producer benchmark, on one broker, in one run:
 * <pre>
 *   generate a day (SyntheticMarket seed 20191230, 500 symbols, N messages)
 *   capture the records the handler makes of it, without Kafka: count, average value size
 *   start one broker process (KafkaBrokerProcess, in a temporary directory)
 *   round 0: as below, to warm this JVM and the broker up (not counted)
 *   round 1: reference  ProducerPerformance: as many records as the handler's, each as large as
 *                       their average value, no key, no headers, to a fresh 8-partition topic
 *            handler    ReplayJob.replay of the day file, fresh topics
 *            bare       the handler's captured records (topics, keys, headers, values) sent by a
 *                       tight producer loop, fresh topics
 *   round 2: the same again, to show the noise
 *   table, ratio handler / reference, JSON
 * </pre>
 * All use the producer settings of the built-in profile ({@code Profile.defaults}: acks=all,
 * idempotence, compression none, max.block.ms 1 s) with a replay's own {@code linger.ms}
 * ({@code replay.linger-ms}, 5). {@code bare} separates what the pipeline costs
 * (handler / bare) from what the records' shape costs (bare / reference).
 *
 * <p>Every topic is created, and waited for until every partition answers ListOffsets, before
 * its run: on a 4.3 broker a producer that starts on partitions created a moment ago can meet
 * KAFKA-15591 and stall for {@code delivery.timeout.ms} (see {@link #createHandlerTopics}).
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.feedhandler.bench.harness.ReplayThroughputHarness
 * [messages] [result.json] [--set profile.key=value]... [--variants]} (defaults 1,000,000 and
 * {@code bench/results/replay-vs-producer-perf.json}); {@code bench/replay-vs-producer-perf} builds
 * and runs it on a JDK &gt;= 21. {@code --set} changes the profile of every run (the reference's
 * producer settings too), e.g. {@code replay.linger-ms=0}; {@code --variants} adds two bare
 * runs per round, the handler's records without keys and without headers.
 */
public final class ReplayThroughputHarness
{
    private static final long SEED = 20191230L;
    private static final int SYMBOLS = 500;
    private static final int ROUNDS = 2;
    private static final int PARTITIONS = 8;
    private static final String DAY_FILE = "12302019.NASDAQ_ITCH50";
    private static final Duration ACK_TIMEOUT = Duration.ofMinutes(5);
    private static final String DEFAULT_RESULT = "bench/results/replay-vs-producer-perf.json";
    private static final String GOAL = "0.9";
    private static final String CLIENT_ID = ProducerConfig.CLIENT_ID_CONFIG;

    private final Path work;
    private final Map<String, String> overrides;
    private final boolean variants;

    private ReplayThroughputHarness(final Path work, final Map<String, String> overrides, final boolean variants)
    {
        this.work = work;
        this.overrides = Map.copyOf(overrides);
        this.variants = variants;
    }

    /**
     * One measured run.
     *
     * @param round            1 or 2.
     * @param name             reference, handler or bare.
     * @param records          records acknowledged.
     * @param recordsPerSecond the run's own figure: ProducerPerformance's, ReplaySummary's, the bare loop's.
     * @param steadyPerSecond  handler only: from the first message on the ring to the end (else the same).
     * @param p50Millis        acknowledgement latency, median (handler: from receipt, ring queueing included).
     * @param p99Millis        acknowledgement latency, 99th percentile.
     * @param wallSeconds      wall time of the run, set-up included.
     * @param harnessCpu       CPU seconds this JVM used during the run (all threads).
     * @param brokerCpu        CPU seconds the broker process used during the run.
     * @param load             1-minute load average at the start.
     * @param producer         what the producer's own metrics said at the end of the run.
     */
    private record Run(int round, String name, long records, double recordsPerSecond, double steadyPerSecond,
        double p50Millis, double p99Millis, double wallSeconds, double harnessCpu, double brokerCpu, String load,
        ProducerMetricsSampler.Figures producer)
    {
        Run(final int round, final String name, final long records, final double recordsPerSecond,
            final double steadyPerSecond, final double p50Millis, final double p99Millis)
        {
            this(round, name, records, recordsPerSecond, steadyPerSecond, p50Millis, p99Millis, 0, 0, 0, null,
                ProducerMetricsSampler.Figures.NONE);
        }

        /** @return CPU microseconds per record, this JVM and the broker together. */
        double cpuMicrosPerRecord()
        {
            return (harnessCpu + brokerCpu) * 1e6 / records;
        }
    }

    /**
     * @param args optional: messages in the generated day, and the JSON result file.
     * @throws Exception if the broker, the reference or the replay fails.
     */
    public static void main(final String[] args) throws Exception
    {
        Locale.setDefault(Locale.ROOT);
        final List<String> positional = new ArrayList<>();
        final Map<String, String> overrides = new TreeMap<>();
        boolean variants = false;
        for (int i = 0; i < args.length; i++)
        {
            if (args[i].equals("--variants"))
            {
                variants = true;
            }
            else if (args[i].equals("--set") && i + 1 < args.length && args[i + 1].contains("="))
            {
                final String set = args[++i];
                overrides.put(set.substring(0, set.indexOf('=')), set.substring(set.indexOf('=') + 1));
            }
            else if (args[i].startsWith("-"))
            {
                System.err.println("usage: ReplayThroughputHarness [messages] [result.json] [--set profile.key=value]... [--variants]");
                System.exit(2);
            }
            else
            {
                positional.add(args[i]);
            }
        }
        final long messages = positional.size() > 0 ? Long.parseLong(positional.get(0).replace("_", "").replace(",", "")) : 1_000_000L;
        final Path result = Path.of(positional.size() > 1 ? positional.get(1) : DEFAULT_RESULT);
        if (messages < SyntheticMarket.scheduledMessages(SYMBOLS))
        {
            System.err.println("messages must be at least " + SyntheticMarket.scheduledMessages(SYMBOLS) +
                " (the fixed schedule of " + SYMBOLS + " symbols), got " + messages);
            System.exit(2);
        }
        final Path work = Files.createTempDirectory("replay-vs-producer-perf");
        try
        {
            new ReplayThroughputHarness(work, overrides, variants).run(messages, result);
        }
        finally
        {
            deleteTree(work);
        }
    }

    private void run(final long messages, final Path result) throws Exception
    {
        final Path day = work.resolve(DAY_FILE);
        SyntheticMarket.writeBinaryFile(day, SEED, SYMBOLS, messages);
        final byte[] dayBytes = Files.readAllBytes(day);
        final DayRecords.Summary shape = DayRecords.capture(dayBytes, day, profile("127.0.0.1:9092", "capture")).summary();
        final long records = shape.records();
        final int valueSize = shape.valueSize();
        System.out.printf("day: %,d messages -> %,d records; per record: value %d B, key %.1f B, headers %.1f B%n",
            shape.messages(), records, valueSize, shape.keySize(), shape.headerSize());

        final List<Run> runs = new ArrayList<>();
        // The broker JVM runs in its own directory: give it this JVM's class path made absolute.
        final String classpath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry -> Path.of(entry).toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator));
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.create(work.resolve("broker"), Map.of(), classpath).start())
        {
            final String bootstrap = broker.bootstrapServers();
            final ProcessHandle brokerProcess = ProcessHandle.of(broker.pid()).orElseThrow();
            System.out.println("broker: " + bootstrap + " (pid " + broker.pid() + ")");
            // Round 0 warms this JVM and the broker up (their JIT compilers: the broker's CPU per
            // record falls several-fold over its first million records) and is not counted.
            for (int round = 0; round <= ROUNDS; round++)
            {
                final int number = round;
                final Properties producer = replayProducer(profile(bootstrap, "reference" + round));
                producer.setProperty(CLIENT_ID, "producer-perf-" + round);
                final String topic = "producer-perf-" + round;
                createTopic(bootstrap, topic);
                System.out.printf("round %d: reference: ProducerPerformance, %,d records of %d B to %s (%d partitions)%n",
                    round, records, valueSize, topic, PARTITIONS);
                runs.add(measure(brokerProcess, producer.getProperty(CLIENT_ID), () ->
                {
                    final ProducerPerformanceRun reference = ProducerPerformanceRun.run(topic, records, valueSize, producer);
                    return new Run(number, "reference", reference.records(), reference.recordsPerSecond(),
                        reference.recordsPerSecond(), reference.p50Millis(), reference.p99Millis());
                }));

                final Profile handlerProfile = profile(bootstrap, "handler" + round);
                createHandlerTopics(bootstrap, handlerProfile);
                System.out.printf("round %d: handler: ReplayJob over %s%n", round, day.getFileName());
                runs.add(measure(brokerProcess, clientId(handlerProfile), () -> replay(number, handlerProfile, day)));

                final Profile bareProfile = profile(bootstrap, "bare" + round);
                createHandlerTopics(bootstrap, bareProfile);
                final DayRecords bareRecords = DayRecords.capture(dayBytes, day, bareProfile);
                System.out.printf("round %d: bare: the handler's %,d records from a tight producer loop%n",
                    round, bareRecords.records().size());
                runs.add(measure(brokerProcess, clientId(bareProfile), () ->
                {
                    final BareProducerRun bare = BareProducerRun.run(
                        replayProducer(bareProfile), Topics.of(bareProfile).all(), bareRecords.records());
                    if (bare.failures() != 0)
                    {
                        throw new IllegalStateException("bare producer: " + bare.failures() + " deliveries failed");
                    }
                    return new Run(number, "bare", bare.records(), bare.recordsPerSecond(), bare.recordsPerSecond(),
                        Double.NaN, Double.NaN);
                }));
                if (variants)
                {
                    runs.add(bareVariant(brokerProcess, bootstrap, number, "unkeyed", dayBytes, day,
                        record -> new ProducerRecord<>(record.topic(), null, (byte[])null, record.value(), record.headers())));
                    runs.add(bareVariant(brokerProcess, bootstrap, number, "no-headers", dayBytes, day,
                        record -> new ProducerRecord<>(record.topic(), record.key(), record.value())));
                }
            }
        }
        final String table = table(runs);
        System.out.println();
        System.out.print(table);
        final Path parent = result.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        Files.writeString(result, json(messages, shape, runs), StandardCharsets.UTF_8);
        System.out.println("written " + result);
    }

    /**
     * The bare loop over the handler's records changed one way, to see what each part of their
     * shape costs the producer and the broker.
     */
    private Run bareVariant(final ProcessHandle broker, final String bootstrap, final int round, final String name,
        final byte[] dayBytes, final Path day,
        final UnaryOperator<ProducerRecord<byte[], byte[]>> change) throws Exception
    {
        final Profile profile = profile(bootstrap, "bare_" + name.replace('-', '_') + round);
        createHandlerTopics(bootstrap, profile);
        final List<ProducerRecord<byte[], byte[]>> records =
            DayRecords.capture(dayBytes, day, profile).records().stream().map(change).toList();
        System.out.printf("round %d: bare-%s: the handler's records, %s%n", round, name, name);
        return measure(broker, clientId(profile), () ->
        {
            final BareProducerRun bare = BareProducerRun.run(replayProducer(profile), Topics.of(profile).all(), records);
            return new Run(round, "bare-" + name, bare.records(), bare.recordsPerSecond(), bare.recordsPerSecond(),
                Double.NaN, Double.NaN);
        });
    }

    /** Run once, adding wall time, the CPU time of this JVM and of the broker, the load average and producer metrics. */
    private static Run measure(final ProcessHandle broker, final String clientId, final Callable<Run> body) throws Exception
    {
        final String load = loadAverage();
        final double harnessBefore = cpuSeconds(ProcessHandle.current());
        final double brokerBefore = cpuSeconds(broker);
        final long start = System.nanoTime();
        final Run run;
        final ProducerMetricsSampler.Figures producer;
        try (ProducerMetricsSampler sampler = new ProducerMetricsSampler(clientId))
        {
            run = body.call();
            producer = sampler.figures();
        }
        final double wall = (System.nanoTime() - start) / 1e9;
        return new Run(run.round(), run.name(), run.records(), run.recordsPerSecond(), run.steadyPerSecond(),
            run.p50Millis(), run.p99Millis(), wall, cpuSeconds(ProcessHandle.current()) - harnessBefore,
            cpuSeconds(broker) - brokerBefore, load, producer);
    }

    /** @return the producer settings a replay uses (the profile's, with replay.linger-ms): every run gets the same. */
    private static Properties replayProducer(final Profile profile)
    {
        return profile.kafka().producerProperties(profile.replay().lingerMillis());
    }

    private static String clientId(final Profile profile)
    {
        return profile.kafka().producerProperties().getProperty(CLIENT_ID);
    }

    /**
     * The built-in profile on this broker, with topics of its own: the asset class is only a part
     * of topic names, so a run-specific one gives each run fresh topics, as the reference gets.
     */
    private Profile profile(final String bootstrap, final String run) throws ProfileException
    {
        final Map<String, String> settings = new HashMap<>(overrides);
        settings.put("kafka.bootstrap-servers", bootstrap);
        settings.put("asset-class", run);
        settings.put("checkpoint.directory", work.resolve("state-" + run).toString());
        return Profile.defaults(settings, Map.of());
    }

    private static Run replay(final int round, final Profile profile, final Path day) throws Exception
    {
        final long[] firstMessage = {0};
        final ReplaySummary summary = new ReplayJob(profile).replay(day, 0, (bytesRead, events) ->
        {
            if (firstMessage[0] == 0 && events > 0)
            {
                firstMessage[0] = System.nanoTime();
            }
        }, ACK_TIMEOUT);
        final long end = System.nanoTime();
        System.out.print(summary.render().indent(4));
        if (!summary.complete())
        {
            throw new IllegalStateException("the replay did not get every acknowledgement within " + ACK_TIMEOUT);
        }
        final long acked = summary.counters().recordsAcked.sum();
        return new Run(round, "handler", acked, summary.recordsPerSecond(), acked / ((end - firstMessage[0]) / 1e9),
            summary.latencyMicros().getValueAtPercentile(50) / 1000.0,
            summary.latencyMicros().getValueAtPercentile(99) / 1000.0);
    }

    static void createTopic(final String bootstrap, final String topic) throws Exception
    {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)))
        {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short)1))).all().get(30, TimeUnit.SECONDS);
            awaitWritable(admin, List.of(topic));
        }
    }

    /**
     * Create the replay's topics as {@code ReplayJob} would (it then finds them there), and wait
     * until they take records. On a 4.3 broker, records sent to a partition created a moment ago
     * can meet KAFKA-15591: the first request fails NOT_LEADER_OR_FOLLOWER, a later one in flight
     * is appended, and the first is retried as OUT_OF_ORDER_SEQUENCE_NUMBER until
     * {@code delivery.timeout.ms} (120 s) expires it; that stall, not throughput, would be measured.
     */
    static void createHandlerTopics(final String bootstrap, final Profile profile) throws Exception
    {
        final Topics topics = Topics.of(profile);
        TopicCreator.of(profile).createMissing(topics);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)))
        {
            awaitWritable(admin, topics.all());
        }
    }

    /**
     * A partition's leader appears in metadata before the broker has created the partition's log:
     * wait until every partition answers ListOffsets, which, like Produce, needs the log.
     */
    private static void awaitWritable(final Admin admin, final List<String> topics) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true)
        {
            try
            {
                final Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                for (final TopicDescription description :
                    admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values())
                {
                    description.partitions().forEach(partition ->
                        partitions.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest()));
                }
                admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS);
                return;
            }
            catch (final ExecutionException ex)
            {
                if (System.nanoTime() > deadline)
                {
                    throw new IllegalStateException("topics " + topics + " do not take records after 30 s", ex);
                }
                Thread.sleep(50);
            }
        }
    }

    private static String table(final List<Run> runs)
    {
        final StringBuilder out = new StringBuilder();
        out.append(String.format("%-5s %-15s %11s %11s %8s %8s %6s %6s %6s %7s %7s %7s %5s%n",
            "round", "run", "records/s", "steady r/s", "p50 ms", "p99 ms", "wall s", "cpu s", "broker", "cpu us",
            "rec/req", "batch B", "load"));
        for (final Run run : runs)
        {
            out.append(String.format("%-5s %-15s %,11.0f %,11.0f %8s %8s %6.2f %6.2f %6.2f %7.2f %7.0f %7.0f %5s%n",
                run.round() == 0 ? "warm" : Integer.toString(run.round()), run.name(),
                run.recordsPerSecond(), run.steadyPerSecond(), millis(run.p50Millis()), millis(run.p99Millis()),
                run.wallSeconds(), run.harnessCpu(), run.brokerCpu(), run.cpuMicrosPerRecord(),
                run.producer().recordsPerRequestAvg(), run.producer().batchSizeAvg(), run.load()));
        }
        for (int round = 1; round <= ROUNDS; round++)
        {
            out.append(String.format("round %d: handler/reference %.2f (steady %.2f), handler/bare %.2f, bare/reference %.2f%n",
                round, ratio(runs, round, "handler", "reference", false), ratio(runs, round, "handler", "reference", true),
                ratio(runs, round, "handler", "bare", false), ratio(runs, round, "bare", "reference", false)));
        }
        out.append(String.format("mean:    handler/reference %.2f (steady %.2f), handler/bare %.2f, bare/reference %.2f; goal >= %s%n",
            ratio(runs, 0, "handler", "reference", false), ratio(runs, 0, "handler", "reference", true),
            ratio(runs, 0, "handler", "bare", false), ratio(runs, 0, "bare", "reference", false), GOAL));
        out.append("records/s: each run's own figure (ProducerPerformance's; ReplaySummary.recordsPerSecond, whole replay;\n" +
            "  the bare loop's, first send to last ack). steady: handler from its first message on the ring to the end.\n" +
            "p50/p99: reference send->ack; handler receive->ack, ring queueing included. cpu s: this JVM (all threads);\n" +
            "  broker: the broker process; cpu us: both, per record; on " + Runtime.getRuntime().availableProcessors() +
            " cores. rec/req, batch B: the producer's\n  records-per-request-avg and batch-size-avg (JMX). " +
            "load: 1-minute load average at the start.\n");
        return out.toString();
    }

    /** Ratio of the mean rates of two kinds of run, in one round (or all measured rounds for round 0). */
    private static double ratio(final List<Run> runs, final int round, final String numerator, final String denominator,
        final boolean steady)
    {
        return mean(runs, round, numerator, steady) / mean(runs, round, denominator, steady);
    }

    private static double mean(final List<Run> runs, final int round, final String name, final boolean steady)
    {
        return runs.stream().filter(run -> run.name().equals(name) && (round == 0 ? run.round() > 0 : run.round() == round))
            .mapToDouble(run -> steady ? run.steadyPerSecond() : run.recordsPerSecond()).average().orElse(Double.NaN);
    }

    private static String millis(final double value)
    {
        return Double.isNaN(value) ? "-" : String.format("%.1f", value);
    }

    private String json(final long messages, final DayRecords.Summary shape, final List<Run> runs)
    {
        final StringBuilder out = new StringBuilder();
        out.append("{\n");
        out.append(String.format("  \"date\": \"%s\",%n", Instant.now()));
        out.append(String.format("  \"java\": \"%s %s\",%n", System.getProperty("java.vm.name"), System.getProperty("java.version")));
        out.append(String.format("  \"cores\": %d,%n", Runtime.getRuntime().availableProcessors()));
        out.append(String.format("  \"day\": {\"seed\": %d, \"symbols\": %d, \"messages\": %d, \"records\": %d, " +
            "\"averageValueBytes\": %d, \"averageKeyBytes\": %.2f, \"averageHeaderBytes\": %.2f},%n",
            SEED, SYMBOLS, messages, shape.records(), shape.valueSize(), shape.keySize(), shape.headerSize()));
        out.append("  \"reference\": \"org.apache.kafka.tools.ProducerPerformance: same record count, record size = average value size, " +
            "one fresh topic of 8 partitions, no key, no headers\",\n");
        out.append("  \"bare\": \"the handler's own records (topics, keys, headers, values) from a tight KafkaProducer loop\",\n");
        out.append(String.format("  \"profileOverrides\": \"%s\",%n", overrides));
        out.append("  \"runs\": [\n");
        for (int i = 0; i < runs.size(); i++)
        {
            final Run run = runs.get(i);
            out.append(String.format("    {\"round\": %d, \"run\": \"%s\", \"records\": %d, \"recordsPerSecond\": %.1f, " +
                "\"steadyRecordsPerSecond\": %.1f, \"p50Millis\": %s, \"p99Millis\": %s, \"wallSeconds\": %.3f, " +
                "\"harnessCpuSeconds\": %.3f, \"brokerCpuSeconds\": %.3f, \"cpuMicrosPerRecord\": %.3f, " +
                "\"producerRecordsPerRequestAvg\": %s, \"producerBatchSizeAvg\": %s, \"producerCompressionRateAvg\": %s, " +
                "\"producerRecordSizeAvg\": %s, \"loadAverage\": %s}%s%n",
                run.round(), run.name(), run.records(), run.recordsPerSecond(), run.steadyPerSecond(),
                jsonNumber(run.p50Millis()), jsonNumber(run.p99Millis()), run.wallSeconds(), run.harnessCpu(),
                run.brokerCpu(), run.cpuMicrosPerRecord(), jsonNumber(run.producer().recordsPerRequestAvg()),
                jsonNumber(run.producer().batchSizeAvg()), jsonNumber(run.producer().compressionRateAvg()),
                jsonNumber(run.producer().recordSizeAvg()), run.load(), i + 1 < runs.size() ? "," : ""));
        }
        out.append("  ],\n");
        out.append(String.format("  \"ratio\": %.3f,%n  \"steadyRatio\": %.3f,%n  \"handlerToBare\": %.3f,%n" +
            "  \"bareToReference\": %.3f,%n  \"goal\": %s%n}%n",
            ratio(runs, 0, "handler", "reference", false), ratio(runs, 0, "handler", "reference", true),
            ratio(runs, 0, "handler", "bare", false), ratio(runs, 0, "bare", "reference", false), GOAL));
        return out.toString();
    }

    private static String jsonNumber(final double value)
    {
        return Double.isNaN(value) ? "null" : String.format("%.3f", value);
    }

    static double cpuSeconds(final ProcessHandle process)
    {
        return process.info().totalCpuDuration().map(cpu -> cpu.toNanos() / 1e9).orElse(Double.NaN);
    }

    static String loadAverage()
    {
        try
        {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        }
        catch (final IOException | RuntimeException ex)
        {
            return "null";
        }
    }

    static void deleteTree(final Path root) throws IOException
    {
        try (Stream<Path> paths = Files.walk(root))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(path);
            }
        }
    }
}
