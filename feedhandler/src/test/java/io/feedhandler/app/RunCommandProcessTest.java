package io.feedhandler.app;

import io.feedhandler.app.systemd.NotifySocket;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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
 * with the checkpoint at the end of that prefix. Run as systemd runs it ({@code $NOTIFY_SOCKET},
 * {@code $WATCHDOG_USEC}) with {@code /metrics} on: READY=1 once up, WATCHDOG=1 while healthy,
 * STOPPING=1 on the signal, and the lines' counters on the endpoint.
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
        final int metricsPort;
        try (ServerSocket probe = new ServerSocket(0))
        {
            metricsPort = probe.getLocalPort();
        }
        final Map<String, String> sets = LoopbackLines.overrides(Map.of(
            "exchange", "sigterm",
            "kafka.bootstrap-servers", BROKER.bootstrapServers(),
            "checkpoint.directory", state.toString(),
            "kafka.topics.partitions", "2",
            "metrics.port", Integer.toString(metricsPort)));
        final Profile profile = Profile.defaults(sets, Map.of());
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx256m",
            "-cp", System.getProperty("java.class.path"), FeedHandlerCommand.class.getName(), "run"));
        sets.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        final NotifySocket systemd = new NotifySocket(state.resolve("notify"));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("NOTIFY_SOCKET", systemd.path().toString());
        builder.environment().put("WATCHDOG_USEC", "1000000");
        final Process process = builder.start();
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
            assertTrue(systemd.await("READY=1", 10, TimeUnit.SECONDS), "READY=1 once the lines are joined:\n" + output);
            final MessageStore day = MessageStore.generated(3, 50, 200_000);
            final ExchangeSimulator.Settings settings = ExchangeSimulator.Settings.of(profile, "SIGTERM001")
                .with(50_000, 0.01, 0.01, false, 0, 5).with(20, true, 16);
            try (ExchangeSimulator simulator = new ExchangeSimulator(settings, day).start())
            {
                Thread.sleep(1500);
                assertTrue(simulator.dataPackets() > 0);
                assertTrue(systemd.await("WATCHDOG=1", 5, TimeUnit.SECONDS), "WATCHDOG=1 every 0.5 s while healthy");
                final String scrape = scrape(metricsPort);
                assertTrue(scrape.contains("feedhandler_line_packets_total{exchange=\"sigterm\",line=\"A\"}"), scrape);
                assertTrue(scrape.contains("feedhandler_messages_total{exchange=\"sigterm\"}"), scrape);
                assertTrue(scrape.contains("feedhandler_stage_latency_seconds_count{exchange=\"sigterm\",stage=\"receive_to_ring\"}"), scrape);
                process.destroy();
                assertTrue(systemd.await("STOPPING=1", 10, TimeUnit.SECONDS), "STOPPING=1 on SIGTERM:\n" + output);
                assertTrue(process.waitFor(90, TimeUnit.SECONDS), "run did not stop after SIGTERM:\n" + output);
            }
        }
        finally
        {
            process.destroyForcibly();
            reader.join(5000);
            systemd.close();
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
        assertTrue(records >= published.size(), "at least one record per sequence number (executions add a trade and a quote)");
        assertEquals(1, published.first());
        assertEquals(watermark, published.last(), "the checkpoint is the last sequence number published");
        assertEquals(watermark, published.size(), "a contiguous prefix: nothing received was lost");
    }

    private static String scrape(final int port) throws Exception
    {
        final HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }
}
