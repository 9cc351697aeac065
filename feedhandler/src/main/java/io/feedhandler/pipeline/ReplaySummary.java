package io.feedhandler.pipeline;

import io.feedhandler.avro.RecordSchema;
import io.feedhandler.book.BookAnomaly;
import org.HdrHistogram.Histogram;

import java.util.Locale;
import java.util.Map;

/**
 * What one replay did: messages in, records acknowledged per kind, gaps, duplicates, DLQ,
 * retries, rate, receive-to-acknowledgement latency, and the watermark per stream.
 *
 * @param file          the file replayed.
 * @param format        its detected format.
 * @param counters      the pipeline's counters at the end.
 * @param watermarks    acked-sequence watermark per stream.
 * @param complete      true if every record was acknowledged before the deadline.
 * @param elapsedNanos  wall time of the replay.
 * @param latencyMicros receive-to-acknowledgement latency, in microseconds.
 */
public record ReplaySummary(
    String file,
    String format,
    PipelineCounters counters,
    Map<String, Long> watermarks,
    boolean complete,
    long elapsedNanos,
    Histogram latencyMicros)
{
    /** @return records acknowledged per second over the whole replay. */
    public double recordsPerSecond()
    {
        return counters.recordsAcked.sum() / (elapsedNanos / 1e9);
    }

    /** @return messages in per second over the whole replay. */
    public double messagesPerSecond()
    {
        return counters.eventsIn.sum() / (elapsedNanos / 1e9);
    }

    /**
     * @param kind of record.
     * @return records of that kind acknowledged.
     */
    public long acked(final RecordSchema kind)
    {
        return counters.ackedByKind[kind.ordinal()].sum();
    }

    /** @return a few lines for people. */
    public String render()
    {
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "replayed %s (%s): %s%n", file, format,
            complete ? "every record acknowledged" : "NOT every record acknowledged before the deadline"));
        out.append(String.format(Locale.ROOT, "  messages in %,d  in sequence %,d  duplicates %,d  gaps %,d (%,d missing)  DLQ %,d%n",
            counters.eventsIn.sum(), counters.messages.sum(), counters.duplicates.sum(), counters.gaps.sum(),
            counters.missingMessages.sum(), counters.deadLetters.sum()));
        out.append("  records acked:");
        for (final RecordSchema kind : RecordSchema.values())
        {
            out.append(String.format(Locale.ROOT, " %s %,d", kind.dataType().nameInTopic(), acked(kind)));
        }
        out.append(String.format(Locale.ROOT, "  dlq %,d%n", counters.deadLettersAcked.sum()));
        out.append(String.format(Locale.ROOT, "  book: unknown order references %,d, executions/cancels over the remaining shares %,d, " +
            "reused live references %,d (counted, not sent to the DLQ)%n",
            counters.bookAnomalies[BookAnomaly.UNKNOWN_ORDER.ordinal()].sum(),
            counters.bookAnomalies[BookAnomaly.OVERSIZED_REDUCTION.ordinal()].sum(),
            counters.bookAnomalies[BookAnomaly.DUPLICATE_REFERENCE.ordinal()].sum()));
        out.append(String.format(Locale.ROOT, "  %.1f s, %,.0f msg/s, %,.0f records/s; delivery failures %,d, retries %,d%n",
            elapsedNanos / 1e9, messagesPerSecond(), recordsPerSecond(), counters.deliveryFailures.sum(), counters.retries.sum()));
        if (latencyMicros.getTotalCount() > 0)
        {
            out.append(String.format(Locale.ROOT, "  receive->ack latency (queueing included) p50 %,d us  p99 %,d us  max %,d us%n",
                latencyMicros.getValueAtPercentile(50), latencyMicros.getValueAtPercentile(99), latencyMicros.getMaxValue()));
        }
        if (counters.schemaRegistryFallbacks.sum() > 0)
        {
            out.append(String.format(Locale.ROOT, "  WARNING: schema registry unreachable at start: records are in " +
                "single-object encoding, not Confluent framing (schema-registry.fallback-to-single-object)%n"));
        }
        watermarks.forEach((stream, sequence) ->
            out.append(String.format(Locale.ROOT, "  session %s acked through sequence %,d%n", stream, sequence)));
        return out.toString();
    }
}
