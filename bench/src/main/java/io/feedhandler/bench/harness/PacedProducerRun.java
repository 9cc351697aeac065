package io.feedhandler.bench.harness;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.agrona.concurrent.EpochNanoClock;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The reference for the latency harness: Kafka's own producer in a paced loop, as
 * ProducerPerformance does it (one topic, no key, no headers, a value of the handler's average
 * size, random upper-case letters), but on the same open-loop schedule as the harness's line
 * sender, in bursts of the same size as its packets, and measured the same way: from each burst's
 * intended send time to {@code send()} returned and to the acknowledgement, into HdrHistogram
 * recorders. ProducerPerformance's own percentiles start at the actual send (coordinated omission
 * when the loop falls behind), so they are not comparable with the handler's.
 */
final class PacedProducerRun
{
    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final byte[] value;
    private final int burst;
    private final EpochNanoClock clock;
    private final Recorder toSendReturned = new Recorder(TimeUnit.MINUTES.toNanos(1), 3);
    private final Recorder toAck = new Recorder(TimeUnit.MINUTES.toNanos(1), 3);
    private final AtomicLong failures = new AtomicLong();

    /** One measured interval. */
    record Measured(long records, long elapsedNanos, Histogram toSendReturned, Histogram toAck, Histogram latenessNanos,
        long failures)
    {
    }

    /**
     * @param producer  with the handler's producer settings.
     * @param topic     a topic of the handler's partition count.
     * @param valueSize the handler's average value size.
     * @param burst     records per burst (the handler's messages per packet).
     * @param clock     the schedule's clock.
     */
    PacedProducerRun(final Producer<byte[], byte[]> producer, final String topic, final int valueSize, final int burst,
        final EpochNanoClock clock)
    {
        this.producer = producer;
        this.topic = topic;
        this.burst = burst;
        this.clock = clock;
        this.value = new byte[valueSize];
        final Random random = new Random(20191230L);
        for (int i = 0; i < valueSize; i++)
        {
            value[i] = (byte)('A' + random.nextInt(26));
        }
    }

    /**
     * Send {@code records} at {@code rate} (0: flat out, bursts back to back while at most
     * {@code window} records are unacknowledged), wait for every acknowledgement, and return
     * what was recorded meanwhile (what earlier calls recorded is dropped).
     *
     * @param rate    records per second, 0 for flat out.
     * @param records how many.
     * @param window  flat out only: records unacknowledged at most.
     * @return the interval's histograms, in nanoseconds.
     */
    Measured run(final long rate, final long records, final long window)
    {
        toSendReturned.reset();
        toAck.reset();
        final long failuresBefore = failures.get();
        final AtomicLong acked = new AtomicLong();
        final Histogram lateness = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        final long start = clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
        final long startNanos = System.nanoTime();
        long sent = 0;
        while (sent < records)
        {
            final int count = (int)Math.min(burst, records - sent);
            final long due;
            if (rate > 0)
            {
                due = start + (long)(sent * 1e9 / rate);
                Pacer.awaitDue(clock, due);
            }
            else
            {
                while (sent - acked.get() > window)
                {
                    LockSupport.parkNanos(1);
                }
                due = clock.nanoTime();
            }
            lateness.recordValue(Math.min(lateness.getHighestTrackableValue(), clock.nanoTime() - due));
            for (int i = 0; i < count; i++)
            {
                producer.send(new ProducerRecord<>(topic, value), (metadata, exception) ->
                {
                    if (exception == null)
                    {
                        toAck.recordValue(clamp(clock.nanoTime() - due));
                    }
                    else
                    {
                        failures.incrementAndGet();
                    }
                    acked.incrementAndGet();
                });
                // Per record, as the handler records per message after that message's sends.
                toSendReturned.recordValue(clamp(clock.nanoTime() - due));
            }
            sent += count;
        }
        producer.flush();
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (acked.get() < sent && System.nanoTime() < deadline)
        {
            LockSupport.parkNanos(100_000L);
        }
        final long elapsed = System.nanoTime() - startNanos;
        return new Measured(sent, elapsed, toSendReturned.getIntervalHistogram(), toAck.getIntervalHistogram(), lateness,
            failures.get() - failuresBefore);
    }

    private static long clamp(final long nanos)
    {
        return Math.max(0, Math.min(TimeUnit.MINUTES.toNanos(1), nanos));
    }
}
