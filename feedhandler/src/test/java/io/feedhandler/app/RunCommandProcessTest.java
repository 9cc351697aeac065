package io.feedhandler.app;

import io.feedhandler.Await;
import io.feedhandler.app.systemd.NotifySocket;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.kafka.OutputVerifier;
import java.time.Duration;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.feedhandler.config.Profile;
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
            // Healthy (the ring is empty): a ping every 0.5 s. Before the feed starts, so that the
            // signal below comes mid-session whatever the wait.
            assertTrue(systemd.await("WATCHDOG=1", 5, TimeUnit.SECONDS), "WATCHDOG=1 every 0.5 s while healthy");
            final MessageStore day = MessageStore.generated(3, 50, 200_000);
            // 20,000 msg/s: a rate the handler carries on a loaded 2-core CI machine, so that the
            // stop is an orderly one, not an overload that gives ranges up at the end.
            final ExchangeSimulator.Settings settings = ExchangeSimulator.Settings.of(profile, "SIGTERM001")
                .with(20_000, 0.01, 0.01, false, 0, 5).with(20, true, 16);
            try (ExchangeSimulator simulator = new ExchangeSimulator(settings, day).start())
            {
                // Mid-session: some 30,000 of the 200,000 messages played.
                Await.until("30,000 messages played", Duration.ofSeconds(60), () -> simulator.publishedSequence() >= 30_000);
                assertTrue(simulator.dataPackets() > 0);
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
        // What reached Kafka, audited as `feedhandler verify` does (the handler's own status
        // records, e.g. a STALE_LINE naming the next expected number, are not message coverage).
        final OutputVerifier.Report report = new OutputVerifier(BROKER.bootstrapServers(), Duration.ofSeconds(30),
            Topics.of(profile), RecordSchemas.fromClassPath(), null).verify(null);
        final OutputVerifier.SessionReport session = report.sessions().get("SIGTERM001");
        assertTrue(watermark > 1000, "stopped mid-session after some time: " + watermark);
        assertEquals(1, session.first());
        assertEquals(watermark, session.last(), "the checkpoint is the last sequence number published");
        assertEquals(watermark, session.present(), () -> "a contiguous prefix: nothing received was lost; gaps " + session.reportedGaps()
            + ", handler status " + session.handlerStatus() + ", missing " + session.missing() + "\n" + output);
        assertEquals(0, session.missing());
        assertEquals(Map.of(), session.reportedGaps(), "nothing given up: the stop waited for what was in flight");
        assertEquals(0, session.duplicates(), "an orderly stop publishes nothing twice");
        assertEquals(0, report.decodeFailures());
        assertEquals(0, report.orderViolations());
        assertTrue(report.passed());
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
