package io.feedhandler.app;

import io.feedhandler.avro.RecordSchema;
import io.feedhandler.config.Profile;
import io.feedhandler.kafka.TopicAudit;
import io.feedhandler.kafka.broker.EmbeddedKafkaBroker;
import io.feedhandler.pipeline.LiveJob;
import io.feedhandler.pipeline.ReplayJob;
import io.feedhandler.pipeline.ReplaySummary;
import io.feedhandler.sim.ExchangeSimulator;
import io.feedhandler.sim.MessageStore;
import io.feedhandler.sim.SyntheticMarket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code feedhandler demo}: the whole product on one machine with nothing installed: a real
 * in-process KRaft broker, the bundled real NASDAQ sample and a generated day through the full
 * pipeline, then the topics read back and checked (per-symbol order, keys, partitions, counts).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Start an in-process Kafka broker, replay the bundled NASDAQ sample and a generated day through",
        "the full pipeline, play a generated session on loopback multicast lines A and B with loss and re-requests,",
        "read the topics back and print what reached Kafka. Exit 0 when every check passes."})
public final class DemoCommand implements Callable<Integer>
{
    private static final String SAMPLE = "samples/12302019.NASDAQ_ITCH50.snippet";
    private static final int SYMBOLS = 500;
    private static final long LIVE_RATE = 50_000;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProfileOptions profileOptions;

    @Option(names = "--messages", defaultValue = "1000000", paramLabel = "N", description = "Messages in the generated day. Default: ${DEFAULT-VALUE}.")
    private long messages;

    @Mixin
    private ProgressOption progress;

    @Override
    public Integer call() throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        final long minimum = SyntheticMarket.scheduledMessages(SYMBOLS);
        if (messages < minimum)
        {
            spec.commandLine().getErr().println("demo: --messages must be at least " + minimum +
                " (system events and the directory of " + SYMBOLS + " symbols alone take that many), got " + messages);
            return FeedHandlerCommand.ExitCode.USAGE;
        }
        final Path work = Files.createTempDirectory("feedhandler-demo");
        try
        {
            out.println("demo: starting an in-process Kafka broker (KRaft, Kafka 4.3.1)...");
            out.flush();
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start())
            {
                out.println("demo: broker ready at " + broker.bootstrapServers());
                final Profile profile = profileOptions.load(Map.of(
                    "kafka.bootstrap-servers", broker.bootstrapServers(),
                    "checkpoint.directory", work.resolve("state").toString(),
                    "pipeline.ring-size", "16384",
                    "lines.first-sequence", "1"));
                final Path sample = work.resolve("12302019.NASDAQ_ITCH50");
                try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(SAMPLE))
                {
                    if (in == null)
                    {
                        throw new IOException(SAMPLE + " missing from the jar");
                    }
                    Files.copy(in, sample);
                }
                final Path day = work.resolve("12302019-synthetic.NASDAQ_ITCH50");
                out.println("demo: generating a synthetic day of " + messages + " messages (" + SYMBOLS + " symbols)...");
                out.flush();
                SyntheticMarket.writeBinaryFile(day, 20191230L, SYMBOLS, messages);

                final List<ReplaySummary> summaries = new ArrayList<>();
                for (final Path file : List.of(sample, day))
                {
                    out.println("demo: replaying " + file.getFileName() + " ...");
                    out.flush();
                    final ReplaySummary summary = ReplayCommand.replay(profile, file, 0, Duration.ofMinutes(2), progress.show());
                    summaries.add(summary);
                    out.print(summary.render());
                    out.flush();
                }
                summaries.add(live(out, profile, Math.max(minimum, messages / 5)));
                return report(out, profile, new ReplayJob(profile), broker.bootstrapServers(), summaries);
            }
        }
        finally
        {
            deleteTree(work);
        }
    }

    /**
     * The live path: a generated session played by the simulator on the profile's loopback lines A
     * and B, each dropping and reordering some packets, through {@code run}'s job with re-requests.
     */
    private static ReplaySummary live(final PrintWriter out, final Profile profile, final long liveMessages) throws Exception
    {
        out.println(String.format(Locale.ROOT, "demo: playing a generated session of %,d messages as MoldUDP64 on lines A %s:%d " +
            "and B %s:%d (%s), each dropping 5%% and reordering 1%% of its packets, at %,d msg/s...", liveMessages,
            profile.lines().a().group().getHostAddress(), profile.lines().a().port(), profile.lines().b().group().getHostAddress(),
            profile.lines().b().port(), profile.lines().a().networkInterface(), LIVE_RATE));
        out.flush();
        final LiveJob job = new LiveJob(profile);
        job.start();
        final ExchangeSimulator.Settings settings = ExchangeSimulator.Settings.of(profile, "DEMO" + System.currentTimeMillis() % 1_000_000)
            .with(LIVE_RATE, 0.05, 0.05, false, 0.01, 1).with(50, true, 32);
        try (ExchangeSimulator simulator = new ExchangeSimulator(settings, MessageStore.generated(20191231L, SYMBOLS, liveMessages)).start())
        {
            simulator.awaitFinished(5, TimeUnit.MINUTES);
            final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!job.sessionEnded() && System.nanoTime() < deadline)
            {
                Thread.sleep(20);
            }
        }
        final ReplaySummary summary = job.stop(Duration.ofMinutes(2));
        out.print(summary.render());
        out.print(RunCommand.render(job.lineCounters()));
        out.flush();
        return summary;
    }

    private static int report(final PrintWriter out, final Profile profile, final ReplayJob job, final String bootstrap,
        final List<ReplaySummary> summaries)
    {
        final TopicAudit audit = new TopicAudit(bootstrap, job.wirePrefixLength());
        out.println();
        out.println("What reached Kafka (read back from the beginning):");
        out.println(String.format(Locale.ROOT, "  %-36s %10s %8s %10s %12s %12s %10s",
            "topic", "records", "keys", "wrong key", "wrong part.", "out of order", "duplicates"));
        boolean clean = true;
        long total = 0;
        long expected = 0;
        for (final ReplaySummary summary : summaries)
        {
            expected += summary.counters().recordsAcked.sum();
            clean &= summary.complete();
        }
        for (final RecordSchema kind : RecordSchema.values())
        {
            final TopicAudit.TopicReport report = audit.audit(job.topics().topic(kind.dataType()), profile.exchange(), null);
            total += report.records;
            clean &= report.wrongKeys == 0 && report.wrongPartitions == 0 && report.outOfOrder == 0;
            out.println(String.format(Locale.ROOT, "  %-36s %,10d %,8d %,10d %,12d %,12d %,10d", report.topic, report.records,
                report.keys.size(), report.wrongKeys, report.wrongPartitions, report.outOfOrder, report.duplicates));
        }
        out.println(String.format(Locale.ROOT, "  %-36s %,10d (acknowledged during the replays: %,d)", "total", total, expected));
        clean &= total == expected;
        for (final ReplaySummary summary : summaries)
        {
            out.println(String.format(Locale.ROOT, "  %s: %,.0f msg/s in, %,.0f records/s acknowledged, receive->ack p50 %,d us, p99 %,d us",
                Path.of(summary.file()).getFileName(), summary.messagesPerSecond(), summary.recordsPerSecond(),
                summary.latencyMicros().getValueAtPercentile(50), summary.latencyMicros().getValueAtPercentile(99)));
        }
        out.println(clean ?
            "demo: OK: every record is on its topic, keyed by symbol, in its key's partition, in sequence order per symbol." :
            "demo: FAILED: see the table above.");
        out.flush();
        return clean ? FeedHandlerCommand.ExitCode.OK : 1;
    }

    private static void deleteTree(final Path root) throws IOException
    {
        try (Stream<Path> paths = Files.walk(root))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(path);
            }
        }
    }
}
