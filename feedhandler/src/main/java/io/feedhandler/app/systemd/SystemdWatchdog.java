package io.feedhandler.app.systemd;

import java.util.function.BooleanSupplier;

/**
 * Feeds systemd's watchdog ({@code WatchdogSec=} in the unit) from the pipeline's health rather
 * than from a timer that always fires: a daemon whose stages are stuck stops sending
 * {@code WATCHDOG=1}, and systemd kills and restarts it ({@code Restart=on-failure}).
 *
 * <p>Call {@link #check()} every {@link SdNotify#watchdogInterval} (half of {@code WatchdogSec}),
 * from a thread that is not one of the ones being watched. What "healthy" means is the caller's:
 * for {@code run}, the ring's last stage advanced since the previous check or had nothing to do,
 * and the stage threads are alive. Kafka being away is not a reason to restart (the publisher
 * waits and retries; the "no acks" alert says so); a wedged stage thread is.
 */
public final class SystemdWatchdog
{
    private final SdNotify notify;
    private final BooleanSupplier healthy;
    private long missed;

    /**
     * @param notify  where to send {@code WATCHDOG=1}.
     * @param healthy whether the pipeline is making progress, asked once per check.
     */
    public SystemdWatchdog(final SdNotify notify, final BooleanSupplier healthy)
    {
        this.notify = notify;
        this.healthy = healthy;
    }

    /**
     * @return true if the pipeline was healthy and {@code WATCHDOG=1} was sent.
     */
    public boolean check()
    {
        if (healthy.getAsBoolean())
        {
            missed = 0;
            notify.watchdog();
            return true;
        }
        missed++;
        return false;
    }

    /** @return consecutive checks that found the pipeline unhealthy (for the log line before systemd acts). */
    public long missed()
    {
        return missed;
    }
}
