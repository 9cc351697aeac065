package io.feedhandler.app;

import io.feedhandler.avro.RecordSchema;
import io.feedhandler.config.Profile;
import io.feedhandler.kafka.TopicAudit;
import io.feedhandler.kafka.Topics;
import io.feedhandler.kafka.broker.BrokerExtension;
import io.feedhandler.pipeline.Checkpoint;
import io.feedhandler.sim.ExchangeSimulator;
import io.feedhandler.sim.LoopbackLines;
import io.feedhandler.sim.MessageStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code feedhandler run} as a real process, stopped with SIGTERM mid-session: it must exit 0
 * having published everything it received (a contiguous prefix of the session, no duplicates),
 * with the checkpoint at the end of that prefix.
 */
class RunCommandProcessTest
{
    @RegisterExtension
    static final BrokerExtension BROKER = new BrokerExtension();

    @TempDir
    Path state;

    @Test
    void shouldDrainFlushCheckpointAndExitZeroOnSigterm() throws Exception
    {
        final Map<String, String> sets = LoopbackLines.overrides(Map.of(
            "exchange", "sigterm",
            "kafka.bootstrap-servers", BROKER.bootstrapServers(),
            "checkpoint.directory", state.toString(),
            "kafka.topics.partitions", "2"));
        final Profile profile = Profile.defaults(sets, Map.of());
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx256m",
            "-cp", System.getProperty("java.class.path"), FeedHandlerCommand.class.getName(), "run"));
        sets.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final StringBuilder output = new StringBuilder();
        final CountDownLatch up = new CountDownLatch(1);
        final Thread reader = new Thread(() ->
        {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = lines.readLine()) != null)
                {
                    synchronized (output)
                    {
                        output.append(line).append('\n');
                    }
                    if (line.contains("lines up"))
                    {
                        up.countDown();
                    }
                }
            }
            catch (final java.io.IOException ex)
            {
                // the process ended
            }
        });
        reader.start();
        try
        {
            assertTrue(up.await(60, TimeUnit.SECONDS), "run did not come up:\n" + output);
            final MessageStore day = MessageStore.generated(3, 50, 200_000);
            final ExchangeSimulator.Settings settings = ExchangeSimulator.Settings.of(profile, "SIGTERM001")
                .with(50_000, 0.01, 0.01, false, 0, 5).with(20, true, 16);
            try (ExchangeSimulator simulator = new ExchangeSimulator(settings, day).start())
            {
                Thread.sleep(1500);
                assertTrue(simulator.dataPackets() > 0);
                process.destroy();
                assertTrue(process.waitFor(90, TimeUnit.SECONDS), "run did not stop after SIGTERM:\n" + output);
            }
        }
        finally
        {
            process.destroyForcibly();
            reader.join(5000);
        }
        assertEquals(0, process.exitValue(), output.toString());

        final long watermark = new Checkpoint(state.resolve("sigterm.checkpoint")).read().get("SIGTERM001");
        final TreeSet<Long> published = new TreeSet<>();
        long records = 0;
        final TopicAudit audit = new TopicAudit(BROKER.bootstrapServers(), 10);
        for (final RecordSchema kind : RecordSchema.values())
        {
            final TopicAudit.TopicReport report = audit.audit(Topics.of(profile).topic(kind.dataType()), "sigterm", null);
            assertEquals(0, report.duplicates, report.topic);
            records += report.records;
            report.sequences.values().forEach(published::addAll);
        }
        assertTrue(watermark > 1000, "stopped mid-session after some time: " + watermark);
        assertEquals(records, published.size(), "one record per sequence number");
        assertEquals(1, published.first());
        assertEquals(watermark, published.last(), "the checkpoint is the last sequence number published");
        assertEquals(watermark, published.size(), "a contiguous prefix: nothing received was lost");
    }
}
