package io.feedhandler.transport.soupbintcp;

import io.feedhandler.Await;
import io.feedhandler.config.SoupBinTcpSettings;
import io.feedhandler.sim.MessageStore;
import io.feedhandler.sim.SoupBinTcpServer;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SoupBinTCP client against the simulator's server on real loopback TCP. */
class SoupBinTcpClientTest
{
    private static final MessageStore DAY = MessageStore.generated(11, 20, 30_000);
    private static final Credentials FEED = new Credentials("FEED01", "s3cret");

    private static SoupBinTcpSettings settings(final int port, final int maxRejections)
    {
        return new SoupBinTcpSettings("127.0.0.1", port, Optional.empty(), "", 1, 50, 1000, 10, 80, maxRejections);
    }

    private static SoupBinTcpServer server(final String session, final long rate, final int drops) throws IOException
    {
        return new SoupBinTcpServer(new SoupBinTcpServer.Settings(new InetSocketAddress("127.0.0.1", 0), session, FEED,
            rate, 50, drops, 7), DAY).start();
    }

    private static List<Long> all(final long from)
    {
        return LongStream.rangeClosed(from, DAY.count()).boxed().toList();
    }

    @Test
    void shouldReconnectAfterEachDropAndDeliverEverySequenceOnceInOrder() throws Exception
    {
        try (SoupBinTcpServer server = server("DROPS00001", 200_000, 5))
        {
            final CollectingSink sink = new CollectingSink(DAY);
            final SessionCounters counters = new SessionCounters();
            try (SoupBinTcpClient client = new SoupBinTcpClient(settings(server.port(), 3), FEED, sink,
                new SystemEpochNanoClock(), counters))
            {
                client.start();
                assertTrue(client.awaitEnded(Duration.ofSeconds(30)), "session did not end");
            }
            assertEquals(5, server.dropped());
            assertEquals(all(1), sink.sequences(), "every sequence number once, in order");
            assertEquals(6, counters.loginsAccepted.sum(), "one login per connection");
            assertEquals(5, counters.disconnects.sum());
            assertEquals(List.of("0:END " + (DAY.count() + 1)), sink.events());
            assertTrue(sink.sessions().stream().allMatch("DROPS00001"::equals), sink.sessions().toString());
        }
    }

    @Test
    void shouldResumeFromTheCheckpointOfTheSameSession() throws Exception
    {
        try (SoupBinTcpServer server = server("SAME000001", 0, 0))
        {
            final CollectingSink sink = new CollectingSink(DAY);
            try (SoupBinTcpClient client = new SoupBinTcpClient(settings(server.port(), 3), FEED, sink,
                new SystemEpochNanoClock(), new SessionCounters()))
            {
                client.resume("SAME000001", 12_001);
                client.start();
                assertTrue(client.awaitEnded(Duration.ofSeconds(30)));
            }
            assertEquals(all(12_001), sink.sequences());
        }
    }

    @Test
    void shouldNotApplyTheCheckpointOfAnotherSession() throws Exception
    {
        try (SoupBinTcpServer server = server("TODAY00001", 0, 0))
        {
            final CollectingSink sink = new CollectingSink(DAY);
            final SessionCounters counters = new SessionCounters();
            try (SoupBinTcpClient client = new SoupBinTcpClient(settings(server.port(), 3), FEED, sink,
                new SystemEpochNanoClock(), counters))
            {
                client.resume("YESTERDAY1", 12_001);
                client.start();
                assertTrue(client.awaitEnded(Duration.ofSeconds(30)));
            }
            assertEquals(all(1), sink.sequences(), "the new day from its start");
            assertEquals(1, counters.loginsRejected.sum(), "yesterday's session is not available");
            assertEquals(List.of("TODAY00001"), sink.sessions());
        }
    }

    @Test
    void shouldRetryABadLoginWithGrowingBackoffAndGiveUpAfterTheLimit() throws Exception
    {
        try (SoupBinTcpServer server = server("AUTH000001", 0, 0))
        {
            final CollectingSink sink = new CollectingSink(DAY);
            final SessionCounters counters = new SessionCounters();
            try (SoupBinTcpClient client = new SoupBinTcpClient(settings(server.port(), 4),
                new Credentials("FEED01", "wrong"), sink, new SystemEpochNanoClock(), counters))
            {
                client.start();
                final long deadline = System.nanoTime() + 10_000_000_000L;
                Await.until("wait while: client.failure() == null", Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), () -> !(client.failure() == null));
                assertNotNull(client.failure(), "gives up after soupbintcp.max-rejections");
                assertTrue(client.failure().contains("not authorised"), client.failure());
                assertFalse(client.failure().contains("wrong"), "the password is never written");
            }
            // Waits 10, 20, 40 ms between the four tries: the backoff grows, no tight loop; and no
            // fifth try is scheduled after giving up (it would add 80).
            assertEquals(10 + 20 + 40, counters.reconnectWaitMillis.sum());
            assertEquals(4, server.rejections(), "no try after giving up");
            assertEquals(4, counters.loginsRejected.sum());
            assertTrue(sink.sequences().isEmpty());
        }
    }

    @Test
    void shouldStopReadingWhileTheRingIsFullAndLoseNothing() throws Exception
    {
        try (SoupBinTcpServer server = server("FULL000001", 0, 0))
        {
            final CollectingSink sink = new CollectingSink(DAY);
            sink.room(1000);
            final SessionCounters counters = new SessionCounters();
            try (SoupBinTcpClient client = new SoupBinTcpClient(settings(server.port(), 3), FEED, sink,
                new SystemEpochNanoClock(), counters))
            {
                client.start();
                final long deadline = System.nanoTime() + 10_000_000_000L;
                Await.until("wait while: sink.sequences().size() < 1000", Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), () -> !(sink.sequences().size() < 1000));
                // The client found the ring full and stopped reading: only then is "nothing beyond" meaningful.
                Await.until("the client met the full ring", Duration.ofSeconds(10), () -> counters.ringFull.sum() >= 1);
                assertEquals(1000, sink.sequences().size(), "nothing beyond the ring's room");
                assertTrue(counters.ringFull.sum() >= 1);
                assertFalse(client.ended());
                sink.room(Long.MAX_VALUE);
                assertTrue(client.awaitEnded(Duration.ofSeconds(30)));
            }
            assertEquals(all(1), sink.sequences());
            assertEquals(0, counters.disconnects.sum(), "back-pressure, not a reconnect");
        }
    }

    @Test
    void shouldCloseASilentConnectionAfterTheTimeoutAndLogInAgain() throws Exception
    {
        // A server that accepts every login and then says nothing at all.
        try (ServerSocket silent = new ServerSocket(0))
        {
            final List<Socket> accepted = new ArrayList<>();
            final Thread acceptor = new Thread(() ->
            {
                try
                {
                    while (true)
                    {
                        final Socket socket = silent.accept();
                        synchronized (accepted)
                        {
                            accepted.add(socket);
                        }
                        final DataInputStream in = new DataInputStream(socket.getInputStream());
                        in.readFully(new byte[LoginRequest.LENGTH]);
                        final org.agrona.concurrent.UnsafeBuffer out = new org.agrona.concurrent.UnsafeBuffer(new byte[64]);
                        socket.getOutputStream().write(out.byteArray(), 0, LoginAccepted.encode(out, 0, "QUIET", 1));
                    }
                }
                catch (final IOException ex)
                {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            final SessionCounters counters = new SessionCounters();
            try (SoupBinTcpClient client = new SoupBinTcpClient(
                new SoupBinTcpSettings("127.0.0.1", silent.getLocalPort(), Optional.empty(), "", 1, 50, 300, 10, 80, 3),
                Credentials.NONE, new CollectingSink(DAY), new SystemEpochNanoClock(), counters))
            {
                client.start();
                final long deadline = System.nanoTime() + 10_000_000_000L;
                Await.until("wait while: counters.timeouts.sum() < 2", Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), () -> !(counters.timeouts.sum() < 2));
                assertNull(client.failure());
            }
            assertTrue(counters.timeouts.sum() >= 2, "closed after 300 ms of silence, each time");
            assertTrue(counters.heartbeatsSent.sum() >= 4, "client heartbeats every 50 ms meanwhile");
            assertTrue(counters.loginsAccepted.sum() >= 2, "logged in again");
        }
    }
}
