package io.feedhandler.pipeline;

import io.feedhandler.avro.RecordSchema;
import io.feedhandler.book.BookAnomaly;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the pipeline has done, for the summary of {@code replay} and {@code demo} and, later, for
 * the metrics endpoint. Written by one stage each, read by anyone.
 */
public final class PipelineCounters
{
    /** Events read from sources, messages and defects. */
    public final LongAdder eventsIn = new LongAdder();
    /** Messages in sequence (not duplicates). */
    public final LongAdder messages = new LongAdder();
    /**
     * Messages in sequence by their type byte (ITCH 'A' = 65 ...), written by the sequencer thread
     * only (an ordered store, no read-modify-write across threads), read by the metrics endpoint.
     */
    public final AtomicLongArray messagesByType = new AtomicLongArray(128);
    /** Messages dropped because their sequence number was seen before. */
    public final LongAdder duplicates = new LongAdder();
    /** Messages at or below the checkpoint replayed after a restart into the books and symbols, not published. */
    public final LongAdder rebuilt = new LongAdder();
    /** Gaps opened (each reported as a status record). */
    public final LongAdder gaps = new LongAdder();
    /** Sequence numbers inside gaps. */
    public final LongAdder missingMessages = new LongAdder();
    /** Events sent to the DLQ (malformed input, failed stages). */
    public final LongAdder deadLetters = new LongAdder();
    /** Exceptions caught by the ring's exception handler. */
    public final LongAdder stageFailures = new LongAdder();
    /** Records handed to the producer. */
    public final LongAdder recordsSent = new LongAdder();
    /** Records acknowledged by the broker. */
    public final LongAdder recordsAcked = new LongAdder();
    /** Delivery failures (each record is retried, never dropped). */
    public final LongAdder deliveryFailures = new LongAdder();
    /** Records re-sent after a delivery failure or a full producer buffer. */
    public final LongAdder retries = new LongAdder();
    /** Acknowledged records per kind, indexed by {@link RecordSchema#ordinal()}. */
    public final LongAdder[] ackedByKind = new LongAdder[RecordSchema.values().length];
    /** Acknowledged DLQ records. */
    public final LongAdder deadLettersAcked = new LongAdder();
    /**
     * 1 when the schema registry was unreachable at start and the profile's
     * {@code schema-registry.fallback-to-single-object} let the run go on in single-object encoding.
     */
    public final LongAdder schemaRegistryFallbacks = new LongAdder();

    /**
     * Order events the book could not apply as sent, indexed by {@link BookAnomaly#ordinal()}:
     * counted, their order event records published, nothing sent to the DLQ.
     */
    public final LongAdder[] bookAnomalies = new LongAdder[BookAnomaly.values().length];

    /** Create zeroed counters. */
    public PipelineCounters()
    {
        for (int i = 0; i < bookAnomalies.length; i++)
        {
            bookAnomalies[i] = new LongAdder();
        }
        for (int i = 0; i < ackedByKind.length; i++)
        {
            ackedByKind[i] = new LongAdder();
        }
    }
}
