package io.feedhandler.app;

import io.feedhandler.config.Profile;
import io.feedhandler.config.ProfileException;
import io.feedhandler.kafka.TopicCreationException;
import io.feedhandler.pipeline.ReplayJob;
import io.feedhandler.pipeline.ReplaySummary;
import io.feedhandler.registry.IncompatibleSchemaException;
import io.feedhandler.registry.SchemaRegistryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code feedhandler replay --profile P FILE}: publishes a feed file through the full pipeline to
 * Kafka, with a progress bar and a summary.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Publish a BinaryFILE (.gz too) or a MoldUDP64 capture to Kafka through the full pipeline.",
        "Exit status: 0 every record acknowledged and the input clean; 2 bad input (sent to the DLQ), profile,",
        "schema registry unreachable or a schema change refused;",
        "1 records not acknowledged before the deadline (broker unreachable?)."})
public final class ReplayCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProfileOptions profileOptions;

    @Parameters(paramLabel = "FILE", description = "BinaryFILE (.gz too), pcap or pcapng capture.")
    private Path file;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "N", description = "Messages per second; 0: as fast as the broker acknowledges (default).")
    private long rate;

    @Option(names = "--ack-timeout", defaultValue = "PT2M", paramLabel = "DURATION",
        description = "How long to wait for the last acknowledgements (ISO-8601, default ${DEFAULT-VALUE}).")
    private Duration ackTimeout;

    @Mixin
    private ProgressOption progress;

    @Override
    public Integer call() throws InterruptedException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file))
        {
            err.println("replay: " + file + ": no such file");
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        final Profile profile;
        try
        {
            profile = profileOptions.load(Map.of());
        }
        catch (final ProfileException ex)
        {
            err.println("replay: " + ex.getMessage());
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        try
        {
            final ReplaySummary summary = replay(profile, file, rate, ackTimeout, progress.show());
            out.print(summary.render());
            out.flush();
            if (!summary.complete())
            {
                return 1;
            }
            return summary.counters().deadLetters.sum() > 0 ? FeedHandlerCommand.ExitCode.BAD_INPUT : FeedHandlerCommand.ExitCode.OK;
        }
        catch (final IOException ex)
        {
            err.println("replay: " + file + ": " + ex.getMessage());
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        catch (final TopicCreationException ex)
        {
            err.println("replay: " + ex.getMessage());
            return 1;
        }
        catch (final SchemaRegistryException ex)
        {
            err.println("replay: " + ex.getMessage() + (ex.unreachable()
                ? "; not starting (schema-registry.fallback-to-single-object is false)" : ""));
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        catch (final IncompatibleSchemaException ex)
        {
            err.println("replay: " + ex.getMessage());
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
    }

    static ReplaySummary replay(final Profile profile, final Path file, final long rate, final Duration ackTimeout,
        final boolean show)
        throws IOException, InterruptedException, TopicCreationException, SchemaRegistryException, IncompatibleSchemaException
    {
        final ReplayJob job = new ReplayJob(profile);
        final ProgressBar bar = show ? new ProgressBar(System.err, System::nanoTime, file.getFileName().toString(), Files.size(file)) : null;
        final ReplaySummary summary = job.replay(file, rate, bar == null ? null : bar::update, ackTimeout);
        if (bar != null)
        {
            bar.finish();
        }
        return summary;
    }
}
