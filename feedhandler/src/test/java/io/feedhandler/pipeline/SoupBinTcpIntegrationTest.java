package io.feedhandler.pipeline;

import io.feedhandler.Await;
import io.feedhandler.app.FeedHandlerCommand;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.config.Profile;
import io.feedhandler.kafka.OutputVerifier;
import io.feedhandler.kafka.Topics;
import io.feedhandler.kafka.broker.BrokerExtension;
import io.feedhandler.sim.LoopbackLines;
import io.feedhandler.sim.MessageStore;
import io.feedhandler.sim.SoupBinTcpServer;
import io.feedhandler.transport.soupbintcp.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8's SoupBinTCP "done means", in process: the simulator's server drops the connection
 * mid-stream several times, the handler reconnects and resumes, and Kafka (a real broker) has
 * every sequence number exactly once. A second job on the same checkpoint takes the session again
 * from 1 into the books and publishes nothing twice.
 */
class SoupBinTcpIntegrationTest
{
    private static final MessageStore DAY = MessageStore.generated(13, 60, 40_000);

    @RegisterExtension
    static final BrokerExtension BROKER = new BrokerExtension();

    @TempDir
    Path state;

    @Test
    void shouldPublishEverySequenceExactlyOnceThroughDroppedConnectionsAndARestart() throws Exception
    {
        final Path credentials = state.resolve("soupbintcp.credentials");
        Files.writeString(credentials, "username=FEED01\npassword=s3cret\n");
        Files.setPosixFilePermissions(credentials, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        final Credentials feed = Credentials.read(java.util.Optional.of(credentials));
        try (SoupBinTcpServer server = new SoupBinTcpServer(new SoupBinTcpServer.Settings(
            new InetSocketAddress("127.0.0.1", 0), "DROPS00008", feed, 100_000, 100, 4, 3), DAY).start())
        {
            final Map<String, String> sets = new LinkedHashMap<>();
            sets.put("exchange", "soupdrops");
            sets.put("transport", "soupbintcp");
            sets.put("soupbintcp.port", Integer.toString(server.port()));
            sets.put("soupbintcp.credentials-file", credentials.toString());
            sets.put("soupbintcp.reconnect-backoff-ms", "20");
            sets.put("kafka.bootstrap-servers", BROKER.bootstrapServers());
            sets.put("kafka.topics.partitions", "2");
            sets.put("checkpoint.directory", state.toString());
            // A small ring: the session outruns the stages, so reading pauses (TCP back-pressure) too.
            sets.put("pipeline.ring-size", "1024");
            final Profile profile = Profile.defaults(sets, Map.of());

            final LiveJob first = new LiveJob(profile);
            first.start();
            awaitEnd(first);
            final ReplaySummary summary = first.stop(Duration.ofSeconds(30));
            assertTrue(summary.complete(), summary.render());
            assertEquals(4, server.dropped());
            assertEquals(5, first.sessionCounters().loginsAccepted.sum());
            assertEquals(Map.of("DROPS00008", (long)DAY.count()), summary.watermarks());

            // Restarted after a clean stop: logs in at 1, rebuilds the books from all of it, adds nothing.
            final LiveJob second = new LiveJob(profile);
            second.start();
            awaitEnd(second);
            final ReplaySummary again = second.stop(Duration.ofSeconds(30));
            assertTrue(again.complete(), again.render());
            assertEquals(DAY.count(), again.counters().rebuilt.sum(), "the restart took the session again from 1 into the books");
            assertEquals(0, again.counters().messages.sum(), "and published none of it: the checkpoint covered it all");
            assertEquals(0, again.counters().recordsSent.sum());

            // Without the rebuild: logs in at count + 1, gets End of Session, reads nothing.
            sets.put("checkpoint.rebuild-books", "false");
            final LiveJob third = new LiveJob(Profile.defaults(sets, Map.of()));
            third.start();
            awaitEnd(third);
            final ReplaySummary skipped = third.stop(Duration.ofSeconds(30));
            assertTrue(skipped.complete(), skipped.render());
            assertEquals(0, third.sessionCounters().messages.sum(), "resumed after the checkpoint");
            assertEquals(0, skipped.counters().rebuilt.sum());
            assertEquals(0, skipped.counters().recordsSent.sum());

            final OutputVerifier.Report report = new OutputVerifier(BROKER.bootstrapServers(), Duration.ofSeconds(10),
                Topics.of(profile), RecordSchemas.fromClassPath(), null).verify(null);
            final OutputVerifier.SessionReport session = report.sessions().get("DROPS00008");
            assertTrue(report.passed(), report.toString());
            assertEquals(1, session.first());
            assertEquals(DAY.count(), session.last());
            assertEquals(DAY.count(), session.present(), "every sequence number");
            assertEquals(0, session.missing());
            assertEquals(0, session.duplicates(), "exactly once");
        }
    }

    @Test
    void shouldServeSoupBinTcpFromSimulateAndPublishItThroughRunExactlyOnce() throws Exception
    {
        final Path credentials = state.resolve("feed.credentials");
        Files.writeString(credentials, "# the simulator's login\nusername=FEED02\npassword=pw\n");
        Files.setPosixFilePermissions(credentials, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        final int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0))
        {
            port = free.getLocalPort();
        }
        final Map<String, String> sets = LoopbackLines.overrides(Map.of(
            "exchange", "soupcommands",
            "transport", "soupbintcp",
            "soupbintcp.port", Integer.toString(port),
            "soupbintcp.credentials-file", credentials.toString(),
            "soupbintcp.reconnect-backoff-ms", "20",
            "kafka.bootstrap-servers", BROKER.bootstrapServers(),
            "kafka.topics.partitions", "2",
            "checkpoint.directory", state.toString()));
        final List<String> simulate = new ArrayList<>(List.of("simulate", "--messages", "20000", "--symbols", "30",
            "--rate", "20000", "--session", "CMDSOUP001", "--drop-connections", "3", "--seed", "9", "--linger", "PT2S"));
        final List<String> run = new ArrayList<>(List.of("run", "--exit-at-end-of-session"));
        sets.forEach((key, value) ->
        {
            simulate.addAll(List.of("--set", key + "=" + value));
            run.addAll(List.of("--set", key + "=" + value));
        });
        // Threads of their own, not the common pool: on two cores it has one worker, which a command
        // left running by an earlier test would hold for ever.
        final java.util.concurrent.Executor threads = task ->
        {
            final Thread thread = new Thread(task, "soupbintcp-command");
            thread.setDaemon(true);
            thread.start();
        };
        final StringWriter simulated = new StringWriter();
        final CompletableFuture<Integer> exchange = CompletableFuture.supplyAsync(() -> FeedHandlerCommand.execute(
            new PrintWriter(simulated, true), new PrintWriter(simulated, true), simulate.toArray(String[]::new)), threads);
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CompletableFuture<Integer> handler = CompletableFuture.supplyAsync(() -> FeedHandlerCommand.execute(
            new PrintWriter(out, true), new PrintWriter(err, true), run.toArray(String[]::new)), threads);
        // Bounded: a simulator that could not start (its port taken meanwhile) must fail the test,
        // not leave run retrying the connection for ever.
        CompletableFuture.anyOf(exchange, handler).get(90, TimeUnit.SECONDS);
        if (exchange.isDone())
        {
            assertEquals(0, exchange.get(), simulated.toString());
        }
        assertEquals(0, handler.get(90, TimeUnit.SECONDS), out + "\n" + err);
        assertEquals(0, exchange.get(60, TimeUnit.SECONDS), simulated.toString());
        assertTrue(simulated.toString().contains("SoupBinTCP logins 4, rejected 0, connections dropped 3, ends of session sent 1"),
            simulated.toString());
        assertTrue(out.toString().contains("logins 4 (rejected 0), disconnects 3"), out.toString());

        final OutputVerifier.SessionReport session = new OutputVerifier(BROKER.bootstrapServers(), Duration.ofSeconds(10),
            Topics.of(Profile.defaults(sets, Map.of())), RecordSchemas.fromClassPath(), null).verify(null).sessions().get("CMDSOUP001");
        assertEquals(20_000, session.present());
        assertEquals(0, session.missing());
        assertEquals(0, session.duplicates());
    }

    @Test
    void shouldExitTwoWithOneClearLineWhenTheLoginIsRefusedAgainAndAgain() throws Exception
    {
        final Path credentials = state.resolve("wrong.credentials");
        Files.writeString(credentials, "username=FEED01\npassword=wrong\n");
        Files.setPosixFilePermissions(credentials, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        try (SoupBinTcpServer server = new SoupBinTcpServer(new SoupBinTcpServer.Settings(
            new InetSocketAddress("127.0.0.1", 0), "AUTH000002", new Credentials("FEED01", "right"), 0, 100, 0, 1), DAY).start())
        {
            final StringWriter out = new StringWriter();
            final StringWriter err = new StringWriter();
            final int exit = FeedHandlerCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), "run",
                "--set", "exchange=soupauth", "--set", "transport=soupbintcp",
                "--set", "soupbintcp.port=" + server.port(), "--set", "soupbintcp.credentials-file=" + credentials,
                "--set", "soupbintcp.reconnect-backoff-ms=10", "--set", "soupbintcp.max-rejections=3",
                "--set", "kafka.bootstrap-servers=" + BROKER.bootstrapServers(), "--set", "checkpoint.directory=" + state);
            assertEquals(2, exit, out + "\n" + err);
            assertEquals("run: SoupBinTCP 127.0.0.1:" + server.port() + ": login rejected 3 times in a row: not authorised " +
                "(bad username or password) (user 'FEED01'; check soupbintcp.credentials-file; soupbintcp.max-rejections = 3)",
                err.toString().strip());
            assertEquals(3, server.rejections());
            assertTrue(out.toString().contains("logins 0 (rejected 3)"), out.toString());
        }
    }

    private static void awaitEnd(final LiveJob job) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Await.until("wait while: !job.sessionEnded()", Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), () -> !(!job.sessionEnded()));
        assertTrue(job.sessionEnded(), "end of session not reached");
    }
}
