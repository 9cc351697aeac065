package io.feedhandler.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The {@code lines} section: the two redundant MoldUDP64 multicast lines (A and B) of one feed, and
 * how the handler arbitrates between them.
 *
 * @param a                     line A.
 * @param b                     line B.
 * @param staleAfterMillis      a line that has sent nothing (not even a heartbeat) for this long is
 *                              reported stale (status record, counter), once per silence.
 * @param reorderBufferMessages messages held at most while a gap ahead of them is filled.
 * @param receiveBufferBytes    SO_RCVBUF asked for each line's socket (the kernel caps it at
 *                              {@code net.core.rmem_max}).
 * @param firstSequence         0: start with the first packet seen (join a running session where it
 *                              is); N: expect sequence number N first and recover what lies before the
 *                              first packet seen.
 */
public record LineSettings(Line a, Line b, long staleAfterMillis, int reorderBufferMessages, int receiveBufferBytes,
    long firstSequence)
{
    /** Most messages a reorder buffer may hold (each slot takes 128 bytes, allocated at start). */
    public static final int MAX_REORDER_BUFFER_MESSAGES = 1 << 22;

    /**
     * One multicast line.
     *
     * @param name             {@code A} or {@code B}, for logs and status records.
     * @param group            the multicast group (IPv4).
     * @param port             UDP port.
     * @param networkInterface name of the interface to join the group on (e.g. {@code eth1}, {@code lo}).
     */
    public record Line(String name, InetAddress group, int port, String networkInterface)
    {
    }

    static LineSettings read(final ProfileReader reader)
    {
        final Line a = line(reader, "A", "lines.a");
        final Line b = line(reader, "B", "lines.b");
        if (a.group().equals(b.group()) && a.port() == b.port())
        {
            reader.invalid("lines.b.group", "must differ from lines.a (group and port): a line cannot back itself up");
        }
        final long stale = reader.wholeNumber("lines.stale-after-ms", 1, 3_600_000);
        final int reorder = (int)reader.wholeNumber("lines.reorder-buffer-messages", 16, MAX_REORDER_BUFFER_MESSAGES);
        final int receiveBuffer = (int)reader.wholeNumber("lines.receive-buffer-bytes", 65_536, Integer.MAX_VALUE);
        final long first = reader.wholeNumber("lines.first-sequence", 0, Long.MAX_VALUE);
        return new LineSettings(a, b, stale, reorder, receiveBuffer, first);
    }

    private static Line line(final ProfileReader reader, final String name, final String path)
    {
        final String mustBe = "an IPv4 multicast group, 224.0.0.0 to 239.255.255.255, e.g. 233.54.12.111";
        final String text = reader.text(path + ".group", true, mustBe).orElse("");
        InetAddress group = null;
        try
        {
            if (text.matches("\\d{1,3}(\\.\\d{1,3}){3}"))
            {
                group = InetAddress.getByName(text);
            }
        }
        catch (final UnknownHostException ex)
        {
            group = null;
        }
        if (group == null || !group.isMulticastAddress())
        {
            if (!text.isEmpty())
            {
                reader.invalid(path + ".group", "must be " + mustBe);
            }
            group = loopbackPlaceholder();
        }
        final int port = (int)reader.wholeNumber(path + ".port", 1, 65_535);
        final String networkInterface = reader.text(path + ".interface", true,
            "the name of the network interface to join the group on, e.g. eth1 or lo").orElse("lo");
        return new Line(name, group, port, networkInterface);
    }

    private static InetAddress loopbackPlaceholder()
    {
        return InetAddress.getLoopbackAddress();
    }
}
