package io.feedhandler.telemetry;

import io.feedhandler.TestData;
import io.feedhandler.app.FeedHandlerCommand;
import io.feedhandler.avro.RecordSchema;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.config.MetricsSettings;
import io.feedhandler.config.Profile;
import io.feedhandler.kafka.Topics;
import io.feedhandler.kafka.broker.BrokerExtension;
import io.feedhandler.pipeline.PipelineCounters;
import io.feedhandler.pipeline.ReplayJob;
import io.feedhandler.pipeline.ReplaySummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /metrics} scraped over real HTTP while and after real files are replayed against a real
 * (in-process KRaft) broker: every counter equals what the replay's summary says.
 */
class MetricsEndpointIntegrationTest
{
    private static final AtomicInteger EXCHANGES = new AtomicInteger();

    @RegisterExtension
    static final BrokerExtension BROKER = new BrokerExtension();

    @TempDir
    Path state;

    @Test
    void shouldExposeWhatTheReplaySummaryCountsForACaptureWithAGap() throws Exception
    {
        final Profile profile = profile(Map.of());
        try (FeedMetrics metrics = FeedMetrics.create(profile.exchange()))
        {
            final int port = metrics.serve(new MetricsSettings(0, "127.0.0.1")).getPort();
            final ReplaySummary summary = new ReplayJob(profile, RecordSchemas.fromClassPath(), metrics).replay(
                TestData.path("pcap/nasdaq-itch50-moldudp64/Nasdaq.Equities.TotalView.Itch.v5.0/Multiple.Packets.pcap"),
                0, null, Duration.ofSeconds(60));
            assertTrue(summary.complete(), summary.render());

            final MetricsScrape scrape = MetricsScrape.of(port);

            final String exchange = profile.exchange();
            final PipelineCounters counters = summary.counters();
            assertEquals(1, counters.gaps.sum());
            assertCounter(scrape, "feedhandler_events_total", counters.eventsIn.sum(), exchange);
            assertCounter(scrape, "feedhandler_messages_total", counters.messages.sum(), exchange);
            assertCounter(scrape, "feedhandler_gaps_total", counters.gaps.sum(), exchange);
            assertCounter(scrape, "feedhandler_missing_messages_total", counters.missingMessages.sum(), exchange);
            assertCounter(scrape, "feedhandler_duplicates_total", counters.duplicates.sum(), exchange);
            assertCounter(scrape, "feedhandler_messages_rebuilt_total", 0, exchange);
            assertCounter(scrape, "feedhandler_dlq_records_total", counters.deadLetters.sum(), exchange);
            assertCounter(scrape, "feedhandler_records_sent_total", counters.recordsSent.sum(), exchange);
            assertCounter(scrape, "feedhandler_delivery_failures_total", 0, exchange);
            assertCounter(scrape, "feedhandler_retries_total", counters.retries.sum(), exchange);
            assertCounter(scrape, "feedhandler_stage_failures_total", 0, exchange);
            // Per type, against the capture's own counts in the manifest (not against the code under test).
            TestData.types(TestData.manifestEntry(
                "pcap/nasdaq-itch50-moldudp64/Nasdaq.Equities.TotalView.Itch.v5.0/Multiple.Packets.pcap")).forEach((type, count) ->
                assertEquals(count.doubleValue(), scrape.value("feedhandler_messages_by_type_total", "exchange", exchange, "type", type),
                    "messages of type " + type));
            final Topics topics = Topics.of(profile);
            long acked = 0;
            for (final RecordSchema kind : RecordSchema.values())
            {
                assertEquals(summary.acked(kind), scrape.value("feedhandler_records_acked_total", "exchange", exchange,
                    "topic", topics.topic(kind.dataType())), kind.toString());
                acked += summary.acked(kind);
            }
            assertEquals(counters.recordsAcked.sum(), acked);
            summary.watermarks().forEach((session, watermark) ->
            {
                assertEquals(watermark.doubleValue(), scrape.value("feedhandler_acked_sequence", "exchange", exchange, "session", session));
                assertEquals(watermark.doubleValue(), scrape.value("feedhandler_received_sequence", "exchange", exchange, "session", session));
            });
            assertEquals(0, scrape.value("feedhandler_ring_occupancy", "exchange", exchange));
            assertEquals(1024, scrape.value("feedhandler_ring_capacity", "exchange", exchange));
            assertEquals(summary.latencyMicros().getTotalCount(),
                scrape.value("feedhandler_receive_to_ack_latency_seconds_count", "exchange", exchange));
            assertEquals(counters.recordsAcked.sum(),
                scrape.value("feedhandler_receive_to_ack_latency_seconds_bucket", "exchange", exchange, "le", "+Inf"));
            assertEquals(counters.recordsAcked.sum(),
                scrape.value("feedhandler_stage_latency_seconds_count", "exchange", exchange, "stage", "receive_to_ack"));
            assertTrue(scrape.value("feedhandler_stage_latency_seconds_count", "exchange", exchange, "stage", "receive_to_send") > 0);
            assertEquals(0, scrape.value("feedhandler_stage_latency_seconds_count", "exchange", exchange, "stage", "receive_to_ring"),
                "a file replay has no line: nothing recorded at the ring");
            assertEquals(1, scrape.matching("feedhandler_kafka_producer_record_send_rate", "exchange", exchange).size(), scrape.text());
            assertTrue(scrape.value("feedhandler_kafka_producer_buffer_available_bytes", "exchange", exchange) > 0);
            assertFalse(scrape.matching("jvm_memory_used_bytes").isEmpty(), scrape.text());
            assertFalse(scrape.matching("jvm_gc_collection_seconds_count").isEmpty(), scrape.text());
        }
    }

    @Test
    void shouldServeTheProfilesPortForTheDurationOfAReplayAndCountTheDeadLetter() throws Exception
    {
        final int port = freePort();
        final Path generated = state.resolve("day.itch50");
        assertEquals(0, FeedHandlerCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            "generate", "--messages", "20000", "--output", generated.toString()));
        final Profile profile = profile(Map.of("metrics.port", Integer.toString(port)));
        final List<Double> during = new ArrayList<>();
        final ReplayJob job = new ReplayJob(profile);

        final ReplaySummary summary = job.replay(generated, 0, (bytes, messages) ->
        {
            try
            {
                during.add(MetricsScrape.of(port).value("feedhandler_events_total", "exchange", profile.exchange()));
            }
            catch (final IOException | InterruptedException ex)
            {
                throw new AssertionError("no /metrics on port " + port + " during the replay", ex);
            }
        }, Duration.ofSeconds(60));

        assertTrue(summary.complete(), summary.render());
        assertTrue(during.size() > 1, during.toString());
        for (int i = 1; i < during.size(); i++)
        {
            assertTrue(during.get(i) >= during.get(i - 1), during.toString());
        }
        assertTrue(during.get(during.size() - 1) <= summary.counters().eventsIn.sum());
        assertThrows(ConnectException.class, () -> MetricsScrape.of(port), "closed with the replay");

        final ReplaySummary truncated = new ReplayJob(profile).replay(TestData.path("itch50/fasanello-sample-truncated.itch50"), 0,
            new ReplayJob.Progress()
            {
                private boolean checked;

                @Override
                public void update(final long bytesRead, final long messages)
                {
                    if (!checked)
                    {
                        checked = true;
                        try
                        {
                            MetricsScrape.of(port);
                        }
                        catch (final IOException | InterruptedException ex)
                        {
                            throw new AssertionError(ex);
                        }
                    }
                }
            }, Duration.ofSeconds(60));
        assertEquals(1, truncated.counters().deadLetters.sum(), truncated.render());
    }

    private Profile profile(final Map<String, String> extra) throws Exception
    {
        final Map<String, String> sets = new java.util.HashMap<>(Map.of(
            "exchange", "metrics" + EXCHANGES.incrementAndGet(),
            "kafka.bootstrap-servers", BROKER.bootstrapServers(),
            "checkpoint.directory", state.toString(),
            "pipeline.ring-size", "1024",
            "kafka.topics.partitions", "2"));
        sets.putAll(extra);
        return Profile.defaults(sets, Map.of());
    }

    private static void assertCounter(final MetricsScrape scrape, final String name, final long expected, final String exchange)
    {
        assertEquals(expected, scrape.value(name, "exchange", exchange), name);
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
