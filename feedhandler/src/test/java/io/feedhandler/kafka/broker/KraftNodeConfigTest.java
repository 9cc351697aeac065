package io.feedhandler.kafka.broker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KraftNodeConfigTest
{
    @TempDir
    Path directory;

    @Test
    void shouldChooseDistinctFreePortsBelowTheEphemeralRange() throws Exception
    {
        final int ephemeralLow = Integer.parseInt(
            Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+")[0]);

        final int[] ports = KraftNodeConfig.FreePorts.choose(2);

        assertNotEquals(ports[0], ports[1]);
        for (final int port : ports)
        {
            assertTrue(port < ephemeralLow, port + " is below " + ephemeralLow);
            try (ServerSocket socket = new ServerSocket())
            {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
        }
    }

    @Test
    void shouldKeepThePortsAndSettingsAnEarlierRunWroteInTheDirectory() throws Exception
    {
        final KraftNodeConfig first = KraftNodeConfig.inDirectory(directory, Map.of("auto.create.topics.enable", "false"));

        final KraftNodeConfig second = KraftNodeConfig.inDirectory(directory, Map.of());

        assertEquals(first.bootstrapServers(), second.bootstrapServers());
        assertEquals(first.controllerPort(), second.controllerPort());
        assertEquals("false", second.properties().getProperty("auto.create.topics.enable"));
        assertEquals(KraftNodeConfig.HOST + ":" + first.controllerPort(),
            second.properties().getProperty("controller.quorum.bootstrap.servers"));
    }

    @Test
    void shouldFormatStorageOnceAndLeaveAFormattedDirectoryAlone() throws Exception
    {
        final KraftNodeConfig config = KraftNodeConfig.inDirectory(directory, Map.of());

        final String first = config.formatStorage();
        final String meta = Files.readString(directory.resolve("data/meta.properties"));
        final String second = config.formatStorage();

        assertTrue(first.contains("Formatting"), first);
        assertTrue(Files.isDirectory(directory.resolve("data/__cluster_metadata-0")));
        assertTrue(second.contains("formatted already"), second);
        assertEquals(meta, Files.readString(directory.resolve("data/meta.properties")));
    }
}
