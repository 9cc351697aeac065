package io.feedhandler.bench.harness;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads a producer's own metrics over JMX while it runs (every producer in this JVM registers
 * {@code kafka.producer:type=producer-metrics,client-id=...}; the handler's producer is private to
 * {@code ReplayJob} and gone when the replay returns), keeping the last values seen: how many
 * records the producer packed per batch and per request tells how much work each record cost it.
 */
final class ProducerMetricsSampler implements AutoCloseable
{
    /**
     * The producer's averages over its last metric windows (up to 60 s: the whole run).
     *
     * @param batchSizeAvg          bytes per batch, after compression.
     * @param recordsPerRequestAvg  records per produce request.
     * @param compressionRateAvg    compressed / uncompressed batch size.
     * @param recordSizeAvg         bytes per record as the producer counts them (key, value, headers, overhead).
     */
    record Figures(double batchSizeAvg, double recordsPerRequestAvg, double compressionRateAvg, double recordSizeAvg)
    {
        static final Figures NONE = new Figures(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private static final long PERIOD_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ObjectName name;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Figures last = Figures.NONE;

    /** @param clientId the producer's {@code client.id}. */
    ProducerMetricsSampler(final String clientId)
    {
        try
        {
            name = new ObjectName("kafka.producer:type=producer-metrics,client-id=" + clientId);
        }
        catch (final javax.management.MalformedObjectNameException ex)
        {
            throw new IllegalArgumentException("client id " + clientId + ": " + ex.getMessage(), ex);
        }
        thread = new Thread(this::sample, "producer-metrics-" + clientId);
        thread.setDaemon(true);
        thread.start();
    }

    /** @return the last figures seen, NaN where none. */
    Figures figures()
    {
        return last;
    }

    @Override
    public void close()
    {
        running = false;
        try
        {
            thread.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void sample()
    {
        while (running)
        {
            if (server.isRegistered(name))
            {
                try
                {
                    final double records = number("records-per-request-avg");
                    if (!Double.isNaN(records) && records > 0)
                    {
                        last = new Figures(number("batch-size-avg"), records, number("compression-rate-avg"),
                            number("record-size-avg"));
                    }
                }
                catch (final javax.management.JMException ex)
                {
                    // unregistered between the check and the read: the producer closed
                }
            }
            LockSupport.parkNanos(PERIOD_NS);
        }
    }

    private double number(final String attribute) throws javax.management.JMException
    {
        final Object value = server.getAttribute(name, attribute);
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
