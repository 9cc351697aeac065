package io.feedhandler.kafka.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits until a broker answers a client: a Kafka admin client's describeCluster names at least one
 * broker. Each try blocks inside the admin client (which reconnects with its own backoff), so
 * waiting needs no sleep.
 */
final class BrokerReadiness
{
    private static final int TRY_MS = 1_000;
    private static final long MIN_TRY_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private BrokerReadiness()
    {
    }

    /**
     * @param bootstrapServers the broker's address.
     * @param timeoutMs        how long to wait in all.
     * @param alive            false once the broker can no longer become ready (its process died).
     * @param diagnostics      what to add to the failure message (e.g. the tail of the broker's log).
     * @throws IllegalStateException if the broker is not ready in time, or died.
     * @throws InterruptedException if interrupted while waiting.
     */
    static void await(
        final String bootstrapServers,
        final long timeoutMs,
        final BooleanSupplier alive,
        final Supplier<String> diagnostics) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        Throwable lastFailure = null;
        try (Admin admin = Admin.create(Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TRY_MS,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TRY_MS,
            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 100)))
        {
            while (alive.getAsBoolean())
            {
                final long tryStart = System.nanoTime();
                try
                {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(TRY_MS)).nodes().get().isEmpty())
                    {
                        return;
                    }
                }
                catch (final ExecutionException notYet)
                {
                    lastFailure = notYet.getCause();
                    // A failure that is not a timeout can come back at once: do not spin on it.
                    LockSupport.parkNanos(MIN_TRY_NS - (System.nanoTime() - tryStart));
                }
                if (System.nanoTime() - deadline > 0)
                {
                    throw new IllegalStateException("Kafka broker at " + bootstrapServers + " not ready after " +
                        timeoutMs + " ms (last: " + lastFailure + ")" + diagnostics.get(), lastFailure);
                }
            }
        }
        throw new IllegalStateException("Kafka broker at " + bootstrapServers + " exited while starting" +
            diagnostics.get(), lastFailure);
    }
}
