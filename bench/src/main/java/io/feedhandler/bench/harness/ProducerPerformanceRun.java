package io.feedhandler.bench.harness;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.ProducerPerformance;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference: Kafka's own {@code ProducerPerformance} (what {@code kafka-producer-perf-test.sh}
 * runs), called in this JVM with the handler's producer settings. It reports only on standard
 * output, so its output is captured (and passed through, indented) and its summary line parsed.
 *
 * <p>What it does, for reading the figures: one thread sends {@code --num-records} keyless records
 * of {@code --record-size} random upper-case letters (a new random payload per record, a new
 * callback per record), no headers; the default partitioner's sticky partitioning fills one
 * partition's batch at a time. Its rate runs from just before the first send to the end of
 * {@code producer.close()}, so it includes the last acknowledgements.
 *
 * @param records          records acknowledged.
 * @param recordsPerSecond its own figure.
 * @param megabytesPerSecond value bytes per second (MiB/s), its own figure.
 * @param p50Millis        send-to-ack latency, median.
 * @param p99Millis        send-to-ack latency, 99th percentile.
 * @param wallNanos        this call from start to return, producer creation included.
 */
record ProducerPerformanceRun(
    long records, double recordsPerSecond, double megabytesPerSecond, int p50Millis, int p99Millis, long wallNanos)
{
    /** {@code printTotal}'s line in Kafka 4.3. */
    private static final Pattern TOTAL = Pattern.compile("^(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\), " +
        "[0-9.]+ ms avg latency, [0-9.]+ ms max latency, (\\d+) ms 50th, \\d+ ms 95th, (\\d+) ms 99th.*");

    /**
     * Run the tool to completion.
     *
     * @param topic       an existing topic (its partitions led).
     * @param records     to send.
     * @param recordSize  value bytes per record.
     * @param producer    producer properties (bootstrap servers included); serializers are the tool's own.
     * @return its summary.
     * @throws Exception if the tool fails or prints no summary.
     */
    static ProducerPerformanceRun run(final String topic, final long records, final int recordSize,
        final Properties producer) throws Exception
    {
        final List<String> args = new ArrayList<>(List.of(
            "--topic", topic,
            "--num-records", Long.toString(records),
            "--record-size", Integer.toString(recordSize),
            "--throughput", "-1",
            "--bootstrap-server", producer.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG),
            "--command-property"));
        for (final String name : new TreeSet<>(producer.stringPropertyNames()))
        {
            if (!name.equals(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) &&
                !name.equals(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG) && !name.equals(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG))
            {
                args.add(name + "=" + producer.getProperty(name));
            }
        }
        final PrintStream console = System.out;
        console.println("    kafka-producer-perf-test " + String.join(" ", args));
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        // The tool calls Exit.exit on a bad argument: fail this run instead of the JVM.
        Exit.setExitProcedure((status, message) ->
        {
            throw new IllegalStateException("ProducerPerformance exited with status " + status + ": " + message);
        });
        final long start = System.nanoTime();
        try (PrintStream tee = new PrintStream(new Tee(console, captured), true, StandardCharsets.UTF_8))
        {
            System.setOut(tee);
            ProducerPerformance.main(args.toArray(String[]::new));
        }
        finally
        {
            System.setOut(console);
            Exit.resetExitProcedure();
        }
        final long wallNanos = System.nanoTime() - start;
        for (final String line : captured.toString(StandardCharsets.UTF_8).split("\\R"))
        {
            final Matcher total = TOTAL.matcher(line.trim());
            if (total.matches())
            {
                return new ProducerPerformanceRun(Long.parseLong(total.group(1)), Double.parseDouble(total.group(2)),
                    Double.parseDouble(total.group(3)), Integer.parseInt(total.group(4)), Integer.parseInt(total.group(5)),
                    wallNanos);
            }
        }
        throw new IllegalStateException("ProducerPerformance printed no summary line; it printed:\n" + captured);
    }

    /** Passes the tool's lines to the console, indented, and keeps a copy. */
    private static final class Tee extends OutputStream
    {
        private final PrintStream console;
        private final ByteArrayOutputStream copy;
        private boolean lineStart = true;

        Tee(final PrintStream console, final ByteArrayOutputStream copy)
        {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(final int b)
        {
            if (lineStart)
            {
                console.print("    producer-perf | ");
                lineStart = false;
            }
            console.write(b);
            copy.write(b);
            lineStart = b == '\n';
        }

        @Override
        public void flush()
        {
            console.flush();
        }
    }
}
