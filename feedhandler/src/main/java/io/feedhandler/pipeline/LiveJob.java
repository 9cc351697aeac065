package io.feedhandler.pipeline;

import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.config.OverloadPolicy;
import io.feedhandler.config.Profile;
import io.feedhandler.config.Transport;
import io.feedhandler.kafka.TopicCreationException;
import io.feedhandler.kafka.Topics;
import io.feedhandler.registry.IncompatibleSchemaException;
import io.feedhandler.registry.SchemaRegistryException;
import io.feedhandler.telemetry.FeedMetrics;
import io.feedhandler.telemetry.LineTelemetry;
import io.feedhandler.transport.moldudp64.LineArbiter;
import io.feedhandler.transport.moldudp64.LineCounters;
import io.feedhandler.transport.moldudp64.MoldUdp64Lines;
import io.feedhandler.transport.soupbintcp.Credentials;
import io.feedhandler.transport.soupbintcp.SessionCounters;
import io.feedhandler.transport.soupbintcp.SoupBinTcpClient;
import org.agrona.concurrent.EpochNanoClock;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * The daemon's job: the profile's live feed ({@code transport}: MoldUDP64 lines or a SoupBinTCP
 * session) through the whole pipeline to Kafka, until stopped. The same wiring as a replay
 * ({@link PublishingPipeline}); only the source differs.
 *
 * <pre>
 * line A, line B, re-requests --MoldUdp64Lines (one thread)--+
 *                                                            +--> LineSource --> ring --> stages --> Kafka
 * SoupBinTCP session --------SoupBinTcpClient (one thread)---+
 * </pre>
 *
 * <p>Start resumes from the checkpoint: its last stream (the session published most recently)
 * and watermark. The session is taken again from sequence number 1 (SoupBinTCP logs in at 1; the
 * MoldUDP64 arbiter expects 1 and re-requests what the lines no longer carry): messages up to the
 * watermark rebuild the order books and the symbol table and are not published again, publishing
 * resumes at watermark + 1. Without that, the books would start empty mid-session (wrong quotes,
 * trades missing their resting order's price) and messages without a stock field would have no
 * symbol. A checkpoint of another session (a new day) is not applied, with a log line.
 *
 * <p>{@link #stop} is the orderly end (SIGTERM): stop receiving, let the stages drain the ring,
 * wait for Kafka's acknowledgements, write the checkpoint, close the producer.
 */
public final class LiveJob
{
    /** Longest wait at stop for the lines to hand over what they hold. */
    public static final long SETTLE_SECONDS = 5;

    private static final Logger LOG = LogManager.getLogger(LiveJob.class);

    private final Profile profile;
    private final Topics topics;
    private final PipelineCounters counters = new PipelineCounters();
    private final LineCounters lineCounters = new LineCounters();
    private final SessionCounters sessionCounters = new SessionCounters();
    private final FeedMetrics metrics;
    private final StageLatencies latencies;
    private PublishingPipeline publishing;
    private MoldUdp64Lines lines;
    private SoupBinTcpClient session;
    private long lastProgress = -1;

    /** @param profile the exchange profile, lines included. */
    public LiveJob(final Profile profile)
    {
        this(profile, null, StageLatencies.Origin.RECEIVE);
    }

    /**
     * @param profile the exchange profile, lines included.
     * @param metrics where the pipeline and the lines are exposed once started; null for none.
     */
    public LiveJob(final Profile profile, final FeedMetrics metrics)
    {
        this(profile, metrics, StageLatencies.Origin.RECEIVE);
    }

    /**
     * @param profile the exchange profile, lines included.
     * @param metrics where the pipeline and the lines are exposed once started; null for none.
     * @param origin  where stage latencies are measured from ({@code INTENDED_SEND_TIME}: the latency harness).
     */
    public LiveJob(final Profile profile, final FeedMetrics metrics, final StageLatencies.Origin origin)
    {
        this.profile = profile;
        this.topics = Topics.of(profile);
        this.metrics = metrics;
        this.latencies = new StageLatencies(origin);
    }

    /** @return wire receive (or intended send) to ring, to {@code send()} returned, to acknowledgement. */
    public StageLatencies latencies()
    {
        return latencies;
    }

    /**
     * Start publishing and receiving.
     *
     * @throws IOException                 if a line cannot be joined (the message names it) or the
     *                                     checkpoint cannot be read.
     * @throws InterruptedException        if interrupted while starting.
     * @throws TopicCreationException      if the topics cannot be created.
     * @throws SchemaRegistryException     if the registry cannot be reached or refuses.
     * @throws IncompatibleSchemaException if a schema change breaks the evolution rules.
     */
    public void start()
        throws IOException, InterruptedException, TopicCreationException, SchemaRegistryException, IncompatibleSchemaException
    {
        final boolean soupBinTcp = profile.transport() == Transport.SOUPBINTCP;
        // A line that cannot be joined, or credentials that cannot be read, are profile mistakes:
        // say so before creating topics.
        final Credentials credentials = soupBinTcp ? Credentials.read(profile.soupBinTcp().credentialsFile()) : null;
        if (!soupBinTcp)
        {
            MoldUdp64Lines.checkInterfaces(profile.lines());
        }
        publishing = PublishingPipeline.start(profile, RecordSchemas.fromClassPath(), topics,
            profile.tradingDay(Clock.systemUTC()), soupBinTcp ? "soupbintcp" : "lines", counters, latencies,
            profile.kafka().producerProperties());
        final LineSource source = new LineSource(publishing.ring(), publishing.streams(), counters,
            profile.lines().staleAfterMillis(), latencies, publishing.clock());
        final java.util.Optional<java.util.Map.Entry<String, Long>> resume = publishing.resumePoint();
        final boolean rebuild = profile.checkpoint().rebuildBooks();
        resume.ifPresentOrElse(point ->
        {
            if (rebuild)
            {
                LOG.info("checkpoint {}: session {} acknowledged up to sequence number {}; resuming at {} if it is still the live " +
                        "session, after rebuilding the order books and symbols from its sequence number 1 (not published again)",
                    profile.checkpoint().directory(), point.getKey(), point.getValue(), point.getValue() + 1);
            }
            else
            {
                LOG.warn("checkpoint {}: session {} acknowledged up to sequence number {}; resuming at {} if it is still the live " +
                        "session, with empty order books and no symbols (checkpoint.rebuild-books = false): quotes and execution " +
                        "trades of earlier orders are wrong or missing, and messages without a stock field have no symbol",
                    profile.checkpoint().directory(), point.getKey(), point.getValue(), point.getValue() + 1);
            }
            publishing.resume(point.getKey(), point.getValue(), rebuild);
        }, () -> LOG.info("no checkpoint in {}: starting afresh", profile.checkpoint().directory()));
        try
        {
            if (soupBinTcp)
            {
                session = new SoupBinTcpClient(profile.soupBinTcp(), credentials, source, publishing.clock(), sessionCounters);
                // From 1: what is at or below the checkpoint rebuilds the books (PublishingPipeline.resume).
                resume.ifPresent(point -> session.resume(point.getKey(), rebuild ? 1 : point.getValue() + 1));
                session.start();
            }
            else
            {
                lines = new MoldUdp64Lines(profile.lines(), profile.retransmission(),
                    profile.pipeline().overloadPolicy() == OverloadPolicy.SHED, source, publishing.clock(), lineCounters);
                // From 1, re-requested: what is at or below the checkpoint rebuilds the books.
                resume.ifPresent(point -> lines.arbiter().resume(point.getKey(), rebuild ? 1 : point.getValue() + 1));
                lines.start();
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            publishing.close();
            throw ex;
        }
        if (metrics != null)
        {
            metrics.attach(publishing.telemetry());
            if (lines != null)
            {
                final LineArbiter arbiter = lines.arbiter();
                metrics.attach(new LineTelemetry(lineCounters, new String[] {"A", "B", "re-request"}, arbiter::stale));
            }
        }
    }

    /**
     * For systemd's watchdog, asked every few seconds from one thread: true while the ring is
     * empty, or its stages handled something since the last call, or the publisher is retrying
     * (Kafka away is not a reason to restart: the alerts say so). False only when events wait on
     * the ring and nothing moves: a wedged stage.
     *
     * @return whether the pipeline is making progress.
     */
    public synchronized boolean progressing()
    {
        final long occupancy = publishing.telemetry().ringOccupancy().getAsLong();
        final long progress = counters.eventsIn.sum() - occupancy + counters.retries.sum();
        final boolean moved = progress != lastProgress;
        lastProgress = progress;
        return occupancy == 0 || moved;
    }

    /** @return why the source gave up for good (e.g. a SoupBinTCP login refused again and again), or null. */
    public String failure()
    {
        return session != null ? session.failure() : null;
    }

    /** @return what the SoupBinTCP session counts (zeros on MoldUDP64). */
    public SessionCounters sessionCounters()
    {
        return sessionCounters;
    }

    /** @return true when the feed is a SoupBinTCP session. */
    public boolean soupBinTcp()
    {
        return profile.transport() == Transport.SOUPBINTCP;
    }

    /**
     * @return true once the current session's end of session has been delivered.
     * @throws Exception if the line thread cannot be asked.
     */
    public boolean sessionEnded() throws Exception
    {
        return session != null ? session.ended() : lines.onLineThread(() -> lines.arbiter().ended());
    }

    /** @return the epoch clock of receive timestamps and latencies (a sender in this JVM stamps with it). */
    public EpochNanoClock clock()
    {
        return publishing.clock();
    }

    /** @return events on the ring the last stage has not handled yet. */
    public long backlog()
    {
        return publishing.pipeline().backlog();
    }

    /** @return the topics published to. */
    public Topics topics()
    {
        return topics;
    }

    /** @return what the pipeline counts. */
    public PipelineCounters counters()
    {
        return counters;
    }

    /** @return what the lines count. */
    public LineCounters lineCounters()
    {
        return lineCounters;
    }

    /** @return prefix length of the records' wire format. */
    public int wirePrefixLength()
    {
        return publishing.wireFormat().prefixLength();
    }

    /**
     * Stop receiving, let the lines hand over what they hold (answers to requests in flight
     * included, for at most {@value #SETTLE_SECONDS} s), drain the ring, wait for
     * acknowledgements, write the checkpoint, close. Messages still held behind a range that never
     * came are not published: the checkpoint stops before the range.
     *
     * @param timeout for the ring to drain and for the acknowledgements, each.
     * @return what happened; {@code complete} is false if something was not acknowledged in time.
     */
    public ReplaySummary stop(final Duration timeout)
    {
        if (session != null)
        {
            // TCP holds nothing back: what was put on the ring is published, the rest is replayed
            // after a restart from the checkpoint.
            session.close();
        }
        else
        {
            lines.stopReceiving(Duration.ofSeconds(Math.min(SETTLE_SECONDS, timeout.toSeconds())));
        }
        // The feed's thread is gone: this thread is now the ring's only producer (drain may nudge).
        final boolean complete = publishing.drain(timeout);
        publishing.close();
        if (session != null)
        {
            return new ReplaySummary("SoupBinTCP " + profile.soupBinTcp().host() + ":" + profile.soupBinTcp().port(),
                "SoupBinTCP, " + session.transport(),
                counters, publishing.watermarks(), complete, publishing.elapsedNanos(), publishing.latencies());
        }
        return new ReplaySummary("lines A " + profile.lines().a().group().getHostAddress() + ":" + profile.lines().a().port() +
            " + B " + profile.lines().b().group().getHostAddress() + ":" + profile.lines().b().port(),
            MoldUdp64Lines.epoll() ? "MoldUDP64 multicast, epoll" : "MoldUDP64 multicast, nio",
            counters, publishing.watermarks(), complete, publishing.elapsedNanos(), publishing.latencies());
    }
}
