package io.feedhandler.pipeline;

import io.feedhandler.Await;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.config.Profile;
import io.feedhandler.kafka.OutputVerifier;
import io.feedhandler.kafka.Topics;
import io.feedhandler.kafka.broker.BrokerExtension;
import io.feedhandler.sim.ExchangeSimulator;
import io.feedhandler.sim.LoopbackLines;
import io.feedhandler.sim.MessageStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault injection (the {@code fault-injection} Maven profile), live lines: bursts of consecutive
 * packets lost on both lines A and B (plus a little independent loss per line), a re-request
 * server that answers 20 ms late for the first half of the session and not at all for the second.
 * Every range lost on both lines is either recovered (first half) or reported by exactly one GAP
 * status record (second half), no GAP covers anything that was delivered, and the output audit
 * passes: every sequence present or reported, no duplicate, every record decodes, per-symbol order.
 */
class LineBurstLossFaultTest
{
    private static final MessageStore DAY = MessageStore.generated(13, 100, 30_000);

    @RegisterExtension
    static final BrokerExtension BROKER = new BrokerExtension();

    @TempDir
    Path state;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void shouldRecoverBurstsFromASlowServerAndReportEachOneOnceAsAGapAfterTheServerGoesQuiet() throws Exception
    {
        final Profile profile = Profile.defaults(LoopbackLines.overrides(Map.of(
            "exchange", "bursts",
            "kafka.bootstrap-servers", BROKER.bootstrapServers(),
            "checkpoint.directory", state.toString(),
            "pipeline.ring-size", "4096",
            "kafka.topics.partitions", "4",
            "retransmission.timeout-ms", "100",
            "retransmission.max-timeout-ms", "200",
            "retransmission.retries", "3")), Map.of());
        final LiveJob job = new LiveJob(profile);
        job.start();
        final ExchangeSimulator.Settings settings = ExchangeSimulator.Settings.of(profile, "B" + System.nanoTime() % 1_000_000_000L)
            .with(10_000, 0.02, 0.02, false, 0, 13).with(20, true, 16);
        final ExchangeSimulator simulator = new ExchangeSimulator(settings, DAY).lossBursts(300, 4).answerDelay(20);
        final ReplaySummary summary;
        try (simulator)
        {
            simulator.start();
            final long half = DAY.count() / 2;
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Await.until("wait while: simulator.publishedSequence() < half", Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), () -> !(simulator.publishedSequence() < half));
            simulator.stopAnswering();
            final long answersAtStop = simulator.answers();
            assertTrue(simulator.awaitFinished(30, TimeUnit.SECONDS), "the simulator did not finish");
            final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Await.until("wait while: !job.sessionEnded()", Duration.ofNanos(Math.max(0, end - System.nanoTime())), () -> !(!job.sessionEnded()));
            assertTrue(job.sessionEnded(), "end of session not reached");
            summary = job.stop(Duration.ofSeconds(30));
            assertTrue(answersAtStop > 0, "the slow server answered in the first half");
        }

        final String session = new String(simulator.session()).strip();
        final OutputVerifier.Report report = new OutputVerifier(BROKER.bootstrapServers(), Duration.ofSeconds(30),
            Topics.of(profile), RecordSchemas.fromClassPath(), null).verify(null);
        final OutputVerifier.SessionReport s = report.sessions().get(session);
        final List<long[]> lost = simulator.lostOnBoth();
        final Map<Long, Long> gaps = s.reportedGaps();
        long lostMessages = 0;
        long lostFirstHalf = 0;
        long recovered = 0;
        for (final long[] range : lost)
        {
            lostMessages += range[1] - range[0] + 1;
            for (long q = range[0]; q <= range[1]; q++)
            {
                final long sequence = q;
                if (gaps.entrySet().stream().noneMatch(g -> sequence >= g.getKey() && sequence <= g.getValue()))
                {
                    recovered++;
                }
                if (sequence <= DAY.count() / 2)
                {
                    lostFirstHalf++;
                }
            }
        }
        System.out.printf("bursts: %d ranges (%d messages) lost on both lines, %d in the first half; recovered %d, reported as" +
                " gap %d in %d GAP records (repeated %d); present %d of %d; duplicates %d; requests %d, answers %d;" +
                " decode failures %d, order violations %d; %s%n",
            lost.size(), lostMessages, lostFirstHalf, recovered, s.reportedMissing(), gaps.size(), s.repeatedGapRecords(),
            s.present(), DAY.count(), s.duplicates(), simulator.requests().size(), simulator.answers(),
            report.decodeFailures(), report.orderViolations(), summary.render());

        assertTrue(summary.complete(), summary.render());
        assertTrue(lost.size() >= 4, "bursts lost on both lines: " + lost.size());
        assertTrue(report.passed(), "verify: missing " + s.missingRanges() + ", " + report.decodeFailureExamples() + " " +
            report.orderViolationExamples());
        assertEquals(1, s.first());
        assertEquals(DAY.count(), s.last());
        assertEquals(0, s.missing(), "every sequence present or reported: " + s.missingRanges());
        assertEquals(0, s.duplicates(), "no (session, sequence) twice on a topic");
        assertEquals(0, s.repeatedGapRecords(), "each range reported by exactly one GAP record");
        assertEquals(DAY.count(), s.present() + s.reportedMissing(), "present and reported do not overlap, and add up");
        assertTrue(recovered > 0, "the slow server's answers recovered lost ranges");
        assertTrue(!gaps.isEmpty(), "the silent server left gaps to report");
        for (final Map.Entry<Long, Long> gap : gaps.entrySet())
        {
            for (long q = gap.getKey(); q <= gap.getValue(); q++)
            {
                final long sequence = q;
                assertTrue(lost.stream().anyMatch(r -> sequence >= r[0] && sequence <= r[1]),
                    "GAP " + gap + " covers " + sequence + ", which a line delivered");
            }
        }
        assertEquals(gaps.size(), summary.counters().gaps.sum(), "one GAP record per given-up range");
    }
}
