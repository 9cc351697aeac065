package io.feedhandler.kafka.broker;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real single-node Kafka 4.3 broker inside this JVM: one KRaft node that is broker and controller,
 * listening on 127.0.0.1 only, every internal topic with one replica. For tests and for the
 * {@code feedhandler demo} command.
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start())
 * {
 *     producerProperties.put("bootstrap.servers", broker.bootstrapServers());
 * }
 * }</pre>
 * It runs Kafka's own server classes, as {@code kafka.Kafka} would: storage is formatted with
 * Kafka's {@link org.apache.kafka.metadata.storage.Formatter} (what {@code kafka-storage format
 * --standalone} does), then {@link KafkaRaftServer} starts; {@link #start} returns once an admin
 * client's describeCluster answers. Settings and layout: see {@code server.properties} in
 * {@link #directory()}.
 *
 * <p>Things to know:
 * <ul>
 *   <li>Kafka calls {@code Exit.halt}/{@code Exit.exit} on fatal broker errors (e.g. its only log
 *       directory failed): in-process, that ends this JVM. Use {@link KafkaBrokerProcess} where a
 *       broker failure must not take the caller down, or to kill and restart a broker.</li>
 *   <li>The broker's threads are not daemons: a broker left open keeps the JVM alive.</li>
 *   <li>Kafka 4.x logs through SLF4J, bound here to Log4j 2 ({@code log4j-slf4j2-impl}); no other
 *       binding is on the classpath, so its logs follow this application's Log4j configuration.</li>
 *   <li>The log cleaner's dedupe buffer is cut from 128 MiB to 8 MiB: the cleaner allocates it at
 *       start-up on this JVM's heap.</li>
 *   <li>{@code KafkaClusterTestKit} (kafka-test-common-runtime) would also do; it is test tooling
 *       built on the same classes, so main code uses the server classes directly.</li>
 *   <li>Kafka's formatter refuses a directory formatted with another cluster id even when told to
 *       ignore formatted directories: a directory with {@code meta.properties} is not formatted
 *       again.</li>
 *   <li>On JDK 24+ Kafka prints a {@code sun.misc.Unsafe::invokeCleaner} deprecation warning
 *       (its {@code ByteBufferUnmapper}) once per JVM; harmless.</li>
 * </ul>
 *
 * <p>What the plain kafka-clients 4.3.1 producer does with a small {@code max.block.ms}, measured
 * against this broker on loopback (see {@code EmbeddedKafkaBrokerTest}):
 * <ul>
 *   <li>{@code send()} waits for the topic's metadata up to {@code max.block.ms}. With 0 (or 1-2 ms)
 *       every send before the metadata has arrived fails with {@code TimeoutException: Topic X not
 *       present in metadata after 0 ms}. It fails through the returned future and the callback:
 *       {@code send()} itself does not throw. The failed call only triggers the metadata request,
 *       which answers in about 10-50 ms here.</li>
 *   <li>{@code partitionsFor(topic)} is bounded by {@code max.block.ms} too. With a small value, a
 *       publisher must repeat it until it succeeds, before the feed opens. Once the producer has the
 *       metadata, {@code max.block.ms=0} works: {@code send()} took about 0.1-0.5 ms and every
 *       record was acknowledged.</li>
 *   <li>With 10-50 ms the first send waited for the metadata (4-12 ms) and succeeded.</li>
 *   <li>The first {@code send()} of a new producer took about 11 ms even with its metadata known
 *       (class loading, first batch). Warm the producer up before the feed opens.</li>
 *   <li>With no broker at all, {@code send()} returns after about {@code max.block.ms} with a
 *       failed future. It does not block for the default 60 s.</li>
 * </ul>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable
{
    /** How long {@link #start} waits for the broker to answer. */
    public static final long START_TIMEOUT_MS = 120_000;

    private static final Logger LOG = LogManager.getLogger(EmbeddedKafkaBroker.class);

    private final KraftNodeConfig config;
    private final KafkaRaftServer server;
    private final boolean deleteOnClose;
    private boolean closed;

    private EmbeddedKafkaBroker(final KraftNodeConfig config, final KafkaRaftServer server, final boolean deleteOnClose)
    {
        this.config = config;
        this.server = server;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * Start a broker in a new temporary directory, deleted by {@link #close()}.
     *
     * @return the running broker.
     * @throws IOException if its directory cannot be made or formatted.
     * @throws InterruptedException if interrupted while waiting for it.
     */
    public static EmbeddedKafkaBroker start() throws IOException, InterruptedException
    {
        return start(Files.createTempDirectory("feedhandler-kafka-"), true, Map.of());
    }

    /**
     * Start a broker in {@code directory}, kept on {@link #close()}: a later start there finds the
     * same ports and the same data.
     *
     * @param directory where {@code server.properties} and the data go; created if missing.
     * @return the running broker.
     * @throws IOException if its directory cannot be made or formatted.
     * @throws InterruptedException if interrupted while waiting for it.
     */
    public static EmbeddedKafkaBroker start(final Path directory) throws IOException, InterruptedException
    {
        return start(directory, false, Map.of());
    }

    /**
     * Start a broker with some settings of its own.
     *
     * @param directory     where {@code server.properties} and the data go; created if missing.
     * @param deleteOnClose whether {@link #close()} deletes {@code directory}.
     * @param overrides     broker settings over the defaults, e.g. {@code auto.create.topics.enable}.
     * @return the running broker.
     * @throws IOException if its directory cannot be made or formatted.
     * @throws InterruptedException if interrupted while waiting for it.
     */
    public static EmbeddedKafkaBroker start(
        final Path directory,
        final boolean deleteOnClose,
        final Map<String, String> overrides) throws IOException, InterruptedException
    {
        final long startNs = System.nanoTime();
        final KraftNodeConfig config;
        final KafkaRaftServer server;
        try
        {
            config = KraftNodeConfig.inDirectory(directory, overrides);
            LOG.debug("{}", config.formatStorage());
            server = new KafkaRaftServer(KafkaConfig.fromProps(config.properties()), Time.SYSTEM);
        }
        catch (final IOException | RuntimeException ex)
        {
            if (deleteOnClose)
            {
                deleteRecursively(directory);
            }
            throw ex;
        }
        final EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(config, server, deleteOnClose);
        try
        {
            server.startup();
            BrokerReadiness.await(config.bootstrapServers(), START_TIMEOUT_MS, () -> true, () -> "");
        }
        catch (final RuntimeException | InterruptedException ex)
        {
            broker.close();
            throw ex;
        }
        LOG.info("Kafka broker started in {} ms at {} ({})",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs), config.bootstrapServers(), directory);
        return broker;
    }

    /** @return {@code host:port} of the broker's PLAINTEXT listener, for {@code bootstrap.servers}. */
    public String bootstrapServers()
    {
        return config.bootstrapServers();
    }

    /** @return the directory that holds {@code server.properties} and the broker's data. */
    public Path directory()
    {
        return config.directory();
    }

    /**
     * Shut the broker down (controlled shutdown, logs flushed) and delete its directory if it was
     * a temporary one. Idempotent.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            server.shutdown();
            server.awaitShutdown();
        }
        finally
        {
            if (deleteOnClose)
            {
                deleteRecursively(config.directory());
            }
        }
    }

    static void deleteRecursively(final Path directory)
    {
        if (!Files.exists(directory))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(path);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(directory + ": cannot delete the broker's directory", ex);
        }
    }
}
