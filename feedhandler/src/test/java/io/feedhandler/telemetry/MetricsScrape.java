package io.feedhandler.telemetry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code /metrics} over real HTTP, in the Prometheus text format, with the samples
 * parsed: enough of the format for the feed handler's own output (no escaped quotes in labels).
 */
record MetricsScrape(String text, List<Sample> samples)
{
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

    record Sample(String name, Map<String, String> labels, double value)
    {
    }

    static MetricsScrape of(final int port) throws IOException, InterruptedException
    {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build())
        {
            final HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200)
            {
                throw new IOException("/metrics answered " + response.statusCode() + ": " + response.body());
            }
            return parse(response.body());
        }
    }

    static MetricsScrape parse(final String text)
    {
        final List<Sample> samples = new ArrayList<>();
        for (final String line : text.split("\n"))
        {
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            final Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches())
            {
                throw new IllegalArgumentException("not a sample: " + line);
            }
            final Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null)
            {
                final Matcher label = LABEL.matcher(sample.group(2));
                while (label.find())
                {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return new MetricsScrape(text, samples);
    }

    /**
     * @param name   sample name, e.g. {@code feedhandler_messages_total}.
     * @param labels label pairs the sample must have (others may be there too).
     * @return the value of the one sample that matches.
     */
    double value(final String name, final String... labels)
    {
        final List<Sample> matching = matching(name, labels);
        if (matching.size() != 1)
        {
            throw new AssertionError(matching.size() + " samples " + name + " " + List.of(labels) + " in\n" + text);
        }
        return matching.get(0).value();
    }

    List<Sample> matching(final String name, final String... labels)
    {
        final List<Sample> matching = new ArrayList<>();
        for (final Sample sample : samples)
        {
            boolean all = sample.name().equals(name);
            for (int i = 0; all && i < labels.length; i += 2)
            {
                all = labels[i + 1].equals(sample.labels().get(labels[i]));
            }
            if (all)
            {
                matching.add(sample);
            }
        }
        return matching;
    }
}
