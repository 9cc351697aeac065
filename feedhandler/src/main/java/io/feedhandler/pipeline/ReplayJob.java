package io.feedhandler.pipeline;

import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.avro.WireFormat;
import io.feedhandler.config.Profile;
import io.feedhandler.config.TradingDay;
import io.feedhandler.kafka.TopicCreationException;
import io.feedhandler.kafka.Topics;
import io.feedhandler.registry.IncompatibleSchemaException;
import io.feedhandler.registry.SchemaRegistryException;
import io.feedhandler.registry.SchemaRollout;
import io.feedhandler.telemetry.FeedMetrics;
import io.feedhandler.transport.file.FeedFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes one feed file through the whole pipeline to Kafka and waits until the broker has
 * acknowledged everything (or a deadline passes): the engine of {@code replay} and {@code demo}.
 *
 * <pre>
 * FeedFile --FileSource--> ring --> Sequencer --> RecordEncoderStage --> Publisher --> Kafka
 *                                                                           |
 *                                                     acks --> watermark --> checkpoint file
 * </pre>
 *
 * <p>Before the feed starts it settles the wire format: with a schema registry, every schema is
 * checked and registered ({@link SchemaRollout}) and records carry the ids in Confluent framing;
 * without one, single-object encoding. The registry is never called after that.
 */
public final class ReplayJob
{
    private static final int RECORDS_PER_POLL = 1024;

    private final Profile profile;
    private final Topics topics;
    private final RecordSchemas schemas;
    private final FeedMetrics metrics;
    private volatile WireFormat wireFormat;

    /**
     * @param profile the exchange profile (Kafka, pipeline, checkpoint, schema registry settings).
     */
    public ReplayJob(final Profile profile)
    {
        this(profile, RecordSchemas.fromClassPath());
    }

    /**
     * @param profile the exchange profile.
     * @param schemas the schemas to publish with (the jar's, or a directory's for a schema change
     *                being tried out).
     */
    public ReplayJob(final Profile profile, final RecordSchemas schemas)
    {
        this(profile, schemas, null);
    }

    /**
     * @param profile the exchange profile.
     * @param schemas the schemas to publish with.
     * @param metrics metrics the caller serves and keeps past the replay (each replay attaches its
     *                pipeline to them); null: the job serves its own for the duration of the
     *                replay when the profile's {@code metrics.port} is set.
     */
    public ReplayJob(final Profile profile, final RecordSchemas schemas, final FeedMetrics metrics)
    {
        this.profile = profile;
        this.topics = Topics.of(profile);
        this.schemas = schemas;
        this.metrics = metrics;
    }

    /** Told how far a replay has got. */
    @FunctionalInterface
    public interface Progress
    {
        /**
         * @param bytesRead bytes of the file read (compressed bytes for gzip).
         * @param messages  events put on the ring.
         */
        void update(long bytesRead, long messages);
    }

    /** @return the topic names this job publishes to. */
    public Topics topics()
    {
        return topics;
    }

    /**
     * @return prefix length of the wire format, for consumers that decode records: the one the last
     * replay used, else the one the profile asks for.
     */
    public int wirePrefixLength()
    {
        final WireFormat used = wireFormat;
        if (used != null)
        {
            return used.prefixLength();
        }
        return PublishingPipeline.wirePrefixLength(profile);
    }

    /**
     * Replay a file.
     *
     * @param file       BinaryFILE (.gz) or capture.
     * @param rate       messages per second, 0 for as fast as the broker acknowledges.
     * @param progress   told bytes read and messages after each poll (for a progress bar); may be null.
     * @param ackTimeout how long to wait for the last acknowledgements.
     * @return what happened.
     * @throws IOException          if the file cannot be read or the checkpoint written.
     * @throws InterruptedException if interrupted while waiting.
     * @throws TopicCreationException if the topics cannot be created (broker unreachable).
     * @throws SchemaRegistryException if the registry cannot be reached (and the profile does not
     *                                 fall back) or refuses a request.
     * @throws IncompatibleSchemaException if a schema change breaks the evolution rules.
     */
    public ReplaySummary replay(final Path file, final long rate, final Progress progress, final Duration ackTimeout)
        throws IOException, InterruptedException, TopicCreationException, SchemaRegistryException, IncompatibleSchemaException
    {
        try (FeedMetrics served = metrics == null && profile.metrics().enabled() ? FeedMetrics.create(profile.exchange()) : null)
        {
            if (served != null)
            {
                served.serve(profile.metrics());
            }
            return replay(file, rate, progress, ackTimeout, metrics != null ? metrics : served);
        }
    }

    private ReplaySummary replay(final Path file, final long rate, final Progress progress, final Duration ackTimeout,
        final FeedMetrics telemetry)
        throws IOException, InterruptedException, TopicCreationException, SchemaRegistryException, IncompatibleSchemaException
    {
        final PipelineCounters counters = new PipelineCounters();
        final TradingDay day = profile.tradingDay(file, Clock.systemUTC());
        // A replay is a throughput job: its own linger.ms (replay.linger-ms), not the live lines'.
        final PublishingPipeline publishing = PublishingPipeline.start(profile, schemas, topics, day,
            file.getFileName().toString(), counters, new StageLatencies(StageLatencies.Origin.RECEIVE),
            profile.kafka().producerProperties(profile.replay().lingerMillis()));
        try
        {
            this.wireFormat = publishing.wireFormat();
            final FileSource source = new FileSource(publishing.ring(), publishing.streams(), publishing.clock(), counters,
                streamName(file));
            publishing.watchForStall(ackTimeout, source::abort);
            if (telemetry != null)
            {
                telemetry.attach(publishing.telemetry());
            }
            String format = "unknown";
            boolean aborted = false;
            try (FeedFile feedFile = FeedFile.open(file, source))
            {
                format = feedFile.format().displayName();
                final long pacingStart = System.nanoTime();
                while (feedFile.poll(RECORDS_PER_POLL))
                {
                    if (progress != null)
                    {
                        progress.update(feedFile.bytesRead(), counters.eventsIn.sum());
                    }
                    pace(rate, pacingStart, counters.eventsIn.sum());
                }
            }
            catch (final FileSource.AbortedException ex)
            {
                aborted = true;
            }
            final boolean complete = !aborted && publishing.drain(ackTimeout);
            publishing.close();
            return new ReplaySummary(file.toString(), format, counters, publishing.watermarks(), complete,
                publishing.elapsedNanos(), publishing.latencies());
        }
        finally
        {
            // Bounded: against a broker that never returns, what is unacknowledged is reported, not waited for.
            publishing.close();
        }
    }

    /**
     * @param file a feed file.
     * @return the stream name of its BinaryFILE messages: the file name up to its first dot
     * ({@code 12302019} for {@code 12302019.NASDAQ_ITCH50.gz}).
     */
    public static String streamName(final Path file)
    {
        final String name = file.getFileName().toString();
        final int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void pace(final long rate, final long startNanos, final long events)
    {
        if (rate <= 0)
        {
            return;
        }
        final long due = startNanos + events * 1_000_000_000L / rate;
        long now;
        while ((now = System.nanoTime()) < due)
        {
            LockSupport.parkNanos(Math.min(due - now, 1_000_000L));
        }
    }
}
