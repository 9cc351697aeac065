package io.feedhandler.pipeline;

import com.lmax.disruptor.RingBuffer;
import io.feedhandler.avro.ConfluentFraming;
import io.feedhandler.avro.RecordSchema;
import io.feedhandler.telemetry.PipelineTelemetry;
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
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * What every job that publishes a feed shares, whatever the source (a file for {@code replay},
 * the live lines for {@code run}): wire format settled with the schema registry, topics, the
 * idempotent producer, the ring and its stages, the checkpoint written every second and at the
 * end, and the stall watch. A source only puts events on {@link #ring()}.
 *
 * <pre>
 * source --> ring --> Sequencer --> RecordEncoderStage --> Publisher --> Kafka
 *                                                            |
 *                                   acks --> watermark --> checkpoint file (every second, and at close)
 * </pre>
 */
public final class PublishingPipeline implements AutoCloseable
{
    private static final Logger LOG = LogManager.getLogger(PublishingPipeline.class);
    private static final long CHECKPOINT_INTERVAL_MS = 1000;
    private static final Duration PRODUCER_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Profile profile;
    private final PipelineCounters counters;
    private final WireFormat wireFormat;
    private final StreamRegistry streams = new StreamRegistry();
    private final OffsetEpochNanoClock clock = new OffsetEpochNanoClock();
    private final long startedNanos = System.nanoTime();
    private final Producer<byte[], byte[]> producer;
    private final Publisher publisher;
    private final FeedPipeline pipeline;
    private final Sequencer sequencer;
    private final String[] topicByKind;
    private final String deadLetterTopic;
    private final RingBuffer<FeedEvent> ring;
    private final Checkpoint checkpoint;
    private final Map<String, Long> previous;
    private final ScheduledExecutorService checkpointer;
    private Map<String, Long> watermarks;
    private boolean closed;

    /** The wire format chosen at start, and the {@code schema} header value of each kind. */
    private record Framing(WireFormat wireFormat, String[] schemaNames)
    {
    }

    private PublishingPipeline(final Profile profile, final Topics topics, final TradingDay day, final String source,
        final PipelineCounters counters, final Framing framing, final StageLatencies latencies,
        final Properties producerProperties)
        throws InterruptedException, IOException
    {
        this.profile = profile;
        this.counters = counters;
        this.wireFormat = framing.wireFormat();
        final String exchange = profile.exchange();
        final SymbolTable symbols = new SymbolTable(exchange);
        this.topicByKind = new String[RecordSchema.values().length];
        this.deadLetterTopic = topics.dlq();
        for (final RecordSchema kind : RecordSchema.values())
        {
            topicByKind[kind.ordinal()] = topics.topic(kind.dataType());
        }
        this.checkpoint = new Checkpoint(profile.checkpoint().directory().resolve(exchange + ".checkpoint"));
        this.previous = checkpoint.read();
        this.producer = new KafkaProducer<>(producerProperties);
        try
        {
            awaitMetadata(producer, topicByKind);
        }
        catch (final InterruptedException | RuntimeException ex)
        {
            producer.close(Duration.ZERO);
            throw ex;
        }
        this.publisher = new Publisher(producer, topicByKind, topics.dlq(), streams, symbols, counters,
            exchange, source, framing.schemaNames(), clock, latencies);
        this.pipeline = new FeedPipeline(profile.pipeline().ringSize(), profile.pipeline().waitStrategy(),
            profile.pipeline().stageThreads(), counters, sequencer = new Sequencer(counters),
            new RecordEncoderStage(exchange, day.date(), day.zone(), wireFormat, streams, symbols,
                profile.book().depthLevels(), counters), publisher);
        this.ring = pipeline.start();
        this.checkpointer = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "feedhandler-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        // A crash must still leave a checkpoint no older than this interval.
        checkpointer.scheduleWithFixedDelay(this::writeCheckpoint, CHECKPOINT_INTERVAL_MS, CHECKPOINT_INTERVAL_MS,
            TimeUnit.MILLISECONDS);
    }

    /**
     * Settle the wire format (registering schemas with the registry, if any), create missing
     * topics, start the producer and the ring.
     *
     * @param profile   the exchange profile.
     * @param schemas   the schemas to publish with.
     * @param topics    topic names.
     * @param day       the trading day of the ITCH timestamps.
     * @param source    what is published (file name, lines), for DLQ headers.
     * @param counters  what the pipeline counts.
     * @param latencies where the publisher records origin to {@code send()} returned and to acknowledgement.
     * @param producerProperties the producer's properties: the profile's, or a replay's (its own {@code linger.ms}).
     * @return the running pipeline; {@link #close()} it.
     * @throws IOException                 if the checkpoint exists but cannot be read.
     * @throws InterruptedException        if interrupted while waiting for metadata.
     * @throws TopicCreationException      if the topics cannot be created (broker unreachable).
     * @throws SchemaRegistryException     if the registry cannot be reached (and the profile does
     *                                     not fall back) or refuses a request.
     * @throws IncompatibleSchemaException if a schema change breaks the evolution rules.
     */
    public static PublishingPipeline start(final Profile profile, final RecordSchemas schemas, final Topics topics,
        final TradingDay day, final String source, final PipelineCounters counters, final StageLatencies latencies,
        final Properties producerProperties)
        throws IOException, InterruptedException, TopicCreationException, SchemaRegistryException, IncompatibleSchemaException
    {
        // Schemas first: a refused start must leave nothing behind, not even topics.
        final Framing framing = framing(profile, schemas, topics, counters);
        if (profile.kafka().topics().create())
        {
            final TopicCreator.Result created = TopicCreator.of(profile).createMissing(topics);
            created.warnings().forEach(LOG::warn);
        }
        return new PublishingPipeline(profile, topics, day, source, counters, framing, latencies, producerProperties);
    }

    /**
     * @return the session to resume and its watermark: the checkpoint's most recently published
     *         stream (written last), or empty when there is no checkpoint yet.
     */
    public java.util.Optional<Map.Entry<String, Long>> resumePoint()
    {
        Map.Entry<String, Long> last = null;
        for (final Map.Entry<String, Long> entry : previous.entrySet())
        {
            last = entry;
        }
        return java.util.Optional.ofNullable(last).map(entry -> Map.entry(entry.getKey(), entry.getValue()));
    }

    /**
     * Start a stream after its checkpointed watermark, before the source delivers anything. With
     * {@code rebuild}, the source must deliver the stream from sequence number 1: messages 1 to
     * {@code watermark} rebuild the order books and the symbol table without being published
     * again. Either way publishing resumes at watermark + 1 (a later first message there is a
     * gap) and the acked watermark starts at {@code watermark}. Harmless if the stream never shows
     * up (another day's session).
     *
     * @param stream    the stream's name.
     * @param watermark last sequence number acknowledged before the restart.
     * @param rebuild   true if the source delivers the stream from 1 ({@code checkpoint.rebuild-books}).
     */
    public void resume(final String stream, final long watermark, final boolean rebuild)
    {
        final int index = streams.indexOf(stream);
        // Before the source's first event: the ring's publication makes these visible to the stages.
        if (rebuild)
        {
            sequencer.rebuildThrough(index, watermark);
        }
        else
        {
            sequencer.expect(index, watermark + 1);
        }
        publisher.resumeAfter(index, watermark);
    }

    /** @return the ring sources publish into (one producer thread). */
    public RingBuffer<FeedEvent> ring()
    {
        return ring;
    }

    /** @return the streams (sessions) seen. */
    public StreamRegistry streams()
    {
        return streams;
    }

    /** @return the epoch clock of receive timestamps. */
    public EpochNanoClock clock()
    {
        return clock;
    }

    /** @return the wire format records are framed with. */
    public WireFormat wireFormat()
    {
        return wireFormat;
    }

    /** @return the ring and its stages. */
    public FeedPipeline pipeline()
    {
        return pipeline;
    }

    /** @return nanoseconds since start. */
    public long elapsedNanos()
    {
        return System.nanoTime() - startedNanos;
    }

    /** @return what the metrics endpoint reads at scrape time: counters, ring, watermarks, the producer. */
    public PipelineTelemetry telemetry()
    {
        return new PipelineTelemetry(counters, topicByKind.clone(), deadLetterTopic, pipeline::backlog,
            profile.pipeline().ringSize(), streams, sequencer, publisher, producer);
    }

    /** @return receive-to-acknowledgement latency since the last call, in microseconds. */
    public org.HdrHistogram.Histogram latencies()
    {
        return publisher.latencies();
    }

    /**
     * Watch for Kafka stopping to acknowledge while work is outstanding; after {@code limit}
     * without an acknowledgement, log, stop the publisher from waiting, and call {@code abort}.
     *
     * @param limit how long without an acknowledgement.
     * @param abort what the source does to give up (e.g. stop reading the file).
     */
    public void watchForStall(final Duration limit, final Runnable abort)
    {
        final StallWatch stallWatch = new StallWatch(counters, limit, () -> pipeline.backlog() > 0 || !publisher.allAcknowledged());
        checkpointer.scheduleWithFixedDelay(() ->
        {
            if (stallWatch.stalled(System.nanoTime()))
            {
                LOG.error("no acknowledgement from Kafka at {} for {} with work outstanding ({} events on the ring): " +
                    "giving up", profile.kafka().bootstrapServers(), limit, pipeline.backlog());
                abort.run();
                publisher.abort();
            }
        }, CHECKPOINT_INTERVAL_MS, CHECKPOINT_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Wait until the stages have handled everything on the ring and Kafka has acknowledged every
     * record (failed deliveries are sent again meanwhile). Call once the source has stopped.
     *
     * @param timeout for each of the two waits.
     * @return true if everything was acknowledged in time.
     */
    public boolean drain(final Duration timeout)
    {
        return pipeline.awaitDrained(timeout.toMillis(), TimeUnit.MILLISECONDS) && awaitAcks(timeout);
    }

    /**
     * Stop the stages, write the checkpoint, close the producer (bounded: what is unacknowledged
     * by then is reported, not waited for).
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        pipeline.close();
        checkpointer.shutdown();
        try
        {
            checkpointer.awaitTermination(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        watermarks = writeCheckpoint();
        producer.close(PRODUCER_CLOSE_TIMEOUT);
    }

    /** @return the watermark per stream written at {@link #close()}. */
    public Map<String, Long> watermarks()
    {
        return watermarks;
    }

    private static Framing framing(final Profile profile, final RecordSchemas schemas, final Topics topics,
        final PipelineCounters counters) throws SchemaRegistryException, IncompatibleSchemaException
    {
        // With a registry: Confluent framing with the ids, <record>;version=<v>;id=<id> in each
        // record's schema header. Without one (or unreachable and allowed to fall back):
        // single-object encoding and <record>;fingerprint=<hex>.
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
     * @param profile a profile.
     * @return the wire prefix length the profile asks for (before a start settles it).
     */
    static int wirePrefixLength(final Profile profile)
    {
        return profile.schemaRegistry().enabled() ? ConfluentFraming.PREFIX_LENGTH : SingleObjectEncoding.PREFIX_LENGTH;
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

    private Map<String, Long> writeCheckpoint()
    {
        final Map<String, Long> written = new LinkedHashMap<>();
        final AckWatermark[] byStream = publisher.watermarks();
        for (int i = 0; i < streams.size(); i++)
        {
            final AckWatermark watermark = byStream[i];
            if (watermark != null)
            {
                written.put(streams.name(i), watermark.watermark());
            }
        }
        // The streams published by this process go last: a restart resumes the last one.
        final Map<String, Long> merged = new LinkedHashMap<>(previous);
        merged.keySet().removeAll(written.keySet());
        merged.putAll(written);
        try
        {
            checkpoint.write(merged);
        }
        catch (final IOException ex)
        {
            LOG.error("cannot write checkpoint {}: {}", checkpoint.file(), ex.toString());
        }
        return written;
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

    private boolean awaitAcks(final Duration timeout)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline)
        {
            if (publisher.retriesPending())
            {
                // Only from the source's thread, once the source has stopped: the ring has one producer.
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
}
