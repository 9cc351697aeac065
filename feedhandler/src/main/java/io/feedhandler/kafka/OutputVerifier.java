package io.feedhandler.kafka;

import io.feedhandler.avro.RecordSchema;
import io.feedhandler.avro.RecordSchemas;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * What {@code feedhandler verify} checks: reads the output topics back and, per session, whether
 * every sequence number from the first to the last seen is either in a record, reported in a
 * GAP (or LOCAL_OVERLOAD) status record, or in the DLQ; counts duplicates (same topic, session and
 * sequence again: at-least-once delivery after a restart), records that do not decode against
 * their schema, and per-symbol ordering violations within a partition.
 *
 * <p>Every record is decoded in full with the plain Avro {@link GenericDatumReader}: single-object
 * records by the fingerprint in their prefix (which must be the local schema's), Confluent-framed
 * records with the writer schema the registry gives for their id (or the local schema when the
 * profile names no registry), read into the local schema.
 */
public final class OutputVerifier
{
    private static final int EXAMPLES = 10;
    private static final Set<String> REPORTING_STATUS = Set.of("GAP", "LOCAL_OVERLOAD");
    private static final Set<String> HANDLER_STATUS = Set.of("GAP", "GAP_RECOVERED", "STALE_LINE", "LOCAL_OVERLOAD");

    private final String bootstrapServers;
    private final Duration timeout;
    private final Topics topics;
    private final RecordSchemas schemas;
    private final IntFunction<Schema> schemaById;
    private final Map<String, RecordSchema> kindByTopic = new HashMap<>();
    private final Map<RecordSchema, GenericDatumReader<GenericRecord>> singleObjectReaders = new HashMap<>();
    private final Map<Integer, GenericDatumReader<GenericRecord>> confluentReaders = new HashMap<>();

    /**
     * @param bootstrapServers of the cluster.
     * @param timeout          for each metadata, offset and commit request.
     * @param topics           the profile's topics.
     * @param schemas          the local record schemas (readers' schemas).
     * @param schemaById       writer schema of a Confluent id (from the registry), or null when the
     *                         profile has no registry (the local schema is taken as the writer's).
     */
    public OutputVerifier(final String bootstrapServers, final Duration timeout, final Topics topics,
        final RecordSchemas schemas, final IntFunction<Schema> schemaById)
    {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
        this.topics = topics;
        this.schemas = schemas;
        this.schemaById = schemaById;
        for (final RecordSchema kind : RecordSchema.values())
        {
            kindByTopic.put(topics.topic(kind.dataType()), kind);
            singleObjectReaders.put(kind, new GenericDatumReader<>(schemas.schema(kind)));
        }
    }

    /**
     * @param group consumer group to resume from (and commit to), or null to read from the beginning.
     * @return what the topics hold.
     */
    public Report verify(final String group)
    {
        final Report report = new Report();
        final List<String> all = new ArrayList<>(kindByTopic.keySet());
        all.add(topics.dlq());
        final BinaryDecoder[] decoder = new BinaryDecoder[1];
        new TopicReader(bootstrapServers, timeout).read(all, group, report.partitions::putAll, record ->
        {
            report.records.merge(record.topic(), 1L, Long::sum);
            if (record.topic().equals(topics.dlq()))
            {
                deadLetter(report, record);
                return;
            }
            final RecordSchema kind = kindByTopic.get(record.topic());
            final GenericRecord value;
            try
            {
                final byte[] bytes = record.value();
                final int prefix = prefixLength(bytes, kind);
                decoder[0] = DecoderFactory.get().binaryDecoder(bytes, prefix, bytes.length - prefix, decoder[0]);
                value = reader(bytes, kind).read(null, decoder[0]);
                if (!decoder[0].isEnd())
                {
                    throw new IllegalStateException((bytes.length - prefix) + " bytes of body, not all read by the schema");
                }
            }
            catch (final Exception ex)
            {
                report.decodeFailures++;
                report.example(report.decodeFailureExamples, record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + ex.getMessage());
                return;
            }
            account(report, record, kind, value);
        });
        report.finish();
        return report;
    }

    private static int prefixLength(final byte[] bytes, final RecordSchema kind)
    {
        if (bytes.length >= 10 && bytes[0] == (byte)0xC3 && bytes[1] == 0x01)
        {
            return 10;
        }
        if (bytes.length >= 5 && bytes[0] == 0)
        {
            return 5;
        }
        throw new IllegalStateException("no wire-format prefix (neither single-object C3 01 nor Confluent magic 0) on a " + kind + " record");
    }

    private GenericDatumReader<GenericRecord> reader(final byte[] bytes, final RecordSchema kind)
    {
        if (bytes[0] == (byte)0xC3)
        {
            final long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (fingerprint != schemas.fingerprint(kind))
            {
                throw new IllegalStateException(String.format("schema fingerprint %016x is not %s's (%016x)",
                    fingerprint, kind.fullName(), schemas.fingerprint(kind)));
            }
            return singleObjectReaders.get(kind);
        }
        final int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        if (schemaById == null)
        {
            return singleObjectReaders.get(kind);
        }
        return confluentReaders.computeIfAbsent(id, i ->
        {
            final Schema writer = schemaById.apply(i);
            if (writer == null)
            {
                throw new IllegalStateException("the registry knows no schema id " + i);
            }
            return new GenericDatumReader<>(writer, schemas.schema(kind));
        });
    }

    private static void account(final Report report, final ConsumerRecord<byte[], byte[]> record, final RecordSchema kind,
        final GenericRecord value)
    {
        final String session = value.get("session").toString();
        final long sequence = (Long)value.get("sequence");
        final SessionReport s = report.session(session);
        if (kind == RecordSchema.STATUS)
        {
            final String type = value.get("statusType").toString();
            if (HANDLER_STATUS.contains(type))
            {
                final Object from = value.get("gapFrom");
                final Object to = value.get("gapTo");
                if (REPORTING_STATUS.contains(type) && from != null && to != null)
                {
                    if (!s.reportedRanges.add((Long)from + "-" + (Long)to))
                    {
                        s.repeatedGapRecords++;
                    }
                    s.reported.merge((Long)from, (Long)to, Math::max);
                }
                s.handlerStatus.merge(type, 1L, Long::sum);
                return;
            }
        }
        s.present.add(sequence);
        final SequenceSet seenHere = s.seenByTopic.computeIfAbsent(record.topic(), t -> new SequenceSet());
        // A message gives at most one record per topic (an execution: an order event, a trade and a
        // quote, each on its own topic), so a second (topic, session, sequence) is a redelivery.
        if (!seenHere.add(sequence))
        {
            s.duplicates++;
            s.duplicated.add(sequence);
            s.firstDuplicate = Math.min(s.firstDuplicate, sequence);
            s.lastDuplicate = Math.max(s.lastDuplicate, sequence);
            return;
        }
        final String orderKey = record.topic() + "/" + record.partition() + "/" + session + "/" + value.get("symbol");
        final Long last = report.lastSequence.put(orderKey, sequence);
        if (last != null && last > sequence)
        {
            report.orderViolations++;
            report.example(report.orderViolationExamples, orderKey + ": " + sequence + " after " + last +
                " at offset " + record.offset());
        }
    }

    private static void deadLetter(final Report report, final ConsumerRecord<byte[], byte[]> record)
    {
        final Header session = record.headers().lastHeader("session");
        final Header sequence = record.headers().lastHeader("sequence");
        if (session == null || sequence == null)
        {
            report.deadLettersWithoutSequence++;
            return;
        }
        try
        {
            final SessionReport s = report.session(new String(session.value(), StandardCharsets.UTF_8));
            s.deadLettered.add(Long.parseLong(new String(sequence.value(), StandardCharsets.UTF_8)));
        }
        catch (final NumberFormatException ex)
        {
            report.deadLettersWithoutSequence++;
        }
    }

    /** What one session's sequence numbers look like on the topics. */
    public static final class SessionReport
    {
        final SequenceSet present = new SequenceSet();
        final SequenceSet deadLettered = new SequenceSet();
        final Map<String, SequenceSet> seenByTopic = new HashMap<>();
        final TreeMap<Long, Long> reported = new TreeMap<>();
        final Set<String> reportedRanges = new HashSet<>();
        final Map<String, Long> handlerStatus = new TreeMap<>();
        final SequenceSet duplicated = new SequenceSet();
        long duplicates;
        long firstDuplicate = Long.MAX_VALUE;
        long lastDuplicate = Long.MIN_VALUE;
        long repeatedGapRecords;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long reportedMissing;
        long missing;
        final List<String> missingRanges = new ArrayList<>();

        /** @return lowest sequence number seen (in a record, a gap report or the DLQ). */
        public long first()
        {
            return first;
        }

        /** @return highest sequence number seen. */
        public long last()
        {
            return last;
        }

        /** @return distinct sequence numbers with at least one record. */
        public long present()
        {
            return present.size();
        }

        /** @return sequence numbers whose raw bytes went to the DLQ (and have no record). */
        public long deadLettered()
        {
            return deadLettered.size();
        }

        /** @return sequence numbers absent but inside a reported gap. */
        public long reportedMissing()
        {
            return reportedMissing;
        }

        /** @return sequence numbers absent and not reported: what breaks the promise. */
        public long missing()
        {
            return missing;
        }

        /** @return the first unreported missing ranges, "from-to". */
        public List<String> missingRanges()
        {
            return List.copyOf(missingRanges);
        }

        /** @return records delivered more than once (same topic, session, sequence). */
        public long duplicates()
        {
            return duplicates;
        }

        /** @return distinct sequence numbers with at least one duplicate record. */
        public long duplicatedSequences()
        {
            return duplicated.size();
        }

        /** @return the lowest sequence number with a duplicate record ({@link Long#MAX_VALUE} if none). */
        public long firstDuplicate()
        {
            return firstDuplicate;
        }

        /** @return the highest sequence number with a duplicate record ({@link Long#MIN_VALUE} if none). */
        public long lastDuplicate()
        {
            return lastDuplicate;
        }

        /** @return gap status ranges, from -> to. */
        public Map<Long, Long> reportedGaps()
        {
            return Map.copyOf(reported);
        }

        /** @return GAP / LOCAL_OVERLOAD records that repeat a range reported before. */
        public long repeatedGapRecords()
        {
            return repeatedGapRecords;
        }

        /** @return the handler's own status records by type. */
        public Map<String, Long> handlerStatus()
        {
            return Map.copyOf(handlerStatus);
        }

        void finish()
        {
            first = Math.min(present.min(), deadLettered.min());
            last = Math.max(present.max(), deadLettered.max());
            for (final Map.Entry<Long, Long> gap : reported.entrySet())
            {
                first = Math.min(first, gap.getKey());
                last = Math.max(last, gap.getValue());
            }
            long sequence = first;
            while (sequence <= last)
            {
                final long absent = present.nextAbsent(sequence);
                if (absent > last)
                {
                    break;
                }
                final long nextPresent = present.nextPresent(absent, last);
                judge(absent, nextPresent < 0 ? last : nextPresent - 1);
                if (nextPresent < 0)
                {
                    break;
                }
                sequence = nextPresent;
            }
        }

        /** Every number of an absent run is dead-lettered, reported, or missing. */
        private void judge(final long from, final long to)
        {
            long runStart = -1;
            for (long sequence = from; sequence <= to; sequence++)
            {
                if (deadLettered.contains(sequence))
                {
                    runStart = closeRun(runStart, sequence - 1);
                    continue;
                }
                final Map.Entry<Long, Long> gap = reported.floorEntry(sequence);
                if (gap != null && gap.getValue() >= sequence)
                {
                    runStart = closeRun(runStart, sequence - 1);
                    final long end = Math.min(to, gap.getValue());
                    reportedMissing += countNotDeadLettered(sequence, end);
                    sequence = end;
                    continue;
                }
                missing++;
                if (runStart < 0)
                {
                    runStart = sequence;
                }
            }
            closeRun(runStart, to);
        }

        private long countNotDeadLettered(final long from, final long to)
        {
            long count = 0;
            for (long sequence = from; sequence <= to; sequence++)
            {
                count += deadLettered.contains(sequence) ? 0 : 1;
            }
            return count;
        }

        private long closeRun(final long runStart, final long end)
        {
            if (runStart >= 0 && missingRanges.size() < EXAMPLES)
            {
                missingRanges.add(runStart == end ? Long.toString(end) : runStart + "-" + end);
            }
            return -1;
        }
    }

    /** Everything {@code verify} found. */
    public static final class Report
    {
        final Map<String, Long> records = new TreeMap<>();
        final Map<String, Integer> partitions = new TreeMap<>();
        final Map<String, SessionReport> sessions = new TreeMap<>();
        final Map<String, Long> lastSequence = new HashMap<>();
        final List<String> decodeFailureExamples = new ArrayList<>();
        final List<String> orderViolationExamples = new ArrayList<>();
        long decodeFailures;
        long orderViolations;
        long deadLettersWithoutSequence;

        SessionReport session(final String name)
        {
            return sessions.computeIfAbsent(name, n -> new SessionReport());
        }

        void example(final List<String> examples, final String example)
        {
            if (examples.size() < EXAMPLES)
            {
                examples.add(example);
            }
        }

        void finish()
        {
            sessions.values().forEach(SessionReport::finish);
        }

        /** @return records read per topic. */
        public Map<String, Long> records()
        {
            return Map.copyOf(records);
        }

        /** @return partitions per topic (0: the topic does not exist). */
        public Map<String, Integer> partitions()
        {
            return Map.copyOf(partitions);
        }

        /** @return per session, by name. */
        public Map<String, SessionReport> sessions()
        {
            return sessions;
        }

        /** @return records that do not decode against their schema. */
        public long decodeFailures()
        {
            return decodeFailures;
        }

        /** @return the first few, with topic, partition, offset and reason. */
        public List<String> decodeFailureExamples()
        {
            return List.copyOf(decodeFailureExamples);
        }

        /** @return records of a (topic, partition, session, symbol) with a lower sequence than the one before. */
        public long orderViolations()
        {
            return orderViolations;
        }

        /** @return the first few. */
        public List<String> orderViolationExamples()
        {
            return List.copyOf(orderViolationExamples);
        }

        /** @return DLQ records without a session and sequence (defects of the framing: no sequence to account). */
        public long deadLettersWithoutSequence()
        {
            return deadLettersWithoutSequence;
        }

        /** @return true when every sequence is present or reported, every record decodes and no symbol is out of order. */
        public boolean passed()
        {
            return decodeFailures == 0 && orderViolations == 0 &&
                sessions.values().stream().allMatch(s -> s.missing == 0);
        }
    }
}
