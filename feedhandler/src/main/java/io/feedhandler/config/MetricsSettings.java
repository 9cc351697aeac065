package io.feedhandler.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code metrics} section: where the Prometheus {@code /metrics} endpoint listens.
 *
 * @param port        TCP port of {@code /metrics}; 0 turns the endpoint off.
 * @param bindAddress address to listen on: {@code 127.0.0.1} (the default) for a Prometheus on the
 *                    same host, {@code 0.0.0.0} for any interface.
 */
public record MetricsSettings(int port, String bindAddress)
{
    private static final Pattern ADDRESS = Pattern.compile("[0-9.]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    /** @return whether the endpoint is on. */
    public boolean enabled()
    {
        return port > 0;
    }

    static MetricsSettings read(final ProfileReader reader)
    {
        final int port = (int)reader.wholeNumber("metrics.port", 0, 65_535);
        final String mustBe = "a numeric IPv4 or IPv6 address to listen on, e.g. 127.0.0.1 or 0.0.0.0 " +
            "(no host names: a name that stops resolving must not keep the daemon from starting)";
        final String bindAddress = reader.matching("metrics.bind-address", ADDRESS, mustBe);
        if (!bindAddress.isEmpty() && parse(bindAddress).isEmpty())
        {
            reader.invalid("metrics.bind-address", "must be " + mustBe);
        }
        return new MetricsSettings(port, bindAddress.isEmpty() ? "127.0.0.1" : bindAddress);
    }

    private static Optional<InetAddress> parse(final String literal)
    {
        try
        {
            // Only literals reach here (ADDRESS), so this never asks DNS.
            return Optional.of(InetAddress.getByName(literal));
        }
        catch (final UnknownHostException ex)
        {
            return Optional.empty();
        }
    }
}
