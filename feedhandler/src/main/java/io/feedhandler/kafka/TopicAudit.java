package io.feedhandler.kafka;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads published topics back from the beginning and checks what the handler promises: every
 * record's key is its symbol (the exchange for market-wide records, {@code #<locate>} for a locate
 * whose symbol the feed had not named yet), it sits in the partition
 * Kafka's default partitioner gives that key, and within a partition the records of one
 * (session, symbol) come in sequence order. Counts records, distinct (session, sequence) pairs and
 * duplicates. Used by {@code demo} for its summary and by the integration tests.
 *
 * <p>Records are decoded only as far as the common header every schema starts with: exchange,
 * symbol, stock locate, session, sequence.
 */
public final class TopicAudit
{
    /** Prefix length meaning: records are not Avro (the DLQ): count them, check nothing inside. */
    public static final int RAW = -1;

    private final String bootstrapServers;
    private final int prefixLength;

    /** What one topic holds. */
    public static final class TopicReport
    {
        /** Topic name. */
        public final String topic;
        /** Records read. */
        public long records;
        /** Records whose key is not their symbol (or the exchange for market-wide records). */
        public long wrongKeys;
        /** Records not in the default partitioner's partition for their key. */
        public long wrongPartitions;
        /** Records whose sequence is lower than an earlier one of the same session and symbol in the partition. */
        public long outOfOrder;
        /** Records whose (session, sequence, record) repeats one read before. */
        public long duplicates;
        /** Distinct keys. */
        public final Set<String> keys = new HashSet<>();
        /** Sequence numbers per session (for completeness checks). */
        public final Map<String, List<Long>> sequences = new HashMap<>();

        TopicReport(final String topic)
        {
            this.topic = topic;
        }
    }

    /**
     * @param bootstrapServers of the cluster.
     * @param prefixLength     bytes of wire framing before the Avro body (10 for single-object
     *                         encoding, 5 for Confluent framing), or {@link #RAW}.
     */
    public TopicAudit(final String bootstrapServers, final int prefixLength)
    {
        this.bootstrapServers = bootstrapServers;
        this.prefixLength = prefixLength;
    }

    /**
     * Read a topic from the beginning to its end offsets as of now.
     *
     * @param topic    to read.
     * @param exchange name keying market-wide records.
     * @param each     sees every record too (may be null).
     * @return what the topic holds.
     */
    public TopicReport audit(final String topic, final String exchange, final Consumer<ConsumerRecord<byte[], byte[]>> each)
    {
        final TopicReport report = new TopicReport(topic);
        final Map<String, Long> lastSequence = new HashMap<>();
        final Set<String> seen = new HashSet<>();
        final byte[] exchangeKey = exchange.getBytes(StandardCharsets.UTF_8);
        final BinaryDecoder[] decoder = new BinaryDecoder[1];
        final int[] partitions = new int[1];
        new TopicReader(bootstrapServers).read(List.of(topic), null, known -> partitions[0] = known.get(topic), record ->
        {
            report.records++;
            if (prefixLength == RAW)
            {
                if (each != null)
                {
                    each.accept(record);
                }
                return;
            }
            decoder[0] = DecoderFactory.get().binaryDecoder(
                record.value(), prefixLength, record.value().length - prefixLength, decoder[0]);
            final Header header = Header.read(decoder[0]);
            final byte[] expectedKey = !header.symbol.isEmpty() ? header.symbol.getBytes(StandardCharsets.UTF_8) :
                header.stockLocate == 0 ? exchangeKey : ("#" + header.stockLocate).getBytes(StandardCharsets.UTF_8);
            final String key = new String(record.key(), StandardCharsets.UTF_8);
            report.keys.add(key);
            if (!java.util.Arrays.equals(expectedKey, record.key()))
            {
                report.wrongKeys++;
            }
            if (Utils.toPositive(Utils.murmur2(record.key())) % partitions[0] != record.partition())
            {
                report.wrongPartitions++;
            }
            final String orderKey = record.partition() + "/" + header.session + "/" + key;
            final Long last = lastSequence.put(orderKey, header.sequence);
            if (last != null && last > header.sequence)
            {
                report.outOfOrder++;
            }
            if (!seen.add(header.session + "/" + header.sequence + "/" + java.util.Arrays.hashCode(record.value())))
            {
                report.duplicates++;
            }
            report.sequences.computeIfAbsent(header.session, s -> new ArrayList<>()).add(header.sequence);
            if (each != null)
            {
                each.accept(record);
            }
        });
        return report;
    }

    /** The fields every record starts with. */
    public record Header(String exchange, String symbol, int stockLocate, String session, long sequence)
    {
        /**
         * @param decoder positioned at the start of the Avro body.
         * @return the common header.
         */
        public static Header read(final BinaryDecoder decoder)
        {
            try
            {
                final String exchange = decoder.readString();
                final String symbol = decoder.readString();
                final int locate = decoder.readInt();
                final String session = decoder.readString();
                final long sequence = decoder.readLong();
                return new Header(exchange, symbol, locate, session, sequence);
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException("record does not start with the common header", ex);
            }
        }
    }
}
