package io.feedhandler.telemetry;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code conf/prometheus/feedhandler-alerts.yml} as Prometheus's own tool reads it: the rules are
 * valid, and each alert fires on the series it is written for and stays quiet on a healthy feed
 * ({@code feedhandler-alerts.test.yml}). Needs {@code promtool} (Debian package prometheus;
 * {@code .ci/run} installs it): missing, the test fails.
 */
class PrometheusRulesTest
{
    private static final Path RULES = Path.of("..", "conf", "prometheus");

    @Test
    void shouldPassPromtoolCheckRules() throws Exception
    {
        final String output = promtool("check", "rules", "feedhandler-alerts.yml");

        assertTrue(output.contains("SUCCESS: 8 rules found"), output);
    }

    @Test
    void shouldFireEachAlertOnItsSeriesAndStayQuietOnAHealthyFeed() throws Exception
    {
        final String output = promtool("test", "rules", "feedhandler-alerts.test.yml");

        assertTrue(output.contains("SUCCESS"), output);
    }

    static Path promtoolBinary()
    {
        final Path promtool = Path.of("/usr/bin/promtool");
        assertTrue(promtool.toFile().canExecute(),
            "promtool is missing: apt-get install -y --no-install-recommends prometheus (.ci/run does)");
        return promtool;
    }

    private static String promtool(final String... args) throws IOException, InterruptedException
    {
        final String[] command = new String[args.length + 1];
        command[0] = promtoolBinary().toString();
        System.arraycopy(args, 0, command, 1, args.length);
        final Process process = new ProcessBuilder(command).directory(RULES.toFile()).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
