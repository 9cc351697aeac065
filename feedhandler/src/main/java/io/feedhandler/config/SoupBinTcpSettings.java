package io.feedhandler.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code soupbintcp} section: the SoupBinTCP session the handler logs in to when
 * {@code transport = soupbintcp}.
 *
 * @param host               the server's host name or address.
 * @param port               its TCP port.
 * @param credentialsFile    file with {@code username=} and {@code password=} lines; empty: log in
 *                           with blank credentials (a test server).
 * @param session            session to ask for; blank: the current one.
 * @param firstSequence      sequence number asked for when there is nothing to resume from:
 *                           1 = the whole session, 0 = live only (no replay).
 * @param heartbeatMillis    a client heartbeat goes out after this long without sending.
 * @param timeoutMillis      the connection is dropped after this long without receiving.
 * @param reconnectBackoffMillis first wait before reconnecting; doubled after each failed try.
 * @param maxBackoffMillis   the longest wait between tries.
 * @param maxRejections      consecutive "not authorised" login rejections before the handler
 *                           stops with exit status 2; 0: never stop.
 */
public record SoupBinTcpSettings(String host, int port, Optional<Path> credentialsFile, String session,
    long firstSequence, long heartbeatMillis, long timeoutMillis, long reconnectBackoffMillis, long maxBackoffMillis,
    int maxRejections)
{
    static SoupBinTcpSettings read(final ProfileReader reader)
    {
        final String host = reader.text("soupbintcp.host", true,
            "the SoupBinTCP server's host name or address").orElse("127.0.0.1");
        final int port = (int)reader.wholeNumber("soupbintcp.port", 1, 65_535);
        final String file = reader.text("soupbintcp.credentials-file", true,
            "a file with username= and password= lines, or none").orElse("none");
        Optional<Path> credentials = Optional.empty();
        if (!file.isBlank() && !"none".equals(file))
        {
            try
            {
                credentials = Optional.of(Path.of(file));
            }
            catch (final InvalidPathException ex)
            {
                reader.invalid("soupbintcp.credentials-file", "must be a file name or none");
            }
        }
        final String session = reader.text("soupbintcp.session", false, "up to 10 characters").orElse("");
        if (session.strip().length() > 10)
        {
            reader.invalid("soupbintcp.session", "must be at most 10 characters (blank: the current session)");
        }
        final long first = reader.wholeNumber("soupbintcp.first-sequence", 0, Long.MAX_VALUE / 2);
        final long heartbeat = reader.wholeNumber("soupbintcp.heartbeat-ms", 10, 60_000);
        final long timeout = reader.wholeNumber("soupbintcp.timeout-ms", 20, 600_000);
        if (timeout <= heartbeat)
        {
            reader.invalid("soupbintcp.timeout-ms", "must be longer than soupbintcp.heartbeat-ms (" + heartbeat + ")");
        }
        final long backoff = reader.wholeNumber("soupbintcp.reconnect-backoff-ms", 1, 600_000);
        final long maxBackoff = reader.wholeNumber("soupbintcp.max-backoff-ms", 1, 3_600_000);
        if (maxBackoff < backoff)
        {
            reader.invalid("soupbintcp.max-backoff-ms", "must be at least soupbintcp.reconnect-backoff-ms (" + backoff + ")");
        }
        final int rejections = (int)reader.wholeNumber("soupbintcp.max-rejections", 0, 1_000_000);
        return new SoupBinTcpSettings(host, port, credentials, session.strip(), first, heartbeat, timeout, backoff,
            Math.max(backoff, maxBackoff), rejections);
    }
}
