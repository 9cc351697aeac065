package io.feedhandler.app;

import java.time.Duration;
import io.feedhandler.Await;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real signals to this JVM (kill -TERM, kill -INT on our own pid) while the handlers are
 * installed: the first asks for the orderly stop, the next ones for the immediate exit.
 */
class StopSignalsTest
{
    @Test
    void shouldAskForTheOrderlyStopOnTheFirstSignalAndForTheImmediateExitOnTheNext() throws Exception
    {
        final CountDownLatch orderly = new CountDownLatch(1);
        final CountDownLatch immediate = new CountDownLatch(2);
        try (StopSignals signals = StopSignals.install(orderly::countDown, immediate::countDown))
        {
            // Without handlers a SIGTERM would end the test JVM: make sure they are in place first.
            assertNotNull(signals, "sun.misc.Signal is available on this JDK");
            kill("TERM", signals, 1);
            assertTrue(orderly.await(10, TimeUnit.SECONDS), "first signal: orderly stop asked");
            kill("TERM", signals, 2);
            kill("INT", signals, 3);
            assertTrue(immediate.await(10, TimeUnit.SECONDS), "second and third signals: immediate exit asked");
            assertEquals(3, signals.received());
            assertEquals(0, orderly.getCount());
        }
    }

    private static void kill(final String signal, final StopSignals signals, final int received) throws Exception
    {
        final Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(ProcessHandle.current().pid())).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal);
        // Signals of one kind do not queue in the kernel: the JVM takes this one before the next is sent.
        Await.until("signal " + received + " handled", Duration.ofSeconds(10), () -> signals.received() >= received);
    }
}
