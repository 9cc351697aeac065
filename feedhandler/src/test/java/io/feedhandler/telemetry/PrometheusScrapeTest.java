package io.feedhandler.telemetry;

import io.feedhandler.Await;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedhandler.TestData;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.config.MetricsSettings;
import io.feedhandler.config.Profile;
import io.feedhandler.transport.moldudp64.LineArbiter;
import io.feedhandler.transport.moldudp64.LineCounters;
import io.feedhandler.kafka.broker.BrokerExtension;
import io.feedhandler.pipeline.ReplayJob;
import io.feedhandler.pipeline.ReplaySummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Prometheus (Debian's 2.42, on loopback) scrapes the {@code /metrics} of a real replay
 * against a real broker, with the alert rules loaded; then every query of the Grafana dashboard
 * ({@code conf/grafana/feedhandler.json}: panels and template variables) must return data through
 * Prometheus's HTTP API, and every alert rule must evaluate without error. Lines A and B are bound
 * through {@link FeedMetrics#line} as the live lines will, so their panels have series. Needs
 * {@code prometheus} ({@code .ci/run} installs it): missing, the test fails.
 */
class PrometheusScrapeTest
{
    private static final Path DASHBOARD = Path.of("..", "conf", "grafana", "feedhandler.json");
    private static final Path RULES = Path.of("..", "conf", "prometheus", "feedhandler-alerts.yml");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*), *([a-z_]+)\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final BrokerExtension BROKER = new BrokerExtension();

    @TempDir
    Path directory;

    @Test
    void shouldAnswerEveryDashboardQueryAndEvaluateEveryAlertRuleFromARealScrape() throws Exception
    {
        final Path prometheusBinary = Path.of("/usr/bin/prometheus");
        assertTrue(prometheusBinary.toFile().canExecute(),
            "prometheus is missing: apt-get install -y --no-install-recommends prometheus (.ci/run does)");
        final Profile profile = Profile.defaults(Map.of(
            "exchange", "grafana",
            "kafka.bootstrap-servers", BROKER.bootstrapServers(),
            "checkpoint.directory", directory.toString(),
            "pipeline.ring-size", "1024",
            "kafka.topics.partitions", "2"), Map.of());
        try (FeedMetrics metrics = FeedMetrics.create(profile.exchange()))
        {
            final int metricsPort = metrics.serve(new MetricsSettings(0, "127.0.0.1")).getPort();
            // The lines' counters as a live run keeps them (a live session is not needed for the queries).
            final LineCounters lines = new LineCounters();
            lines.packets[LineArbiter.LINE_A].add(100);
            lines.packets[LineArbiter.LINE_B].add(99);
            lines.firstCopies[LineArbiter.LINE_A].add(700);
            lines.duplicates[LineArbiter.LINE_B].add(690);
            metrics.attach(new LineTelemetry(lines, new String[] {"A", "B", "re-request"}, line -> false));
            final ReplaySummary summary = new ReplayJob(profile, RecordSchemas.fromClassPath(), metrics).replay(
                TestData.path("pcap/nasdaq-itch50-moldudp64/Nasdaq.Equities.TotalView.Itch.v5.0/Multiple.Packets.pcap"),
                0, null, Duration.ofSeconds(60));
            assertTrue(summary.complete(), summary.render());

            final int apiPort = freePort();
            final Path config = directory.resolve("prometheus.yml");
            Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: feedhandler
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(RULES.toAbsolutePath().normalize(), metricsPort));
            final Process prometheus = new ProcessBuilder(prometheusBinary.toString(),
                "--config.file=" + config, "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + apiPort)
                .redirectErrorStream(true).redirectOutput(directory.resolve("prometheus.log").toFile()).start();
            try
            {
                final Api api = new Api(apiPort);
                awaitSamples(api, prometheus);
                final Map<String, String> queries = dashboardQueries();
                final List<String> empty = new ArrayList<>();
                for (final Map.Entry<String, String> query : queries.entrySet())
                {
                    final JsonNode result = api.query(query.getValue());
                    if (result.isEmpty())
                    {
                        empty.add(query.getKey() + ": " + query.getValue());
                    }
                }
                assertEquals(List.of(), empty, "dashboard queries without data");
                assertTrue(queries.size() >= 20, queries.toString());

                final JsonNode groups = api.get("/api/v1/rules").path("data").path("groups");
                int rules = 0;
                for (final JsonNode group : groups)
                {
                    for (final JsonNode rule : group.path("rules"))
                    {
                        rules++;
                        assertEquals("ok", rule.path("health").asText(), rule.toString());
                    }
                }
                assertEquals(8, rules, groups.toString());
            }
            finally
            {
                prometheus.destroy();
                prometheus.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Every panel target and template variable, with the variables filled in as "All". */
    private static Map<String, String> dashboardQueries() throws IOException
    {
        final JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
        final Map<String, String> queries = new LinkedHashMap<>();
        for (final JsonNode panel : dashboard.path("panels"))
        {
            for (final JsonNode target : panel.path("targets"))
            {
                queries.put(panel.path("title").asText() + " " + target.path("refId").asText(), fill(target.path("expr").asText()));
            }
        }
        for (final JsonNode variable : dashboard.path("templating").path("list"))
        {
            if (variable.path("type").asText().equals("query"))
            {
                final Matcher labelValues = LABEL_VALUES.matcher(variable.path("definition").asText());
                assertTrue(labelValues.matches(), variable.toString());
                queries.put("variable " + variable.path("name").asText(), "count by (" + labelValues.group(2) + ") (" +
                    fill(labelValues.group(1)) + ")");
            }
        }
        return queries;
    }

    private static String fill(final String expr)
    {
        return expr.replace("$__rate_interval", "1m").replace("$exchange", ".*").replace("$session", ".*")
            .replace("$job", ".*");
    }

    /** Until Prometheus has scraped the target a few times, so that rate() has two samples. */
    private static void awaitSamples(final Api api, final Process prometheus)
    {
        Await.until("prometheus scraped /metrics 4 times", Duration.ofSeconds(60), () ->
        {
            assertTrue(prometheus.isAlive(), "prometheus exited");
            try
            {
                final JsonNode samples = api.query("count_over_time(up{job=\"feedhandler\"}[1m])");
                return !samples.isEmpty() && samples.get(0).path("value").get(1).asDouble() >= 4 &&
                    api.query("up{job=\"feedhandler\"} == 1").size() == 1;
            }
            catch (final IOException ex)
            {
                return false; // not listening yet
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        });
    }

    private record Api(int port)
    {
        JsonNode query(final String promql) throws IOException, InterruptedException
        {
            final JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
            assertEquals("success", answer.path("status").asText(), promql + ": " + answer);
            return answer.path("data").path("result");
        }

        JsonNode get(final String path) throws IOException, InterruptedException
        {
            try (HttpClient client = HttpClient.newHttpClient())
            {
                final HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
                return JSON.readTree(response.body());
            }
        }
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
