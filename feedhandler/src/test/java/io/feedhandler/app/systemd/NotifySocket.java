package io.feedhandler.app.systemd;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainDatagramPacket;
import io.netty.channel.unix.DomainSocketAddress;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A UNIX datagram socket bound where {@code $NOTIFY_SOCKET} points, as systemd binds
 * {@code /run/systemd/notify}: what the daemon sends arrives here, one string per datagram.
 */
public final class NotifySocket implements AutoCloseable
{
    private final EventLoopGroup group;
    private final Channel channel;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final Path path;

    /** @param path where to bind (a file that does not exist yet). */
    public NotifySocket(final Path path)
    {
        if (!Epoll.isAvailable())
        {
            throw new IllegalStateException("epoll is needed for sd_notify: " + Epoll.unavailabilityCause());
        }
        this.path = path;
        group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        channel = new Bootstrap().group(group).channel(EpollDomainDatagramChannel.class)
            .handler(new SimpleChannelInboundHandler<DomainDatagramPacket>()
            {
                @Override
                protected void channelRead0(final ChannelHandlerContext context, final DomainDatagramPacket packet)
                {
                    received.add(packet.content().toString(StandardCharsets.UTF_8));
                }
            })
            .bind(new DomainSocketAddress(path.toString())).syncUninterruptibly().channel();
    }

    /** @return the socket's path, the value of {@code $NOTIFY_SOCKET}. */
    public Path path()
    {
        return path;
    }

    /**
     * @param timeout how long to wait.
     * @param unit    of the timeout.
     * @return the next datagram, or null if none came in time.
     * @throws InterruptedException if interrupted.
     */
    public String poll(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return received.poll(timeout, unit);
    }

    /**
     * @param expected a datagram's whole text or part of it, e.g. {@code READY=1}.
     * @param timeout  how long to wait.
     * @param unit     of the timeout.
     * @return true if a datagram containing it arrived in time (earlier ones are consumed).
     * @throws InterruptedException if interrupted.
     */
    public boolean await(final String expected, final long timeout, final TimeUnit unit) throws InterruptedException
    {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        long left;
        while ((left = deadline - System.nanoTime()) > 0)
        {
            final String datagram = received.poll(left, TimeUnit.NANOSECONDS);
            if (datagram != null && datagram.contains(expected))
            {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close()
    {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
