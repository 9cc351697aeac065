package io.feedhandler.pipeline;

import io.feedhandler.avro.ConfluentFraming;
import io.feedhandler.avro.RecordSchema;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.avro.SingleObjectEncoding;
import io.feedhandler.avro.WireFormat;
import io.feedhandler.config.Profile;
import io.feedhandler.config.SchemaRegistrySettings;
import io.feedhandler.config.TradingDay;
import io.feedhandler.kafka.TopicCreationException;
import io.feedhandler.kafka.TopicCreator;
import io.feedhandler.kafka.Topics;
import io.feedhandler.registry.IncompatibleSchemaException;
import io.feedhandler.registry.RegisteredSchema;
import io.feedhandler.registry.SchemaRegistryClient;
import io.feedhandler.registry.SchemaRegistryException;
import io.feedhandler.registry.SchemaRollout;
import io.feedhandler.transport.file.FeedFile;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

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
    private static final Logger LOG = LogManager.getLogger(ReplayJob.class);
    private static final int RECORDS_PER_POLL = 1024;
    private static final long CHECKPOINT_INTERVAL_MS = 1000;
    private static final Duration PRODUCER_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Profile profile;
    private final Topics topics;
    private final RecordSchemas schemas;
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
        this.profile = profile;
        this.topics = Topics.of(profile);
        this.schemas = schemas;
    }

    /** The wire format chosen at start, and the {@code schema} header value of each kind. */
    private record Framing(WireFormat wireFormat, String[] schemaNames)
    {
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
        return profile.schemaRegistry().enabled() ? ConfluentFraming.PREFIX_LENGTH : SingleObjectEncoding.PREFIX_LENGTH;
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
        final PipelineCounters counters = new PipelineCounters();
        // Schemas first: a refused start must leave nothing behind, not even topics.
        final Framing framing = framing(counters);
        this.wireFormat = framing.wireFormat();
        if (profile.kafka().topics().create())
        {
            final TopicCreator.Result created = TopicCreator.of(profile).createMissing(topics);
            created.warnings().forEach(LOG::warn);
        }
        final String exchange = profile.exchange();
        final TradingDay day = profile.tradingDay(file, Clock.systemUTC());
        final StreamRegistry streams = new StreamRegistry();
        final SymbolTable symbols = new SymbolTable(exchange);
        final WireFormat wireFormat = framing.wireFormat();
        final String[] schemaNames = framing.schemaNames();
        final String[] topicByKind = new String[RecordSchema.values().length];
        for (final RecordSchema kind : RecordSchema.values())
        {
            topicByKind[kind.ordinal()] = topics.topic(kind.dataType());
        }
        final OffsetEpochNanoClock clock = new OffsetEpochNanoClock();
        final long started = System.nanoTime();
        final Producer<byte[], byte[]> producer = new KafkaProducer<>(profile.kafka().producerProperties());
        try
        {
            awaitMetadata(producer, topicByKind);
            final Publisher publisher = new Publisher(producer, topicByKind, topics.dlq(), streams, symbols, counters,
                exchange, file.getFileName().toString(), schemaNames, clock);
            final FeedPipeline pipeline = new FeedPipeline(profile.pipeline().ringSize(), profile.pipeline().waitStrategy(),
                counters, new Sequencer(counters),
                new RecordEncoderStage(exchange, day.date(), day.zone(), wireFormat, streams, symbols,
                    profile.book().depthLevels(), counters), publisher);
            final FileSource source = new FileSource(pipeline.start(), streams, clock, counters, streamName(file));
            final Checkpoint checkpoint = new Checkpoint(profile.checkpoint().directory().resolve(exchange + ".checkpoint"));
            final Map<String, Long> previous = checkpoint.read();
            final ScheduledExecutorService checkpointer = Executors.newSingleThreadScheduledExecutor(runnable ->
            {
                final Thread thread = new Thread(runnable, "feedhandler-checkpoint");
                thread.setDaemon(true);
                return thread;
            });
            // A crash mid-replay must still leave a checkpoint no older than this interval.
            checkpointer.scheduleWithFixedDelay(() -> writeCheckpoint(checkpoint, previous, streams, publisher),
                CHECKPOINT_INTERVAL_MS, CHECKPOINT_INTERVAL_MS, TimeUnit.MILLISECONDS);
            final StallWatch stallWatch = new StallWatch(counters, ackTimeout,
                () -> pipeline.backlog() > 0 || !publisher.allAcknowledged());
            checkpointer.scheduleWithFixedDelay(() ->
            {
                if (stallWatch.stalled(System.nanoTime()))
                {
                    LOG.error("no acknowledgement from Kafka at {} for {} with work outstanding ({} events on the ring): " +
                        "giving up the replay", profile.kafka().bootstrapServers(), ackTimeout, pipeline.backlog());
                    source.abort();
                    publisher.abort();
                }
            }, CHECKPOINT_INTERVAL_MS, CHECKPOINT_INTERVAL_MS, TimeUnit.MILLISECONDS);
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
            final boolean complete = !aborted &&
                pipeline.awaitDrained(ackTimeout.toMillis(), TimeUnit.MILLISECONDS) &&
                awaitAcks(pipeline, publisher, producer, ackTimeout);
            pipeline.close();
            checkpointer.shutdown();
            checkpointer.awaitTermination(10, TimeUnit.SECONDS);
            final Map<String, Long> watermarks = writeCheckpoint(checkpoint, previous, streams, publisher);
            return new ReplaySummary(file.toString(), format, counters, watermarks, complete,
                System.nanoTime() - started, publisher.latencies());
        }
        finally
        {
            // Bounded: against a broker that never returns, close() would otherwise wait for every
            // batch to time out; what is unacknowledged by then is reported, not waited for.
            producer.close(PRODUCER_CLOSE_TIMEOUT);
        }
    }

    /**
     * With a registry: check and register every schema, Confluent framing with the ids, and
     * {@code <record>;version=<v>;id=<id>} in each record's {@code schema} header. Without one (or
     * when it is unreachable and the profile says to fall back): single-object encoding, and
     * {@code <record>;fingerprint=<hex>}.
     */
    private Framing framing(final PipelineCounters counters) throws SchemaRegistryException, IncompatibleSchemaException
    {
        final SchemaRegistrySettings registry = profile.schemaRegistry();
        final String[] schemaNames = new String[RecordSchema.values().length];
        if (registry.enabled())
        {
            try (SchemaRegistryClient client = SchemaRegistryClient.of(registry))
            {
                final Map<RecordSchema, RegisteredSchema> registered = new SchemaRollout(client, schemas, topics).registerAll();
                final Map<RecordSchema, Integer> ids = new EnumMap<>(RecordSchema.class);
                registered.forEach((kind, schema) ->
                {
                    ids.put(kind, schema.id());
                    schemaNames[kind.ordinal()] = kind.fullName() + ";version=" + schema.version() + ";id=" + schema.id();
                });
                return new Framing(new ConfluentFraming(ids), schemaNames);
            }
            catch (final SchemaRegistryException ex)
            {
                if (!ex.unreachable() || !registry.fallbackToSingleObject())
                {
                    throw ex;
                }
                counters.schemaRegistryFallbacks.increment();
                LOG.warn("FALLING BACK TO SINGLE-OBJECT ENCODING: {}. schema-registry.fallback-to-single-object is true, " +
                    "so records are published with Avro single-object encoding (C3 01 + schema fingerprint), NOT Confluent " +
                    "framing: consumers using Confluent deserializers cannot read them", ex.getMessage());
            }
        }
        for (final RecordSchema kind : RecordSchema.values())
        {
            schemaNames[kind.ordinal()] = kind.fullName() + ";fingerprint=" + Long.toHexString(schemas.fingerprint(kind));
        }
        return new Framing(new SingleObjectEncoding(schemas), schemaNames);
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

    /** Tells when work is outstanding but no acknowledgement has come for too long. */
    private static final class StallWatch
    {
        private final PipelineCounters counters;
        private final long limitNanos;
        private final BooleanSupplier workOutstanding;
        private long lastAcked = -1;
        private long lastChangeNanos = System.nanoTime();

        StallWatch(final PipelineCounters counters, final Duration limit, final BooleanSupplier workOutstanding)
        {
            this.counters = counters;
            this.limitNanos = limit.toNanos();
            this.workOutstanding = workOutstanding;
        }

        boolean stalled(final long nowNanos)
        {
            final long acked = counters.recordsAcked.sum();
            if (acked != lastAcked || !workOutstanding.getAsBoolean())
            {
                lastAcked = acked;
                lastChangeNanos = nowNanos;
                return false;
            }
            return nowNanos - lastChangeNanos > limitNanos;
        }
    }

    private static Map<String, Long> writeCheckpoint(final Checkpoint checkpoint, final Map<String, Long> previous,
        final StreamRegistry streams, final Publisher publisher)
    {
        final Map<String, Long> watermarks = new LinkedHashMap<>();
        final AckWatermark[] byStream = publisher.watermarks();
        for (int i = 0; i < streams.size(); i++)
        {
            final AckWatermark watermark = byStream[i];
            if (watermark != null)
            {
                watermarks.put(streams.name(i), watermark.watermark());
            }
        }
        final Map<String, Long> merged = new LinkedHashMap<>(previous);
        merged.putAll(watermarks);
        try
        {
            checkpoint.write(merged);
        }
        catch (final IOException ex)
        {
            LOG.error("cannot write checkpoint {}: {}", checkpoint.file(), ex.toString());
        }
        return watermarks;
    }

    private static void awaitMetadata(final Producer<byte[], byte[]> producer, final String[] topics)
        throws InterruptedException
    {
        // max.block.ms is small on purpose, so metadata may take a few tries: fetch it before the
        // feed starts, so the first sends do not fail for want of it.
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (final String topic : topics)
        {
            while (true)
            {
                try
                {
                    // Freshly created topics answer before their partitions have leaders.
                    if (producer.partitionsFor(topic).stream().allMatch(partition -> partition.leader() != null))
                    {
                        break;
                    }
                    Thread.sleep(50);
                }
                catch (final org.apache.kafka.common.errors.TimeoutException ex)
                {
                    if (System.nanoTime() > deadline)
                    {
                        throw ex;
                    }
                    Thread.sleep(50);
                }
            }
        }
    }

    private static boolean awaitAcks(final FeedPipeline pipeline, final Publisher publisher,
        final Producer<byte[], byte[]> producer, final Duration timeout)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline)
        {
            if (publisher.retriesPending())
            {
                pipeline.nudge();
                producer.flush();
            }
            if (publisher.allAcknowledged())
            {
                return true;
            }
            LockSupport.parkNanos(5_000_000L);
        }
        return publisher.allAcknowledged();
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
