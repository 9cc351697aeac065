package io.feedhandler.app.systemd;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Tells systemd how the service is doing ({@code sd_notify(3)}): datagrams such as
 * {@code READY=1} to the UNIX datagram socket named by {@code $NOTIFY_SOCKET}, which systemd sets
 * for a {@code Type=notify} unit. The JDK's own channels have no UNIX datagram support, and the
 * Foreign Function API is final only from Java 22 (this code targets 21), so it goes through
 * Netty's epoll domain datagram channel, on one small event loop of its own.
 *
 * <p>Without {@code $NOTIFY_SOCKET} (not under systemd, or not {@code Type=notify}) every call does
 * nothing. A datagram that cannot be sent is logged, never thrown: telling systemd must not stop
 * the feed. Where the daemon calls it ({@code feedhandler run}):
 * <ul>
 *   <li>{@link #ready} once every feed line has joined its group and the producer has fetched
 *       metadata for every topic (systemd holds dependent units and {@code systemctl start}
 *       until then);</li>
 *   <li>{@link #watchdog} from {@link SystemdWatchdog}, only while the pipeline is healthy;</li>
 *   <li>{@link #stopping} when SIGTERM starts the drain (lines left, ring drained, last acks,
 *       checkpoint written), so {@code TimeoutStopSec} covers the drain.</li>
 * </ul>
 */
public final class SdNotify implements AutoCloseable
{
    /** The variable systemd sets to the notification socket's path ({@code @} first: abstract namespace). */
    public static final String NOTIFY_SOCKET = "NOTIFY_SOCKET";
    /** The watchdog interval systemd expects a {@code WATCHDOG=1} within, in microseconds. */
    public static final String WATCHDOG_USEC = "WATCHDOG_USEC";
    /** The process the watchdog applies to; when set, it must be this one. */
    public static final String WATCHDOG_PID = "WATCHDOG_PID";

    private static final Logger LOG = LogManager.getLogger(SdNotify.class);
    private static final long SEND_TIMEOUT_MS = 1000;

    private final DomainSocketAddress socket;
    private final EventLoopGroup group;
    private final Channel channel;

    private SdNotify(final DomainSocketAddress socket, final EventLoopGroup group, final Channel channel)
    {
        this.socket = socket;
        this.group = group;
        this.channel = channel;
    }

    /**
     * @param environment the process's environment ({@code System.getenv()}).
     * @return a notifier for {@code $NOTIFY_SOCKET}, or one that does nothing if it is unset.
     * @throws IllegalStateException if the socket is set but epoll is not available (not Linux x86_64).
     */
    public static SdNotify fromEnvironment(final Map<String, String> environment)
    {
        final String path = environment.get(NOTIFY_SOCKET);
        if (path == null || path.isBlank())
        {
            return new SdNotify(null, null, null);
        }
        if (!Epoll.isAvailable())
        {
            throw new IllegalStateException("$" + NOTIFY_SOCKET + " is set but Netty's epoll transport is not available: " +
                Epoll.unavailabilityCause());
        }
        // An abstract socket's name starts with a NUL byte; systemd writes it as '@'.
        final DomainSocketAddress address = new DomainSocketAddress(path.startsWith("@") ? "\0" + path.substring(1) : path);
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("feedhandler-sd-notify", true), EpollIoHandler.newFactory());
        // Connected once (an unbound, unconnected datagram channel is not active in Netty): every
        // notification is then one write. systemd keeps its socket for the life of the manager.
        final ChannelFuture connected = new Bootstrap()
            .group(group)
            .channel(EpollDomainDatagramChannel.class)
            .handler(new ChannelInboundHandlerAdapter())
            .connect(address)
            .awaitUninterruptibly();
        if (!connected.isSuccess())
        {
            LOG.warn("cannot reach systemd's notification socket {} (${}): {}; systemd will not hear READY=1 or WATCHDOG=1",
                path, NOTIFY_SOCKET, String.valueOf(connected.cause()));
            group.shutdownGracefully(0, SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return new SdNotify(null, null, null);
        }
        return new SdNotify(address, group, connected.channel());
    }

    /**
     * @param environment the process's environment.
     * @return how often to send {@code WATCHDOG=1}: half of {@code $WATCHDOG_USEC}, as
     *         {@code sd_watchdog_enabled(3)} advises; empty when systemd expects none (unset, or
     *         {@code $WATCHDOG_PID} names another process).
     */
    public static Optional<Duration> watchdogInterval(final Map<String, String> environment)
    {
        final String usec = environment.get(WATCHDOG_USEC);
        final String pid = environment.get(WATCHDOG_PID);
        if (usec == null || usec.isBlank() || (pid != null && !pid.isBlank() && Long.parseLong(pid.trim()) != ProcessHandle.current().pid()))
        {
            return Optional.empty();
        }
        final long micros = Long.parseLong(usec.trim());
        return micros <= 0 ? Optional.empty() : Optional.of(Duration.ofNanos(micros * 1000 / 2));
    }

    /** @return whether there is a socket to tell (running under systemd with {@code Type=notify}). */
    public boolean enabled()
    {
        return channel != null;
    }

    /**
     * Startup finished: lines joined, producer connected.
     *
     * @param status one line for {@code systemctl status}.
     */
    public void ready(final String status)
    {
        send("READY=1\nSTATUS=" + status + "\nMAINPID=" + ProcessHandle.current().pid() + "\n");
    }

    /** The service is alive and healthy: resets systemd's watchdog timer. */
    public void watchdog()
    {
        send("WATCHDOG=1\n");
    }

    /**
     * Shutdown has begun (the drain): systemd waits up to {@code TimeoutStopSec}.
     *
     * @param status one line for {@code systemctl status}.
     */
    public void stopping(final String status)
    {
        send("STOPPING=1\nSTATUS=" + status + "\n");
    }

    /**
     * @param status one line for {@code systemctl status}, e.g. message rate and gaps.
     */
    public void status(final String status)
    {
        send("STATUS=" + status + "\n");
    }

    private void send(final String state)
    {
        if (channel == null)
        {
            return;
        }
        final ChannelFuture sent = channel.writeAndFlush(Unpooled.copiedBuffer(state, StandardCharsets.UTF_8));
        if (!sent.awaitUninterruptibly(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS) || !sent.isSuccess())
        {
            LOG.warn("cannot tell systemd '{}' through {}: {}", state.replace('\n', ' ').trim(), socket.path(),
                sent.cause() == null ? "timed out" : sent.cause().toString());
        }
    }

    @Override
    public void close()
    {
        if (channel != null)
        {
            channel.close().awaitUninterruptibly(SEND_TIMEOUT_MS);
            group.shutdownGracefully(0, SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS).awaitUninterruptibly(SEND_TIMEOUT_MS * 2);
        }
    }
}
