package io.feedhandler.transport.moldudp64;

import io.feedhandler.config.LineSettings;
import io.feedhandler.config.RetransmissionSettings;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live MoldUDP64 lines: line A and line B multicast sockets and the re-request socket, all on
 * ONE Netty event loop (one thread), so the {@link LineArbiter} needs no lock and the ring has a
 * single producer. Epoll where its native library loads, NIO otherwise.
 *
 * <pre>
 * group A:port --[EpollDatagramChannel]--+
 * group B:port --[EpollDatagramChannel]--+--> LineArbiter --> LineSink (ring)
 * server:port <--[request socket]--------+        |  timer (1 ms): requests, give-ups, stale lines
 *                 answers ---------------+        +-> RetransmissionRequester --> request socket
 * </pre>
 *
 * <p>Each socket is bound to its group's address and port (so a socket hears only its own group,
 * even when both lines share a port) and joins the group on the named interface explicitly.
 * SO_RCVBUF is set as large as the profile asks (the kernel caps it at {@code net.core.rmem_max});
 * reads go into pooled direct buffers, wrapped in place, never copied until the ring slot. The
 * receive timestamp is taken first thing when the event loop hands over the datagram it just read.
 */
public final class MoldUdp64Lines implements AutoCloseable
{
    private static final Logger LOG = LogManager.getLogger(MoldUdp64Lines.class);
    /**
     * Receive buffer per datagram. MoldUDP64 packets are sized never to fragment (at most 1472
     * bytes on Ethernet, 9000 with jumbo frames); 16 KiB stays within the pooled allocator's
     * per-thread cache (32 KiB), where 64 KiB would take the arena's lock on every read. A larger
     * datagram arrives cut and is counted as malformed, not mistaken for data.
     */
    private static final int MAX_DATAGRAM = 16_384;
    private static final long TIMER_MICROS = 1000;

    private final LineSettings lines;
    private final RetransmissionSettings retransmission;
    private final EpochNanoClock clock;
    private final LineCounters counters;
    private final LineArbiter arbiter;
    private final RetransmissionRequester requester;
    private final AtomicLong sendFailures = new AtomicLong();
    private final boolean epoll;
    private EventLoopGroup group;
    private EventLoop loop;
    private Channel lineA;
    private Channel lineB;
    private Channel requests;
    private InetSocketAddress server;

    /**
     * @param lines          lines A and B, the reorder buffer and the stale limit.
     * @param retransmission the re-request server and how to ask it.
     * @param shed           true for the {@code shed} overload policy, false for {@code recover}.
     * @param sink           where the arbitrated feed goes.
     * @param clock          receive timestamps and timers (epoch ns).
     * @param counters       what the lines count.
     */
    public MoldUdp64Lines(final LineSettings lines, final RetransmissionSettings retransmission, final boolean shed,
        final LineSink sink, final EpochNanoClock clock, final LineCounters counters)
    {
        this(lines, retransmission, shed, sink, clock, counters, epoll());
    }

    /**
     * @param lines          lines A and B, the reorder buffer and the stale limit.
     * @param retransmission the re-request server and how to ask it.
     * @param shed           true for the {@code shed} overload policy, false for {@code recover}.
     * @param sink           where the arbitrated feed goes.
     * @param clock          receive timestamps and timers (epoch ns).
     * @param counters       what the lines count.
     * @param useEpoll       epoll (must be available) or NIO; tests run both.
     */
    public MoldUdp64Lines(final LineSettings lines, final RetransmissionSettings retransmission, final boolean shed,
        final LineSink sink, final EpochNanoClock clock, final LineCounters counters, final boolean useEpoll)
    {
        this.epoll = useEpoll;
        this.lines = lines;
        this.retransmission = retransmission;
        this.clock = clock;
        this.counters = counters;
        this.requester = new RetransmissionRequester(this::sendRequest, counters, retransmission.requestDelayMillis(),
            retransmission.timeoutMillis(), retransmission.maxTimeoutMillis(), retransmission.retries(),
            retransmission.maxOutstanding(), retransmission.maxMessagesPerRequest());
        this.arbiter = new LineArbiter(sink, requester, counters, shed, lines.reorderBufferMessages(),
            lines.staleAfterMillis(), lines.firstSequence());
    }

    /** @return true if the epoll transport is used (false: NIO). */
    public static boolean epoll()
    {
        return Epoll.isAvailable();
    }

    /**
     * Bind and join both lines, open the re-request socket, start the timer.
     *
     * @throws IOException if an interface is unknown or a socket cannot be bound or join its group;
     *                     the message names the line, group, port and interface.
     * @throws InterruptedException if interrupted while binding.
     */
    public void start() throws IOException, InterruptedException
    {
        final IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        group = new MultiThreadIoEventLoopGroup(1, runnable ->
        {
            final Thread thread = new Thread(runnable, "feedhandler-lines");
            thread.setDaemon(true);
            return thread;
        }, io);
        loop = group.next();
        try
        {
            lineA = join(lines.a(), LineArbiter.LINE_A);
            lineB = join(lines.b(), LineArbiter.LINE_B);
            server = new InetSocketAddress(retransmission.host(), retransmission.port());
            if (server.isUnresolved())
            {
                throw new IOException("retransmission.host " + retransmission.host() + " cannot be resolved");
            }
            requests = bootstrap(LineArbiter.RETRANSMISSION).bind(new InetSocketAddress(0)).sync().channel();
            loop.scheduleAtFixedRate(() -> arbiter.onTimer(clock.nanoTime()), TIMER_MICROS, TIMER_MICROS, TimeUnit.MICROSECONDS);
            LOG.info("lines up ({}): A {}:{} on {}, B {}:{} on {}, re-requests to {} from {}",
                epoll ? "epoll" : "nio", lines.a().group().getHostAddress(), lines.a().port(), lines.a().networkInterface(),
                lines.b().group().getHostAddress(), lines.b().port(), lines.b().networkInterface(), server, requests.localAddress());
        }
        catch (final IOException | RuntimeException ex)
        {
            close();
            throw ex;
        }
    }

    /**
     * Run something on the line thread and wait for its answer (reading the arbiter's state).
     *
     * @param task to run.
     * @param <T>  its result.
     * @return its result.
     * @throws Exception whatever the task threw.
     */
    public <T> T onLineThread(final Callable<T> task) throws Exception
    {
        try
        {
            return loop.submit(task).get(10, TimeUnit.SECONDS);
        }
        catch (final ExecutionException ex)
        {
            throw ex.getCause() instanceof Exception cause ? cause : ex;
        }
    }

    /** @return the arbiter (touch only on the line thread, see {@link #onLineThread}). */
    public LineArbiter arbiter()
    {
        return arbiter;
    }

    /** @return what the lines count. */
    public LineCounters counters()
    {
        return counters;
    }

    /** @return request packets the socket refused to send. */
    public long sendFailures()
    {
        return sendFailures.get();
    }

    /**
     * The orderly stop: close lines A and B, and let what the arbiter still holds reach the ring
     * (the ring drains meanwhile; answers to requests still in flight are still read), until
     * nothing is held and nothing is missing, or the time is up. Then {@link #close()}.
     *
     * @param timeout the longest wait.
     * @return true if nothing was left held or missing.
     */
    public boolean stopReceiving(final Duration timeout)
    {
        for (final Channel channel : new Channel[] {lineA, lineB})
        {
            if (channel != null)
            {
                channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
        final long deadline = System.nanoTime() + timeout.toNanos();
        boolean settled = false;
        try
        {
            while (!(settled = onLineThread(() -> arbiter.held() == 0 && requester.size() == 0)) &&
                System.nanoTime() < deadline)
            {
                Thread.sleep(5);
            }
            if (!settled)
            {
                final String left = onLineThread(() -> arbiter.held() + " messages held behind " + requester.size() +
                    " missing ranges from sequence number " + requester.firstFrom());
                LOG.warn("stopping with {}: not published; the checkpoint stops before them", left);
            }
        }
        catch (final Exception ex)
        {
            LOG.warn("stopping: cannot ask the line thread what it holds: {}", ex.toString());
        }
        close();
        return settled;
    }

    /** Stop receiving: close the sockets and the line thread. What was delivered stays on the ring. */
    @Override
    public void close()
    {
        for (final Channel channel : new Channel[] {lineA, lineB, requests})
        {
            if (channel != null)
            {
                channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
        if (group != null)
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Check, before anything else starts, that both lines' interfaces exist.
     *
     * @param lines the lines.
     * @throws IOException naming the line and the interface that does not exist.
     */
    public static void checkInterfaces(final LineSettings lines) throws IOException
    {
        networkInterface(lines.a());
        networkInterface(lines.b());
    }

    private static String where(final LineSettings.Line line)
    {
        return "line " + line.name() + " (" + line.group().getHostAddress() + ":" + line.port() + " on " +
            line.networkInterface() + ")";
    }

    private static NetworkInterface networkInterface(final LineSettings.Line line) throws IOException
    {
        final NetworkInterface networkInterface;
        try
        {
            networkInterface = NetworkInterface.getByName(line.networkInterface());
        }
        catch (final SocketException ex)
        {
            throw new IOException(where(line) + ": " + ex.getMessage(), ex);
        }
        if (networkInterface == null)
        {
            throw new IOException(where(line) + ": no network interface named " + line.networkInterface() +
                " (lines." + line.name().toLowerCase(java.util.Locale.ROOT) + ".interface)");
        }
        return networkInterface;
    }

    private Channel join(final LineSettings.Line line, final int index) throws IOException, InterruptedException
    {
        final String where = where(line);
        final NetworkInterface networkInterface = networkInterface(line);
        final InetSocketAddress address = new InetSocketAddress(line.group(), line.port());
        try
        {
            // Bound to the group's address: the socket hears only this group, not every group
            // joined on the port (Linux delivers those to a wildcard-bound socket).
            final DatagramChannel channel = (DatagramChannel)bootstrap(index).bind(address).sync().channel();
            channel.joinGroup(address, networkInterface).sync();
            final Integer granted = channel.config().getOption(ChannelOption.SO_RCVBUF);
            if (granted != null && granted < lines.receiveBufferBytes())
            {
                LOG.warn("{}: SO_RCVBUF is {} bytes, {} asked for (lines.receive-buffer-bytes): raise net.core.rmem_max",
                    where, granted, lines.receiveBufferBytes());
            }
            return channel;
        }
        catch (final RuntimeException ex)
        {
            throw new IOException(where + ": cannot bind or join: " + ex, ex);
        }
    }

    private Bootstrap bootstrap(final int index)
    {
        return new Bootstrap()
            .group(loop)
            .channelFactory(() -> epoll ? new EpollDatagramChannel(SocketProtocolFamily.INET) :
                new NioDatagramChannel(SocketProtocolFamily.INET))
            .option(ChannelOption.SO_REUSEADDR, true)
            .option(ChannelOption.SO_RCVBUF, lines.receiveBufferBytes())
            .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
            .handler(new LineHandler(index));
    }

    private void sendRequest(final UnsafeBuffer request, final int length)
    {
        final ByteBuf bytes = requests.alloc().directBuffer(length);
        bytes.writeBytes(request.byteArray(), 0, length);
        requests.writeAndFlush(new DatagramPacket(bytes, server)).addListener(future ->
        {
            if (!future.isSuccess())
            {
                sendFailures.incrementAndGet();
            }
        });
    }

    /** Hands each datagram to the arbiter, wrapped in place, and releases it. */
    private final class LineHandler extends ChannelInboundHandlerAdapter
    {
        private final int line;
        private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
        private long lastFailureLogNanos;

        LineHandler(final int line)
        {
            this.line = line;
        }

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            final long receivedNanos = clock.nanoTime();
            final DatagramPacket datagram = (DatagramPacket)msg;
            try
            {
                final ByteBuf content = datagram.content();
                final int length = content.readableBytes();
                if (content.hasMemoryAddress())
                {
                    view.wrap(content.memoryAddress() + content.readerIndex(), length);
                }
                else
                {
                    view.wrap(content.nioBuffer(content.readerIndex(), length));
                }
                arbiter.onPacket(line, view, 0, length, receivedNanos);
            }
            finally
            {
                datagram.release();
            }
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            // A bug or a socket error must not take the line down: count, log at most every 10 s.
            counters.malformed[line].increment();
            final long now = System.nanoTime();
            if (now - lastFailureLogNanos > 10_000_000_000L)
            {
                lastFailureLogNanos = now;
                LOG.error("line {}: {}", line == LineArbiter.LINE_A ? "A" : line == LineArbiter.LINE_B ? "B" : "re-request",
                    cause.toString(), cause);
            }
        }
    }
}
