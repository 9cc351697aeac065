package io.feedhandler.kafka.broker;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka 4.3 broker in a JVM of its own, for tests that stop, kill and restart the
 * broker under a running producer, and for running a broker beside the feed handler:
 * <pre>{@code
 * try (KafkaBrokerProcess broker = KafkaBrokerProcess.create(directory))
 * {
 *     broker.start();            // java -Xmx512m -cp <this JVM's classpath> kafka.Kafka server.properties
 *     ...
 *     broker.kill();             // SIGKILL: no flush, no controlled shutdown
 *     broker.start();            // same ports, same data
 * }
 * }</pre>
 * The broker is the same as {@link EmbeddedKafkaBroker}'s (combined broker and controller on
 * 127.0.0.1, internal topics with one replica). Its directory holds:
 * <pre>
 *   server.properties    written once; the ports chosen then are kept for every restart
 *   log4j2.properties    the broker's logging: INFO to standard output
 *   broker.log           the broker's standard output and error, appended across restarts
 *   data/                log.dirs and the metadata log
 * </pre>
 * Storage is formatted in this JVM with Kafka's own formatter before the first launch (what
 * {@code kafka-storage format --standalone} does), so the broker JVM only ever runs
 * {@code kafka.Kafka}. It runs on this JVM's JDK ({@code java.home}) and classpath: from the
 * shaded {@code feedhandler.jar} that is the jar itself, under Surefire the test classpath.
 *
 * <p>Things to know:
 * <ul>
 *   <li>{@code acks=all} on one broker means "in the page cache": SIGKILL loses nothing acked (the
 *       kernel still writes it), a power cut could.</li>
 *   <li>A restart after SIGKILL recovers the unflushed log segments, and its broker cannot
 *       register until the controller has expired the killed incarnation's session
 *       ({@code DuplicateBrokerRegistrationException} in {@code broker.log}): the session timeout
 *       is cut from Kafka's 9 s to 4 s for this. Readiness (an admin client's describeCluster)
 *       waits for both.</li>
 *   <li>At SIGTERM the broker's log may end with Log4j's "Unable to register Log4j shutdown hook
 *       because JVM is shutting down": a Kafka thread logging late in the shutdown; harmless.</li>
 *   <li>A JVM shutdown hook kills a broker still running when this JVM exits, so a crashed test
 *       leaves no broker behind; a SIGKILLed parent cannot run it.</li>
 * </ul>
 */
public final class KafkaBrokerProcess implements AutoCloseable
{
    /** How long {@link #start()} waits for the broker to answer. */
    public static final long START_TIMEOUT_MS = 120_000;
    /** How long {@link #stop()} waits for a controlled shutdown before it kills. */
    public static final long STOP_TIMEOUT_MS = 60_000;
    /** The broker JVM's heap: enough for loopback tests and the demo, small beside other builds. */
    public static final String MAX_HEAP = "-Xmx512m";

    private static final Logger LOG = LogManager.getLogger(KafkaBrokerProcess.class);
    private static final String LOG_FILE = "broker.log";
    private static final String LOG4J_FILE = "log4j2.properties";
    private static final int LOG_TAIL_BYTES = 4_096;

    private final KraftNodeConfig config;
    private final String classpath;
    private Process process;
    private Thread killOnExit;

    private KafkaBrokerProcess(final KraftNodeConfig config, final String classpath)
    {
        this.config = config;
        this.classpath = classpath;
    }

    /**
     * A broker in {@code directory}, not yet started: chooses its ports (or finds those an earlier
     * broker there chose), writes its configuration and formats its storage.
     *
     * @param directory the broker's directory; created if missing.
     * @return the broker, stopped.
     * @throws IOException if the directory cannot be written or formatted.
     */
    public static KafkaBrokerProcess create(final Path directory) throws IOException
    {
        return create(directory, Map.of(), System.getProperty("java.class.path"));
    }

    /**
     * A broker with some settings of its own and a given classpath.
     *
     * @param directory the broker's directory; created if missing.
     * @param overrides broker settings over the defaults.
     * @param classpath the broker JVM's classpath: must hold kafka_2.13 and a Log4j 2 SLF4J binding.
     * @return the broker, stopped.
     * @throws IOException if the directory cannot be written or formatted.
     */
    public static KafkaBrokerProcess create(
        final Path directory,
        final Map<String, String> overrides,
        final String classpath) throws IOException
    {
        final KraftNodeConfig config = KraftNodeConfig.inDirectory(directory, overrides);
        LOG.debug("{}", config.formatStorage());
        writeLog4j(directory);
        return new KafkaBrokerProcess(config, classpath);
    }

    private static void writeLog4j(final Path directory) throws IOException
    {
        Files.writeString(directory.resolve(LOG4J_FILE), String.join("\n",
            "status = warn",
            "appender.out.type = Console",
            "appender.out.name = out",
            "appender.out.layout.type = PatternLayout",
            "appender.out.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.out.ref = out",
            ""));
    }

    /**
     * Launch the broker and wait until it answers clients.
     *
     * @return this.
     * @throws IOException if the JVM cannot be launched.
     * @throws InterruptedException if interrupted while waiting.
     * @throws IllegalStateException if it is running already, or did not become ready (the message
     *                               carries the tail of {@code broker.log}).
     */
    public KafkaBrokerProcess start() throws IOException, InterruptedException
    {
        final long startNs = System.nanoTime();
        launch();
        awaitReady(startNs);
        return this;
    }

    /**
     * The nodes of a new cluster of combined broker-and-controller processes (see
     * {@link KraftNodeConfig#cluster}: replication factor and internal topics for {@code nodes}
     * brokers, {@code min.insync.replicas} 2), not yet started: start them with {@link #startAll}.
     *
     * @param directory where the nodes' directories go ({@code node-1}, {@code node-2}, ...).
     * @param nodes     how many.
     * @param overrides broker settings over the defaults, on every node.
     * @return the nodes, node ids 1..nodes in order, stopped.
     * @throws IOException if a directory cannot be written or formatted.
     */
    public static List<KafkaBrokerProcess> cluster(final Path directory, final int nodes, final Map<String, String> overrides)
        throws IOException
    {
        final List<KafkaBrokerProcess> brokers = new ArrayList<>();
        for (final KraftNodeConfig config : KraftNodeConfig.cluster(directory, nodes, overrides))
        {
            LOG.debug("{}", config.formatStorage());
            writeLog4j(config.directory());
            brokers.add(new KafkaBrokerProcess(config, System.getProperty("java.class.path")));
        }
        return brokers;
    }

    /**
     * Launch every node, then wait until each answers: the nodes of a cluster cannot be started one
     * after the other, since none is ready before a majority of the controllers runs.
     *
     * @param brokers the nodes.
     * @throws IOException if a JVM cannot be launched.
     * @throws InterruptedException if interrupted while waiting.
     */
    public static void startAll(final List<KafkaBrokerProcess> brokers) throws IOException, InterruptedException
    {
        final long startNs = System.nanoTime();
        for (final KafkaBrokerProcess broker : brokers)
        {
            broker.launch();
        }
        for (final KafkaBrokerProcess broker : brokers)
        {
            broker.awaitReady(startNs);
        }
    }

    /** @return the {@code host:port} of every node, comma-separated. */
    public static String bootstrapServers(final List<KafkaBrokerProcess> brokers)
    {
        return String.join(",", brokers.stream().map(KafkaBrokerProcess::bootstrapServers).toList());
    }

    /** @return the node id ({@code node.id}). */
    public int nodeId()
    {
        return config.nodeId();
    }

    private void launch() throws IOException
    {
        if (isRunning())
        {
            throw new IllegalStateException("Kafka broker at " + bootstrapServers() + " is running already (pid " +
                process.pid() + ")");
        }
        final Path logFile = logFile();
        Files.writeString(logFile, "---- feedhandler: starting " + String.join(" ", command()) + "\n",
            StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        final Process started = new ProcessBuilder(command())
            .directory(config.directory().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
        process = started;
        killOnExit = new Thread(started::destroyForcibly, "kafka-broker-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    private void awaitReady(final long startNs) throws InterruptedException
    {
        final Process started = process;
        try
        {
            BrokerReadiness.await(bootstrapServers(), START_TIMEOUT_MS, started::isAlive, this::logTail);
        }
        catch (final RuntimeException | InterruptedException ex)
        {
            kill();
            throw ex;
        }
        LOG.info("Kafka broker process {} started in {} ms at {} ({})", started.pid(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs), bootstrapServers(), config.directory());
    }

    /**
     * SIGTERM: a controlled shutdown; kills the broker if it has not exited after
     * {@link #STOP_TIMEOUT_MS}. Does nothing if it is not running.
     *
     * @throws InterruptedException if interrupted while waiting.
     */
    public void stop() throws InterruptedException
    {
        if (process == null)
        {
            return;
        }
        process.destroy();
        if (process.waitFor(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS))
        {
            LOG.info("Kafka broker process {} stopped (exit code {})", process.pid(), process.exitValue());
        }
        else
        {
            LOG.warn("Kafka broker process {} still running {} ms after SIGTERM: killing it", process.pid(), STOP_TIMEOUT_MS);
        }
        kill();
    }

    /**
     * SIGKILL, and wait until the process is gone (its ports and its log directory lock are then
     * free). Does nothing if it is not running.
     *
     * @throws InterruptedException if interrupted while waiting.
     */
    public void kill() throws InterruptedException
    {
        if (process == null)
        {
            return;
        }
        process.destroyForcibly().waitFor();
        try
        {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        }
        catch (final IllegalStateException shuttingDown)
        {
            // the hook is running or about to: nothing left to remove
        }
        process = null;
        killOnExit = null;
    }

    /** @return whether the broker's JVM is alive (started, and neither stopped, killed nor crashed). */
    public boolean isRunning()
    {
        return process != null && process.isAlive();
    }

    /** @return the broker JVM's process id, or -1 when it is not running. */
    public long pid()
    {
        return isRunning() ? process.pid() : -1;
    }

    /** @return {@code host:port} of the broker's PLAINTEXT listener; the same across restarts. */
    public String bootstrapServers()
    {
        return config.bootstrapServers();
    }

    /** @return the broker's directory. */
    public Path directory()
    {
        return config.directory();
    }

    /** @return the file that receives the broker's standard output and error. */
    public Path logFile()
    {
        return config.directory().resolve(LOG_FILE);
    }

    /**
     * Stop the broker (controlled shutdown, then kill if it hangs); keeps its directory. If
     * interrupted, kills it without waiting and keeps the interrupt.
     */
    @Override
    public void close()
    {
        try
        {
            stop();
        }
        catch (final InterruptedException ex)
        {
            if (process != null)
            {
                process.destroyForcibly();
            }
            Thread.currentThread().interrupt();
        }
    }

    private List<String> command()
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(MAX_HEAP);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + config.directory().resolve(LOG4J_FILE).toAbsolutePath());
        command.add("-cp");
        command.add(classpath);
        command.add("kafka.Kafka");
        command.add(config.serverProperties().toAbsolutePath().toString());
        return command;
    }

    private String logTail()
    {
        try (RandomAccessFile file = new RandomAccessFile(logFile().toFile(), "r"))
        {
            final long length = file.length();
            final long from = Math.max(0, length - LOG_TAIL_BYTES);
            final byte[] tail = new byte[(int)(length - from)];
            file.seek(from);
            file.readFully(tail);
            return "; last lines of " + logFile() + ":\n" + new String(tail, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            return "; " + logFile() + " unreadable: " + ex.getMessage();
        }
    }
}
