package io.feedhandler.bench.harness;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;

import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The handler's own records (topics, keys, headers, values captured by {@link DayRecords}) sent by
 * one thread in a tight loop through a producer with the handler's settings: the rate the
 * handler's output allows on this broker with no pipeline in front of the producer. Timed like
 * {@code ProducerPerformance}, from just before the first send to the last acknowledgement.
 *
 * @param records          records acknowledged.
 * @param recordsPerSecond records acknowledged per second.
 * @param failures         deliveries that failed (each is counted, not retried: it should be 0).
 */
record BareProducerRun(long records, double recordsPerSecond, long failures)
{
    private static final long RETRY_PAUSE_NS = 1_000_000L;

    /**
     * @param producerProperties the handler's producer settings.
     * @param topics             the records' topics, to fetch their metadata before the clock starts.
     * @param records            to send, in order.
     * @return what was acknowledged, how fast.
     */
    static BareProducerRun run(final Properties producerProperties, final Collection<String> topics,
        final List<ProducerRecord<byte[], byte[]>> records)
    {
        final LongAdder acked = new LongAdder();
        final LongAdder failed = new LongAdder();
        final AtomicLong lastAck = new AtomicLong();
        try (Producer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties))
        {
            topics.forEach(producer::partitionsFor);
            final long start = System.nanoTime();
            for (final ProducerRecord<byte[], byte[]> record : records)
            {
                while (true)
                {
                    try
                    {
                        producer.send(record, (metadata, exception) ->
                        {
                            if (exception == null)
                            {
                                acked.increment();
                            }
                            else
                            {
                                failed.increment();
                            }
                            lastAck.set(System.nanoTime());
                        });
                        break;
                    }
                    catch (final TimeoutException bufferFull)
                    {
                        LockSupport.parkNanos(RETRY_PAUSE_NS);
                    }
                }
            }
            producer.flush();
            final long acknowledged = acked.sum();
            return new BareProducerRun(acknowledged, acknowledged / ((lastAck.get() - start) / 1e9), failed.sum());
        }
    }
}
