package io.feedhandler.sim;

import io.feedhandler.config.Profile;
import io.feedhandler.config.ProfileException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Profile overrides for one test's lines on loopback: a fresh group pair and free ports, so tests
 * (and other checkouts building on the same machine) never hear each other's packets.
 */
public final class LoopbackLines
{
    private LoopbackLines()
    {
    }

    /**
     * @param extra more overrides.
     * @return {@code --set} pairs for lines A and B on lo and the re-request server on 127.0.0.1.
     */
    public static Map<String, String> overrides(final Map<String, String> extra)
    {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        final String prefix = "239.255." + random.nextInt(1, 255) + ".";
        final int host = random.nextInt(1, 250);
        final Map<String, String> sets = new LinkedHashMap<>();
        sets.put("lines.a.group", prefix + host);
        sets.put("lines.a.port", Integer.toString(freePort()));
        sets.put("lines.a.interface", "lo");
        sets.put("lines.b.group", prefix + (host + 1));
        sets.put("lines.b.port", Integer.toString(freePort()));
        sets.put("lines.b.interface", "lo");
        sets.put("retransmission.host", "127.0.0.1");
        sets.put("retransmission.port", Integer.toString(freePort()));
        sets.put("lines.first-sequence", "1");
        sets.putAll(extra);
        return sets;
    }

    /**
     * @param extra more overrides.
     * @return the built-in profile with fresh loopback lines.
     */
    public static Profile profile(final Map<String, String> extra)
    {
        try
        {
            return Profile.defaults(overrides(extra), Map.of());
        }
        catch (final ProfileException ex)
        {
            throw new IllegalStateException(ex.getMessage(), ex);
        }
    }

    private static int freePort()
    {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
