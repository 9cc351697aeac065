package io.feedhandler.app.systemd;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What systemd would read: a real UNIX datagram socket bound where {@code $NOTIFY_SOCKET} points,
 * as systemd binds {@code /run/systemd/notify}.
 */
class SdNotifyTest
{
    @TempDir
    Path directory;

    private NotifySocket systemd;
    private Path socket;

    @BeforeEach
    void bindTheNotificationSocket()
    {
        socket = directory.resolve("notify");
        systemd = new NotifySocket(socket);
    }

    @AfterEach
    void close()
    {
        systemd.close();
    }

    @Test
    void shouldSendReadyWatchdogAndStoppingAsSystemdReadsThem() throws Exception
    {
        try (SdNotify notify = SdNotify.fromEnvironment(Map.of(SdNotify.NOTIFY_SOCKET, socket.toString())))
        {
            assertTrue(notify.enabled());
            notify.ready("lines A, B joined; producer connected");
            notify.watchdog();
            notify.status("12,000 msg/s, 0 gaps");
            notify.stopping("draining");
        }

        assertEquals("READY=1\nSTATUS=lines A, B joined; producer connected\nMAINPID=" + ProcessHandle.current().pid() + "\n",
            next());
        assertEquals("WATCHDOG=1\n", next());
        assertEquals("STATUS=12,000 msg/s, 0 gaps\n", next());
        assertEquals("STOPPING=1\nSTATUS=draining\n", next());
    }

    @Test
    void shouldFeedTheWatchdogOnlyWhileThePipelineIsHealthy() throws Exception
    {
        final AtomicBoolean healthy = new AtomicBoolean(true);
        try (SdNotify notify = SdNotify.fromEnvironment(Map.of(SdNotify.NOTIFY_SOCKET, socket.toString())))
        {
            final SystemdWatchdog watchdog = new SystemdWatchdog(notify, healthy::get);
            assertTrue(watchdog.check());
            healthy.set(false);
            assertFalse(watchdog.check());
            assertFalse(watchdog.check());
            assertEquals(2, watchdog.missed());
            healthy.set(true);
            assertTrue(watchdog.check());
            assertEquals(0, watchdog.missed());
        }

        assertEquals("WATCHDOG=1\n", next());
        assertEquals("WATCHDOG=1\n", next());
        assertNull(systemd.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void shouldDoNothingOutsideSystemd()
    {
        try (SdNotify notify = SdNotify.fromEnvironment(Map.of()))
        {
            assertFalse(notify.enabled());
            notify.ready("ignored");
            notify.watchdog();
        }
    }

    @Test
    void shouldPingAtHalfTheWatchdogIntervalForThisProcessOnly()
    {
        assertEquals(Optional.of(Duration.ofSeconds(5)), SdNotify.watchdogInterval(Map.of(SdNotify.WATCHDOG_USEC, "10000000")));
        assertEquals(Optional.of(Duration.ofSeconds(5)), SdNotify.watchdogInterval(Map.of(SdNotify.WATCHDOG_USEC, "10000000",
            SdNotify.WATCHDOG_PID, Long.toString(ProcessHandle.current().pid()))));
        assertEquals(Optional.empty(), SdNotify.watchdogInterval(Map.of(SdNotify.WATCHDOG_USEC, "10000000",
            SdNotify.WATCHDOG_PID, "1")));
        assertEquals(Optional.empty(), SdNotify.watchdogInterval(Map.of()));
    }

    private String next() throws InterruptedException
    {
        final String datagram = systemd.poll(5, TimeUnit.SECONDS);
        assertTrue(datagram != null, "nothing arrived on " + socket);
        return datagram;
    }
}
