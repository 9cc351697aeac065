package io.feedhandler;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Tests wait on a condition, never on a fixed time: {@link #until} polls the condition and fails
 * with the condition's name when the deadline (a hang guard, not a speed claim) passes first.
 */
public final class Await
{
    private static final long POLL_NANOS = 2_000_000L;

    private Await()
    {
    }

    /** A condition that may throw (it asks a job on another thread, reads a file...): a throw fails the wait. */
    @FunctionalInterface
    public interface Condition
    {
        /**
         * @return true once it holds.
         * @throws Exception if it cannot be asked.
         */
        boolean holds() throws Exception;
    }

    /**
     * @param what      the condition, for the failure message.
     * @param timeout   how long at most before the test fails.
     * @param condition polled until it holds.
     */
    public static void until(final String what, final Duration timeout, final Condition condition)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!holds(what, condition))
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private static boolean holds(final String what, final Condition condition)
    {
        try
        {
            return condition.holds();
        }
        catch (final RuntimeException | Error ex)
        {
            throw ex;
        }
        catch (final Exception ex)
        {
            throw new AssertionError("cannot tell whether " + what, ex);
        }
    }

    /**
     * @param group a multicast group.
     * @return true once some socket on this host has joined it on {@code lo} (Linux
     * {@code /proc/net/igmp}, groups in the kernel's byte order).
     */
    public static boolean joinedOnLoopback(final InetAddress group)
    {
        final byte[] b = group.getAddress();
        final String hex = String.format(Locale.ROOT, "%02X%02X%02X%02X", b[3], b[2], b[1], b[0]);
        try
        {
            boolean loopback = false;
            for (final String line : Files.readAllLines(Path.of("/proc/net/igmp")))
            {
                if (!line.startsWith("\t") && !line.startsWith(" ") && line.contains(":"))
                {
                    loopback = line.split("\\s+")[1].equals("lo");
                }
                else if (loopback && line.trim().startsWith(hex))
                {
                    return true;
                }
            }
            return false;
        }
        catch (final java.io.IOException ex)
        {
            throw new AssertionError("cannot read /proc/net/igmp to see the lines joined", ex);
        }
    }
}
