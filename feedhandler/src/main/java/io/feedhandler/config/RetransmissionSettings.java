package io.feedhandler.config;

/**
 * The {@code retransmission} section: the MoldUDP64 re-request server, and how gaps are asked for.
 *
 * @param host                  the server's address.
 * @param port                  its UDP port.
 * @param requestDelayMillis    how long a gap waits for the other line before it is requested.
 * @param timeoutMillis         how long a request waits for its answer before it is sent again;
 *                              doubled after each unanswered try, up to {@code maxTimeoutMillis}.
 * @param maxTimeoutMillis      the longest wait between tries.
 * @param retries               tries after the first before a gap is given up (a GAP status record).
 * @param maxOutstanding        requests waiting for an answer at most, across all gaps.
 * @param maxMessagesPerRequest messages asked for in one request at most; a larger gap is asked
 *                              for piece by piece (an answer holds one datagram's worth anyway).
 */
public record RetransmissionSettings(String host, int port, long requestDelayMillis, long timeoutMillis,
    long maxTimeoutMillis, int retries, int maxOutstanding, int maxMessagesPerRequest)
{
    static RetransmissionSettings read(final ProfileReader reader)
    {
        final String host = reader.text("retransmission.host", true,
            "the re-request server's host name or address, e.g. 206.200.43.72").orElse("127.0.0.1");
        final int port = (int)reader.wholeNumber("retransmission.port", 1, 65_535);
        final long delay = reader.wholeNumber("retransmission.request-delay-ms", 0, 60_000);
        final long timeout = reader.wholeNumber("retransmission.timeout-ms", 1, 60_000);
        final long maxTimeout = reader.wholeNumber("retransmission.max-timeout-ms", 1, 600_000);
        if (maxTimeout < timeout)
        {
            reader.invalid("retransmission.max-timeout-ms", "must be at least retransmission.timeout-ms (" + timeout + ")");
        }
        final int retries = (int)reader.wholeNumber("retransmission.retries", 0, 1000);
        final int outstanding = (int)reader.wholeNumber("retransmission.max-outstanding", 1, 1024);
        final int perRequest = (int)reader.wholeNumber("retransmission.max-messages-per-request", 1, 0xFFFE);
        return new RetransmissionSettings(host, port, delay, timeout, Math.max(timeout, maxTimeout), retries, outstanding,
            perRequest);
    }
}
