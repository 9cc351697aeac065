package io.feedhandler.kafka.broker;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.raft.DynamicVoters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration of a single-node KRaft broker (combined broker and controller) on loopback, and
 * the directory it lives in:
 * <pre>
 *   directory/server.properties   what the broker runs with (also what {@code kafka.Kafka} reads)
 *   directory/data/               log.dirs and the metadata log (__cluster_metadata-0)
 * </pre>
 * Ports are chosen once per directory and kept in {@code server.properties}: the controller's
 * address is written into the voter set of the metadata log when storage is formatted, so a
 * restart on the same data must listen on the same controller port.
 */
final class KraftNodeConfig
{
    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String HOST = "127.0.0.1";

    private static final String SERVER_PROPERTIES = "server.properties";
    private static final String DATA = "data";
    private static final Pattern LISTENER_PORT = Pattern.compile("(\\w+)://[^:,]*:(\\d+)");

    private final Path directory;
    private final Properties properties;
    private final int brokerPort;
    private final int controllerPort;
    private final int nodeId;
    private final String clusterId;
    private final String initialControllers;

    private KraftNodeConfig(final Path directory, final Properties properties, final int brokerPort, final int controllerPort)
    {
        this(directory, properties, brokerPort, controllerPort, NODE_ID, Uuid.randomUuid().toString(),
            NODE_ID + "@" + HOST + ":" + controllerPort + ":" + Uuid.randomUuid());
    }

    private KraftNodeConfig(final Path directory, final Properties properties, final int brokerPort, final int controllerPort,
        final int nodeId, final String clusterId, final String initialControllers)
    {
        this.directory = directory;
        this.properties = properties;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.nodeId = nodeId;
        this.clusterId = clusterId;
        this.initialControllers = initialControllers;
    }

    /**
     * A cluster of {@code nodes} combined broker-and-controller nodes on loopback, each in
     * {@code directory/node-<id>}: one cluster id, and all nodes as the initial voters of a
     * dynamic quorum (what {@code kafka-storage format --initial-controllers} writes on each node).
     * Internal topics get three replicas (or {@code nodes}, if fewer), new topics
     * {@code default.replication.factor} = nodes and {@code min.insync.replicas} = 2 (1 for one
     * node). For fault tests that kill one broker of several; new directories only.
     *
     * @param directory where the nodes' directories go.
     * @param nodes     how many nodes.
     * @param overrides broker settings applied over the defaults on every node.
     * @return the nodes' configurations, node ids 1..nodes in order.
     * @throws IOException if a directory cannot be written.
     */
    static java.util.List<KraftNodeConfig> cluster(final Path directory, final int nodes, final Map<String, String> overrides)
        throws IOException
    {
        final int[] ports = FreePorts.choose(2 * nodes);
        final String clusterId = Uuid.randomUuid().toString();
        final StringBuilder voters = new StringBuilder();
        final StringBuilder bootstrap = new StringBuilder();
        for (int i = 0; i < nodes; i++)
        {
            voters.append(i == 0 ? "" : ",").append(i + 1).append('@').append(HOST).append(':').append(ports[2 * i + 1])
                .append(':').append(Uuid.randomUuid());
            bootstrap.append(i == 0 ? "" : ",").append(HOST).append(':').append(ports[2 * i + 1]);
        }
        final String replicas = Integer.toString(Math.min(3, nodes));
        final String minIsr = Integer.toString(nodes > 1 ? 2 : 1);
        final java.util.List<KraftNodeConfig> configs = new java.util.ArrayList<>();
        for (int i = 0; i < nodes; i++)
        {
            final Path nodeDirectory = directory.resolve("node-" + (i + 1));
            Files.createDirectories(nodeDirectory);
            final Properties p = defaults(nodeDirectory.resolve(DATA).toAbsolutePath(), ports[2 * i], ports[2 * i + 1]);
            p.setProperty("node.id", Integer.toString(i + 1));
            p.setProperty("controller.quorum.bootstrap.servers", bootstrap.toString());
            p.setProperty("offsets.topic.replication.factor", replicas);
            p.setProperty("transaction.state.log.replication.factor", replicas);
            p.setProperty("transaction.state.log.min.isr", minIsr);
            p.setProperty("share.coordinator.state.topic.replication.factor", replicas);
            p.setProperty("share.coordinator.state.topic.min.isr", minIsr);
            p.setProperty("default.replication.factor", Integer.toString(nodes));
            p.setProperty("min.insync.replicas", minIsr);
            p.putAll(overrides);
            try (OutputStream out = Files.newOutputStream(nodeDirectory.resolve(SERVER_PROPERTIES)))
            {
                p.store(out, "node " + (i + 1) + " of a " + nodes + "-node KRaft cluster written by io.feedhandler.kafka.broker");
            }
            configs.add(new KraftNodeConfig(nodeDirectory, p, ports[2 * i], ports[2 * i + 1], i + 1, clusterId, voters.toString()));
        }
        return configs;
    }

    /**
     * The node that lives in {@code directory}: the one an earlier run wrote there (same ports, same
     * settings), else a new one on free loopback ports. Writes {@code server.properties}.
     *
     * @param directory the broker's directory; created if missing.
     * @param overrides broker settings applied over the defaults (and over an earlier run's).
     * @return the node's configuration.
     * @throws IOException if the directory cannot be read or written.
     */
    static KraftNodeConfig inDirectory(final Path directory, final Map<String, String> overrides) throws IOException
    {
        Files.createDirectories(directory);
        final Path file = directory.resolve(SERVER_PROPERTIES);
        final Properties properties;
        if (Files.exists(file))
        {
            properties = new Properties();
            try (InputStream in = Files.newInputStream(file))
            {
                properties.load(in);
            }
        }
        else
        {
            final int[] ports = FreePorts.choose(2);
            properties = defaults(directory.resolve(DATA).toAbsolutePath(), ports[0], ports[1]);
        }
        properties.putAll(overrides);
        final String listeners = properties.getProperty("listeners", "");
        final int brokerPort = listenerPort(listeners, BROKER_LISTENER, file);
        final int controllerPort = listenerPort(listeners, CONTROLLER_LISTENER, file);
        try (OutputStream out = Files.newOutputStream(file))
        {
            properties.store(out, "single-node KRaft broker written by io.feedhandler.kafka.broker");
        }
        return new KraftNodeConfig(directory, properties, brokerPort, controllerPort);
    }

    private static Properties defaults(final Path dataDirectory, final int brokerPort, final int controllerPort)
    {
        final Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        p.setProperty("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort);
        p.setProperty("listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort + "," +
            CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.setProperty("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort + "," +
            CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.setProperty("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        p.setProperty("inter.broker.listener.name", BROKER_LISTENER);
        p.setProperty("log.dirs", dataDirectory.toString());
        p.setProperty("metadata.log.dir", dataDirectory.toString());

        // One node: every internal topic has one replica, and one partition (not the default 50
        // of __consumer_offsets) is less start-up work and fewer files for a broker this small.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.num.partitions", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("num.partitions", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");

        // A broker restarted after SIGKILL cannot register until the controller has expired the
        // session of the incarnation it replaces (DuplicateBrokerRegistrationException in its
        // log): 9 s by default, which made a restart after kill -9 take about 15 s instead of 5.
        p.setProperty("broker.session.timeout.ms", "4000");
        p.setProperty("broker.heartbeat.interval.ms", "1000");

        // Small footprint: the log cleaner allocates its whole dedupe buffer (128 MiB by default)
        // on the heap at start-up; two request threads of each kind suit a 2-core machine (the
        // defaults are 3 network, 8 I/O). Overrides can raise them for throughput runs.
        p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("background.threads", "2");
        p.setProperty("num.recovery.threads.per.data.dir", "1");
        return p;
    }

    private static int listenerPort(final String listeners, final String name, final Path file)
    {
        final Matcher matcher = LISTENER_PORT.matcher(listeners);
        while (matcher.find())
        {
            if (matcher.group(1).equals(name))
            {
                return Integer.parseInt(matcher.group(2));
            }
        }
        throw new IllegalArgumentException(file + ": 'listeners' has no " + name + " listener with a port (got '" +
            listeners + "')");
    }

    /**
     * Format the data directory unless an earlier run did: a new cluster id, the node id, and a
     * one-voter dynamic quorum (what {@code kafka-storage format --standalone} writes).
     *
     * @return what Kafka's formatter printed.
     * @throws IOException if Kafka's formatter fails.
     */
    String formatStorage() throws IOException
    {
        final String dataDirectory = properties.getProperty("log.dirs");
        if (Files.exists(Path.of(dataDirectory, "meta.properties")))
        {
            // Formatted by an earlier run: Kafka's formatter would insist on that run's cluster id.
            return dataDirectory + ": formatted already";
        }
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(printed, true, StandardCharsets.UTF_8))
        {
            new Formatter()
                .setPrintStream(printStream)
                .setNodeId(nodeId)
                .setClusterId(clusterId)
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(dataDirectory)
                .addDirectory(dataDirectory)
                .setInitialControllers(DynamicVoters.parse(initialControllers))
                .setHasDynamicQuorum(true)
                .run();
        }
        catch (final IOException | RuntimeException ex)
        {
            throw ex;
        }
        catch (final Exception ex)
        {
            throw new IOException(dataDirectory + ": formatting Kafka storage failed: " + ex.getMessage(), ex);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** @return the broker's settings; a copy. */
    Properties properties()
    {
        final Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    Path directory()
    {
        return directory;
    }

    Path serverProperties()
    {
        return directory.resolve(SERVER_PROPERTIES);
    }

    int nodeId()
    {
        return nodeId;
    }

    String bootstrapServers()
    {
        return HOST + ":" + brokerPort;
    }

    int brokerPort()
    {
        return brokerPort;
    }

    int controllerPort()
    {
        return controllerPort;
    }

    /**
     * Free loopback ports below the kernel's ephemeral range: a port from that range can be taken as
     * the local port of some outgoing connection while a broker is down, and its restart would
     * then fail to bind.
     */
    static final class FreePorts
    {
        private static final int LOWEST = 20_000;
        private static final int ATTEMPTS = 200;

        private FreePorts()
        {
        }

        static int[] choose(final int count)
        {
            final int highest = ephemeralLow() - 1;
            final int[] ports = new int[count];
            final ServerSocket[] held = new ServerSocket[count];
            try
            {
                for (int i = 0; i < count; i++)
                {
                    held[i] = bind(highest);
                    ports[i] = held[i].getLocalPort();
                }
                return ports;
            }
            finally
            {
                for (final ServerSocket socket : held)
                {
                    closeQuietly(socket);
                }
            }
        }

        private static ServerSocket bind(final int highest)
        {
            final InetAddress loopback = InetAddress.getLoopbackAddress();
            for (int attempt = 0; highest > LOWEST && attempt < ATTEMPTS; attempt++)
            {
                final int port = ThreadLocalRandom.current().nextInt(LOWEST, highest + 1);
                try
                {
                    return bound(new InetSocketAddress(loopback, port));
                }
                catch (final IOException inUse)
                {
                    // taken: try another
                }
            }
            try
            {
                return bound(new InetSocketAddress(loopback, 0));
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("no free port on " + loopback, ex);
            }
        }

        private static ServerSocket bound(final InetSocketAddress address) throws IOException
        {
            final ServerSocket socket = new ServerSocket();
            try
            {
                socket.setReuseAddress(true);
                socket.bind(address);
                return socket;
            }
            catch (final IOException ex)
            {
                socket.close();
                throw ex;
            }
        }

        private static int ephemeralLow()
        {
            try
            {
                // Not Files.readString: on JDK 25 it returns only "3" of this procfs file (size 0).
                final String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0);
                return Integer.parseInt(range.trim().split("\\s+")[0]);
            }
            catch (final IOException | RuntimeException unknown)
            {
                return 32_768;
            }
        }

        private static void closeQuietly(final ServerSocket socket)
        {
            if (socket != null)
            {
                try
                {
                    socket.close();
                }
                catch (final IOException ignored)
                {
                    // nothing was sent on it
                }
            }
        }
    }
}
