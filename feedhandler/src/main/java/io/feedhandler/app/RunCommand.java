package io.feedhandler.app;

import io.feedhandler.app.systemd.SdNotify;
import io.feedhandler.app.systemd.SystemdWatchdog;
import io.feedhandler.config.Profile;
import io.feedhandler.telemetry.FeedMetrics;
import io.feedhandler.config.ProfileException;
import io.feedhandler.kafka.TopicCreationException;
import io.feedhandler.pipeline.LiveJob;
import io.feedhandler.pipeline.ReplaySummary;
import io.feedhandler.registry.IncompatibleSchemaException;
import io.feedhandler.registry.SchemaRegistryException;
import io.feedhandler.transport.moldudp64.LineArbiter;
import io.feedhandler.transport.moldudp64.LineCounters;
import io.feedhandler.transport.soupbintcp.SessionCounters;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code feedhandler run --profile P}: the daemon. Joins the profile's lines, publishes to Kafka
 * until SIGTERM or SIGINT, then stops receiving, drains the ring, waits for Kafka's
 * acknowledgements, writes the checkpoint and exits 0 (1 if something was not acknowledged in time).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the feed handler on the profile's live feed (transport: MoldUDP64 multicast A and B with re-requests,",
        "or a SoupBinTCP session) until SIGTERM/SIGINT, resuming after the checkpoint's acknowledged sequence number.",
        "On the signal: stop receiving, drain, flush to Kafka, write the checkpoint, exit 0.",
        "Exit status: 0 clean stop; 1 records not acknowledged before --drain-timeout; 2 bad profile, a line that",
        "cannot be joined, unreadable credentials, a SoupBinTCP login refused soupbintcp.max-rejections times in a row,",
        "schema registry unreachable or a schema change refused."})
public final class RunCommand implements Callable<Integer>
{
    private static final Logger LOG = LogManager.getLogger(RunCommand.class);

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProfileOptions profileOptions;

    @Option(names = "--drain-timeout", defaultValue = "PT30S", paramLabel = "DURATION",
        description = "On stop, how long to wait for the ring to drain and for Kafka's acknowledgements, each " +
            "(ISO-8601, default ${DEFAULT-VALUE}).")
    private Duration drainTimeout;

    @Option(names = "--exit-at-end-of-session", description = "Stop as on SIGTERM once the session's end of session " +
        "has been published (for a one-day run, the simulator, tests). Default: run until signalled.")
    private boolean exitAtEndOfSession;

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile int exitCode = 1;

    @Override
    public Integer call() throws Exception
    {
        final Profile profile;
        try
        {
            profile = profileOptions.load(Map.of());
        }
        catch (final ProfileException ex)
        {
            spec.commandLine().getErr().println("run: " + ex.getMessage());
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        final FeedMetrics metrics = profile.metrics().enabled() ? FeedMetrics.create(profile.exchange()) : null;
        final SdNotify systemd = SdNotify.fromEnvironment(System.getenv());
        final ScheduledExecutorService watchdogTimer = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "feedhandler-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        try
        {
            return run(profile, metrics, systemd, watchdogTimer);
        }
        finally
        {
            watchdogTimer.shutdownNow();
            systemd.close();
            if (metrics != null)
            {
                metrics.close();
            }
        }
    }

    private int run(final Profile profile, final FeedMetrics metrics, final SdNotify systemd,
        final ScheduledExecutorService watchdogTimer) throws Exception
    {
        final PrintWriter err = spec.commandLine().getErr();
        final LiveJob job = new LiveJob(profile, metrics);
        try
        {
            if (metrics != null)
            {
                final java.net.InetSocketAddress address = metrics.serve(profile.metrics());
                LOG.info("metrics on http://{}:{}/metrics", address.getHostString(), address.getPort());
            }
            job.start();
        }
        catch (final IOException | TopicCreationException | IncompatibleSchemaException ex)
        {
            err.println("run: " + ex.getMessage());
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        catch (final SchemaRegistryException ex)
        {
            err.println("run: " + ex.getMessage() + (ex.unreachable()
                ? "; not starting (schema-registry.fallback-to-single-object is false)" : ""));
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        // READY=1 only now: both lines joined (or the SoupBinTCP client started), topics there, the
        // producer has their metadata.
        systemd.ready((job.soupBinTcp() ? "SoupBinTCP session to " + profile.soupBinTcp().host() + ":" +
            profile.soupBinTcp().port() + " started" : "lines A and B joined") + "; publishing to " +
            profile.kafka().bootstrapServers());
        SdNotify.watchdogInterval(System.getenv()).ifPresent(interval ->
        {
            final SystemdWatchdog watchdog = new SystemdWatchdog(systemd, job::progressing);
            watchdogTimer.scheduleAtFixedRate(() ->
            {
                if (!watchdog.check())
                {
                    LOG.warn("watchdog: events wait on the ring and no stage has moved for {} check(s); " +
                        "systemd restarts the service when WatchdogSec passes without a ping", watchdog.missed());
                }
            }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        });
        final StopSignals signals = StopSignals.install(() ->
        {
            LOG.info("signal received: stopping in order (a second signal ends the process at once)");
            stop.countDown();
        }, () ->
        {
            LOG.warn("second stop signal: exiting now, without waiting for the drain; the checkpoint stays where it was " +
                "last written (a restart resumes from there)");
            LogManager.shutdown();
            Runtime.getRuntime().halt(1);
        });
        final Thread hook = new Thread(this::stopOnSignal, "feedhandler-stop");
        if (signals == null)
        {
            // No signal handlers on this JDK: the JVM's shutdown runs the orderly stop instead.
            Runtime.getRuntime().addShutdownHook(hook);
        }
        LOG.info("running: {}; stop with SIGTERM or SIGINT", profile);
        String failure = null;
        while (!stop.await(100, TimeUnit.MILLISECONDS))
        {
            if (exitAtEndOfSession && job.sessionEnded())
            {
                LOG.info("end of session published: stopping");
                break;
            }
            if ((failure = job.failure()) != null)
            {
                LOG.error("stopping: {}", failure);
                break;
            }
        }
        LOG.info("stopping: no more packets are read; draining the ring and waiting for Kafka (at most {} each)", drainTimeout);
        systemd.stopping("draining the ring and waiting for Kafka's acknowledgements");
        final ReplaySummary summary = job.stop(drainTimeout);
        final PrintWriter out = spec.commandLine().getOut();
        out.print(summary.render());
        out.print(job.soupBinTcp() ? render(job.sessionCounters()) : render(job.lineCounters()));
        out.flush();
        exitCode = summary.complete() ? FeedHandlerCommand.ExitCode.OK : 1;
        if (failure != null)
        {
            // Visible to systemd as a failed start (Restart= then applies its own limits).
            err.println("run: " + failure);
            err.flush();
            exitCode = FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        LOG.info("stopped: checkpoint written, exit status {}", exitCode);
        stopped.countDown();
        if (signals != null)
        {
            signals.close();
        }
        else
        {
            try
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (final IllegalStateException ex)
            {
                // The JVM is shutting down (a signal): the hook ends it with exitCode.
            }
        }
        return exitCode;
    }

    /**
     * SIGTERM or SIGINT: the JVM runs this hook. It lets {@link #call()} stop in order (stop
     * receiving, drain, flush, checkpoint), then ends the JVM with that stop's status: 0 for a clean
     * stop, not the 143 a signal would give.
     */
    private void stopOnSignal()
    {
        if (stopped.getCount() == 0)
        {
            return;
        }
        LOG.info("signal received: stopping in order");
        stop.countDown();
        try
        {
            stopped.await(drainTimeout.toSeconds() * 2 + 30, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        LogManager.shutdown();
        Runtime.getRuntime().halt(exitCode);
    }

    /**
     * @param session what the SoupBinTCP client counted.
     * @return a few lines for people.
     */
    static String render(final SessionCounters session)
    {
        return String.format(Locale.ROOT, "  SoupBinTCP connections %,d (failed %,d), logins %,d (rejected %,d), disconnects %,d " +
            "(timeouts %,d); messages %,d, skipped as already delivered %,d; ring full (reading paused) %,d; sessions ended %,d%n",
            session.connects.sum(), session.connectFailures.sum(), session.loginsAccepted.sum(), session.loginsRejected.sum(),
            session.disconnects.sum(), session.timeouts.sum(), session.messages.sum(), session.duplicates.sum(),
            session.ringFull.sum(), session.sessionsEnded.sum());
    }

    /**
     * @param lines what the lines counted.
     * @return a few lines for people.
     */
    static String render(final LineCounters lines)
    {
        final StringBuilder out = new StringBuilder();
        final String[] names = {"A", "B", "re-request"};
        for (int line = LineArbiter.LINE_A; line <= LineArbiter.RETRANSMISSION; line++)
        {
            out.append(String.format(Locale.ROOT, "  line %-10s packets %,d  first copies %,d  duplicates %,d  malformed %,d  stale %,d%n",
                names[line], lines.packets[line].sum(), lines.firstCopies[line].sum(), lines.duplicates[line].sum(),
                lines.malformed[line].sum(), lines.stale[line].sum()));
        }
        out.append(String.format(Locale.ROOT, "  missing ranges %,d (most filled by the other line), recovered by re-request %,d, " +
            "given up %,d (%,d messages); requests %,d (%,d messages, %,d timed out); ring full %,d, local loss %,d, shed %,d; " +
            "sessions ended %,d, changed %,d%n",
            lines.gapsOpened.sum(), lines.gapsRecovered.sum(), lines.gapsGivenUp.sum(), lines.messagesGivenUp.sum(),
            lines.requests.sum(), lines.requestedMessages.sum(), lines.requestTimeouts.sum(), lines.ringFull.sum(),
            lines.localLoss.sum(), lines.shed.sum(), lines.sessionsEnded.sum(), lines.sessionChanges.sum()));
        return out.toString();
    }
}
