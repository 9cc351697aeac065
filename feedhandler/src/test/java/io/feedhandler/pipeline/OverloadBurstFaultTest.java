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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault injection (the {@code fault-injection} Maven profile), live lines: a burst at 100,000
 * msg/s, ten times the 10,000 msg/s the other live tests play, for about two seconds, into a ring
 * of 256 slots, so the ring fills over and over. The overload policy must engage and everything
 * must be accounted for: {@code recover} holds what the full ring refused in the reorder buffer,
 * and beyond its room drops and re-requests it (present, or one GAP record if the server cannot
 * keep up); {@code shed} drops it and reports
 * each range once as a LOCAL_OVERLOAD status record. Either way the output audit passes.
 */
class OverloadBurstFaultTest
{
    private static final MessageStore DAY = MessageStore.generated(21, 100, 200_000);

    @RegisterExtension
    static final BrokerExtension BROKER = new BrokerExtension();

    @TempDir
    Path state;

    @ParameterizedTest
    @ValueSource(strings = {"recover", "shed"})
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldEngageTheOverloadPolicyAndAccountForEverySequenceNumber(final String policy) throws Exception
    {
        final Profile profile = Profile.defaults(LoopbackLines.overrides(Map.of(
            "exchange", "burst_" + policy,
            "kafka.bootstrap-servers", BROKER.bootstrapServers(),
            "checkpoint.directory", state.toString(),
            "pipeline.ring-size", "256",
            "pipeline.overload-policy", policy,
            "kafka.topics.partitions", "4")), Map.of());
        final LiveJob job = new LiveJob(profile);
        job.start();
        final ExchangeSimulator.Settings settings = ExchangeSimulator.Settings.of(profile, "O" + System.nanoTime() % 1_000_000_000L)
            .with(100_000, 0, 0, false, 0, 21).with(20, true, 16);
        final ExchangeSimulator simulator = new ExchangeSimulator(settings, DAY);
        final ReplaySummary summary;
        try (simulator)
        {
            simulator.start();
            assertTrue(simulator.awaitFinished(60, TimeUnit.SECONDS), "the simulator did not finish");
            final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Await.until("wait while: !job.sessionEnded()", Duration.ofNanos(Math.max(0, end - System.nanoTime())), () -> !(!job.sessionEnded()));
            assertTrue(job.sessionEnded(), "end of session not reached");
            summary = job.stop(Duration.ofSeconds(30));
        }

        final String session = new String(simulator.session()).strip();
        final OutputVerifier.Report report = new OutputVerifier(BROKER.bootstrapServers(), Duration.ofSeconds(30),
            Topics.of(profile), RecordSchemas.fromClassPath(), null).verify(null);
        final OutputVerifier.SessionReport s = report.sessions().get(session);
        System.out.printf("overload burst (%s): ring full %d times, local loss %d re-requested, shed %d; present %d of %d, " +
                "reported %d in %d ranges (%s); duplicates %d; %s%n",
            policy, job.lineCounters().ringFull.sum(), job.lineCounters().localLoss.sum(), job.lineCounters().shed.sum(),
            s.present(), DAY.count(), s.reportedMissing(), s.reportedGaps().size(), s.handlerStatus(), s.duplicates(),
            summary.render());

        assertTrue(summary.complete(), summary.render());
        assertTrue(job.lineCounters().ringFull.sum() > 0, "the burst filled the ring");
        assertTrue(report.passed(), "verify: missing " + s.missingRanges() + ", " + report.decodeFailureExamples() + " " +
            report.orderViolationExamples());
        assertEquals(1, s.first());
        assertEquals(DAY.count(), s.last());
        assertEquals(0, s.missing(), "every sequence present or reported: " + s.missingRanges());
        assertEquals(0, s.duplicates());
        assertEquals(0, s.repeatedGapRecords(), "each range reported once");
        assertEquals(DAY.count(), s.present() + s.reportedMissing(), "present and reported do not overlap, and add up");
        if ("shed".equals(policy))
        {
            assertTrue(job.lineCounters().shed.sum() > 0, "shed dropped messages");
            assertEquals(job.lineCounters().shed.sum(), s.reportedMissing(), "every shed message reported, none more");
            assertTrue(s.handlerStatus().getOrDefault("LOCAL_OVERLOAD", 0L) > 0, "LOCAL_OVERLOAD records: " + s.handlerStatus());
        }
        else
        {
            // recover holds what the full ring refused in the reorder buffer while it has room and
            // drops and re-requests only beyond that: how much depends on the machine's speed.
            assertEquals(0, job.lineCounters().shed.sum());
            assertEquals(0, s.reportedMissing(), "recover loses nothing here: the server answers every re-request");
        }
    }
}
