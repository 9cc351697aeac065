package io.feedhandler.transport.soupbintcp;

import io.feedhandler.config.SoupBinTcpSettings;
import io.feedhandler.transport.moldudp64.LineSink;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A SoupBinTCP 3.00 session client on ONE Netty event loop (one thread, as the MoldUDP64 lines):
 * logs in with a session and a sequence number, puts Sequenced Data on the ring through the same
 * {@link LineSink} as the multicast lines, keeps the session alive with heartbeats, and reconnects
 * with exponential backoff, resuming at the next sequence number it has not delivered.
 *
 * <pre>
 * connect --L(user, password, session, next)--> server
 *         <--A(session, first)--  S S S ... H ... S ... Z
 *            |                    | sequence = first + count of S so far (implicit)
 *            |                    +--> LineSink (ring), claims never wait
 *            +-- J(reason): close, retry later (backoff grows; "not authorised" N times in a row: fatal)
 * 1 ms timer: heartbeat R after heartbeat-ms without sending; close after timeout-ms without
 *             receiving; resume reading when the ring has room again
 * </pre>
 *
 * <p><b>Ring full</b>: reading stops ({@code autoRead} off) and the unread bytes wait in the
 * socket and the server's send buffer: TCP back-pressure is the natural overload policy of a TCP
 * session, nothing is lost and nothing needs re-requesting. The timer retries the claim.
 *
 * <p><b>Sequence numbers</b>: the number of a Sequenced Data packet is Login Accepted's number
 * plus the packets since. Packets below the next expected number (a server replaying more than
 * asked) are skipped; a server starting above the number asked for leaves a range it cannot
 * replay, reported once as a GAP ({@link LineSink.GapReason#NOT_REPLAYED}).
 *
 * <p><b>Resume</b>: a reconnect logs in to the session it was on with the next sequence number
 * not yet delivered. {@link #resume} sets that from the checkpoint at start. If the server does
 * not offer that session (rejected "session not available", or accepted with another session:
 * a new trading day), the resume point belongs to another day: it is dropped with a log line and
 * the client logs in at once to the current session from {@code first-sequence}.
 */
public final class SoupBinTcpClient implements AutoCloseable
{
    private static final Logger LOG = LogManager.getLogger(SoupBinTcpClient.class);
    private static final long TIMER_MICROS = 1000;
    private static final int INITIAL_CUMULATION = 64 * 1024;
    private static final int MAX_BATCH = 256;

    private final SoupBinTcpSettings settings;
    private final Credentials credentials;
    private final LineSink sink;
    private final EpochNanoClock clock;
    private final SessionCounters counters;
    private final boolean epoll;
    private final String where;
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer outgoing = new UnsafeBuffer(new byte[LoginRequest.LENGTH]);
    private final LoginAccepted accepted = new LoginAccepted();
    private EventLoopGroup group;
    private EventLoop loop;
    private Bootstrap bootstrap;

    // Line-thread state.
    private Channel channel;
    private ByteBuf cumulation;
    private boolean loggedIn;
    private boolean paused;
    private boolean pendingEnd;
    private long pendingGapFrom;
    private long pendingGapTo;
    private String session = "";
    private boolean sessionFromCheckpoint;
    private long next;
    private long requested;
    private long serverNext;
    private int stream = -1;
    private long lastReceivedNanos;
    private long lastSentNanos;
    private long lastReadNanos;
    private long backoffMillis;
    private long tries;
    private int rejectionsInRow;
    private boolean reconnectAtOnce;
    private String closeReason;
    private boolean stopping;
    private volatile boolean ended;
    private volatile String failure;

    /**
     * @param settings    the {@code soupbintcp} section.
     * @param credentials username and password.
     * @param sink        where the sequenced messages go (the ring).
     * @param clock       receive timestamps and timers (epoch ns).
     * @param counters    what the client counts.
     */
    public SoupBinTcpClient(final SoupBinTcpSettings settings, final Credentials credentials, final LineSink sink,
        final EpochNanoClock clock, final SessionCounters counters)
    {
        this.settings = settings;
        this.credentials = credentials;
        this.sink = sink;
        this.clock = clock;
        this.counters = counters;
        this.epoll = Epoll.isAvailable();
        this.where = "SoupBinTCP " + settings.host() + ":" + settings.port();
        this.session = settings.session();
        this.backoffMillis = settings.reconnectBackoffMillis();
    }

    /**
     * Resume after a checkpoint: log in to this session at this sequence number (call before
     * {@link #start}).
     *
     * @param checkpointSession the session named in the checkpoint.
     * @param nextSequence      its watermark + 1.
     */
    public void resume(final String checkpointSession, final long nextSequence)
    {
        if (!settings.session().isEmpty() && !settings.session().equals(checkpointSession))
        {
            LOG.info("checkpoint of session {} (next {}) not applied: the profile asks for session {}",
                checkpointSession, nextSequence, settings.session());
            return;
        }
        session = checkpointSession;
        sessionFromCheckpoint = true;
        next = nextSequence;
        LOG.info("resuming from the checkpoint: session {} at sequence number {}", checkpointSession, nextSequence);
    }

    /** Start the event loop and the first connection attempt. Never blocks on the network. */
    public void start()
    {
        final IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        group = new MultiThreadIoEventLoopGroup(1, runnable ->
        {
            final Thread thread = new Thread(runnable, "feedhandler-soupbintcp");
            thread.setDaemon(true);
            return thread;
        }, io);
        loop = group.next();
        bootstrap = new Bootstrap()
            .group(loop)
            .channelFactory(() -> epoll ? new EpollSocketChannel() : new NioSocketChannel())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)Math.min(Integer.MAX_VALUE, settings.timeoutMillis()))
            .handler(new ChannelInitializer<>()
            {
                @Override
                protected void initChannel(final Channel connection)
                {
                    connection.pipeline().addLast(new SessionHandler());
                }
            });
        loop.scheduleAtFixedRate(this::onTimer, TIMER_MICROS, TIMER_MICROS, TimeUnit.MICROSECONDS);
        loop.execute(this::connect);
        LOG.info("{}: connecting ({}), user '{}', session {}, from sequence number {}", where, epoll ? "epoll" : "nio",
            credentials.username(), session.isEmpty() ? "(current)" : session, next > 0 ? next : settings.firstSequence());
    }

    /** @return true once End of Session has been put on the ring. */
    public boolean ended()
    {
        return ended;
    }

    /** @return why the client gave up for good (e.g. repeated "not authorised"), or null. */
    public String failure()
    {
        return failure;
    }

    /** @return what the client counts. */
    public SessionCounters counters()
    {
        return counters;
    }

    /** @return "epoll" or "nio". */
    public String transport()
    {
        return epoll ? "epoll" : "nio";
    }

    /**
     * Run something on the client's thread and wait for its answer.
     *
     * @param task to run.
     * @param <T>  its result.
     * @return its result.
     * @throws Exception whatever the task threw.
     */
    public <T> T onClientThread(final Callable<T> task) throws Exception
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

    /** @return the next sequence number the client would deliver (read on its thread). */
    public long nextSequence()
    {
        try
        {
            return onClientThread(() -> next);
        }
        catch (final Exception ex)
        {
            return -1;
        }
    }

    /**
     * The orderly stop: send Logout, close the connection, stop the thread. What was put on the
     * ring stays there; bytes not yet read are not delivered (the checkpoint stops before them).
     */
    @Override
    public void close()
    {
        if (group == null)
        {
            return;
        }
        try
        {
            onClientThread(() ->
            {
                stopping = true;
                if (channel != null && channel.isActive())
                {
                    if (loggedIn)
                    {
                        send(SoupBinTcp.putEmpty(outgoing, 0, SoupBinTcp.LOGOUT_REQUEST));
                    }
                    channel.close();
                }
                return null;
            });
        }
        catch (final Exception ex)
        {
            LOG.warn("{}: stopping: {}", where, ex.toString());
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

    private void connect()
    {
        if (stopping || ended || failure != null)
        {
            return;
        }
        tries++;
        bootstrap.connect(settings.host(), settings.port()).addListener(future ->
        {
            if (!future.isSuccess())
            {
                counters.connectFailures.increment();
                closeReason = "cannot connect (" + future.cause().getMessage() + ")";
                scheduleReconnect(false);
            }
        });
    }

    private void scheduleReconnect(final boolean error)
    {
        if (stopping || ended || failure != null)
        {
            return;
        }
        final long delay;
        if (reconnectAtOnce)
        {
            reconnectAtOnce = false;
            delay = 0;
        }
        else
        {
            delay = backoffMillis;
            backoffMillis = Math.min(backoffMillis * 2, settings.maxBackoffMillis());
            counters.reconnectWaitMillis.add(delay);
        }
        final String resume = next > 0 ? "session " + (session.isEmpty() ? "(current)" : session) + " at sequence number " + next :
            "the current session at sequence number " + settings.firstSequence();
        // One line per attempt, and attempts are spaced by a backoff that doubles up to
        // max-backoff-ms: the log cannot flood, however long the server keeps refusing.
        final String line = "{}: {}; try {} in {} ms (at {}), resuming {}";
        final Object[] arguments = {where, closeReason, tries + 1, delay, Instant.now().plusMillis(delay), resume};
        if (error)
        {
            LOG.error(line, arguments);
        }
        else
        {
            LOG.warn(line, arguments);
        }
        loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void onTimer()
    {
        final long now = clock.nanoTime();
        if (channel == null || !channel.isActive())
        {
            return;
        }
        if (paused)
        {
            process(channel);
            if (!paused)
            {
                channel.config().setAutoRead(true);
            }
        }
        if (now - lastSentNanos >= settings.heartbeatMillis() * 1_000_000L)
        {
            send(SoupBinTcp.putEmpty(outgoing, 0, SoupBinTcp.CLIENT_HEARTBEAT));
            counters.heartbeatsSent.increment();
        }
        if (!paused && now - lastReceivedNanos >= settings.timeoutMillis() * 1_000_000L)
        {
            counters.timeouts.increment();
            closeReason = "nothing received for " + settings.timeoutMillis() + " ms (soupbintcp.timeout-ms): connection closed";
            channel.close();
        }
    }

    private void send(final int length)
    {
        final ByteBuf bytes = channel.alloc().directBuffer(length);
        bytes.writeBytes(outgoing.byteArray(), 0, length);
        channel.writeAndFlush(bytes, channel.voidPromise());
        lastSentNanos = clock.nanoTime();
    }

    private void login()
    {
        requested = next > 0 ? next : settings.firstSequence();
        send(LoginRequest.encode(outgoing, 0, credentials.username(), credentials.password(),
            next > 0 ? session : settings.session(), requested));
    }

    /**
     * Deliver every complete packet in the cumulation, until the ring is full (then pause).
     */
    private void process(final Channel from)
    {
        paused = false;
        final ByteBuf in = cumulation;
        while (in != null && in.readableBytes() >= 2 && from.isActive())
        {
            final int start = in.readerIndex();
            final int packetLength = in.getUnsignedShort(start);
            if (packetLength == 0)
            {
                counters.malformed.increment();
                closeReason = "malformed packet (length 0): connection closed";
                from.close();
                return;
            }
            if (in.readableBytes() < 2 + packetLength)
            {
                return;
            }
            final byte type = in.getByte(start + 2);
            if (pendingGapTo != 0 && !deliverPendingGap())
            {
                pause(from);
                return;
            }
            if (type == SoupBinTcp.SEQUENCED_DATA && loggedIn)
            {
                if (!sequenced(in, from))
                {
                    return;
                }
                continue;
            }
            wrap(in, start, 2 + packetLength);
            switch (type)
            {
                case SoupBinTcp.SERVER_HEARTBEAT -> counters.heartbeatsReceived.increment();
                case SoupBinTcp.DEBUG -> { }
                case SoupBinTcp.LOGIN_ACCEPTED -> loginAccepted(from, 2 + packetLength);
                case SoupBinTcp.LOGIN_REJECTED -> loginRejected(from, LoginRejected.reason(view, 0, 2 + packetLength));
                case SoupBinTcp.END_OF_SESSION ->
                {
                    if (!endOfSession(from))
                    {
                        return;
                    }
                }
                default -> counters.malformed.increment();
            }
            in.readerIndex(start + 2 + packetLength);
        }
    }

    /** A run of Sequenced Data packets, claimed together. @return false if paused. */
    private boolean sequenced(final ByteBuf in, final Channel from)
    {
        // Skip what was delivered before (a server replaying from earlier than asked).
        int position = in.readerIndex();
        if (serverNext < next)
        {
            counters.duplicates.increment();
            serverNext++;
            in.readerIndex(position + 2 + in.getUnsignedShort(position));
            return true;
        }
        int count = 0;
        int scan = position;
        final int end = in.writerIndex();
        while (count < MAX_BATCH && end - scan >= 3)
        {
            final int length = in.getUnsignedShort(scan);
            if (length == 0 || end - scan < 2 + length || in.getByte(scan + 2) != SoupBinTcp.SEQUENCED_DATA)
            {
                break;
            }
            count++;
            scan += 2 + length;
        }
        count = Math.min(count, sink.capacity());
        if (!sink.tryClaim(count))
        {
            if (count == 1 || !sink.tryClaim(count = 1))
            {
                pause(from);
                return false;
            }
        }
        for (int i = 0; i < count; i++)
        {
            final int length = in.getUnsignedShort(position) - 1;
            wrap(in, position + 3, length);
            sink.message(stream, serverNext, view, 0, length, length, lastReadNanos);
            serverNext++;
            position += 3 + length;
        }
        sink.publish();
        next = serverNext;
        counters.messages.add(count);
        in.readerIndex(position);
        return true;
    }

    private void pause(final Channel from)
    {
        if (!paused)
        {
            paused = true;
            counters.ringFull.increment();
            // TCP back-pressure: the kernel's receive buffer fills, then the server's send buffer.
            from.config().setAutoRead(false);
        }
    }

    private boolean deliverPendingGap()
    {
        if (!sink.gap(stream, pendingGapFrom, pendingGapTo, LineSink.GapReason.NOT_REPLAYED, clock.nanoTime()))
        {
            return false;
        }
        pendingGapFrom = 0;
        pendingGapTo = 0;
        return true;
    }

    private boolean endOfSession(final Channel from)
    {
        if (!loggedIn)
        {
            counters.malformed.increment();
            return true;
        }
        if (!sink.endOfSession(stream, serverNext, clock.nanoTime()))
        {
            pendingEnd = true;
            pause(from);
            return false;
        }
        pendingEnd = false;
        counters.sessionsEnded.increment();
        ended = true;
        LOG.info("{}: session {} ended at sequence number {} (End of Session): disconnecting", where, session, serverNext);
        from.close();
        return true;
    }

    private void loginAccepted(final Channel from, final int length)
    {
        if (!accepted.wrap(view, 0, length))
        {
            counters.malformed.increment();
            closeReason = "malformed Login Accepted: connection closed";
            from.close();
            return;
        }
        final String acceptedSession = accepted.session();
        final long first = accepted.sequence();
        final boolean askedForSession = next > 0 && !session.isEmpty();
        if (askedForSession && !acceptedSession.equals(session))
        {
            otherSession(from, acceptedSession);
            return;
        }
        counters.loginsAccepted.increment();
        loggedIn = true;
        rejectionsInRow = 0;
        backoffMillis = settings.reconnectBackoffMillis();
        tries = 0;
        session = acceptedSession;
        sessionFromCheckpoint = false;
        stream = sink.session(String.format("%-10.10s", acceptedSession).getBytes(StandardCharsets.US_ASCII));
        serverNext = first;
        if (requested > 0 && first > requested)
        {
            pendingGapFrom = requested;
            pendingGapTo = first - 1;
            LOG.error("{}: asked for session {} from sequence number {}, the server starts at {}: {} to {} are not available " +
                "(one GAP record)", where, acceptedSession, requested, first, requested, first - 1);
        }
        next = Math.max(requested, first);
        LOG.info("{}: logged in to session {}, next sequence number {}", where, acceptedSession, first);
    }

    /** The server is on another session than the one our sequence number belongs to. */
    private void otherSession(final Channel from, final String current)
    {
        if (sessionFromCheckpoint)
        {
            LOG.warn("{}: checkpoint of session {} (next {}) not applied: the server's session is {} (a new trading day); " +
                "logging in to it from sequence number {}", where, session, next, current, settings.firstSequence());
        }
        else
        {
            LOG.error("{}: session {} is no longer offered (the server is on {}): its messages from sequence number {} are " +
                "not available; logging in to the new session from sequence number {}", where, session, current, next,
                settings.firstSequence());
        }
        sessionFromCheckpoint = false;
        session = settings.session();
        next = 0;
        reconnectAtOnce = true;
        closeReason = "switching to session " + current;
        from.close();
    }

    private void loginRejected(final Channel from, final byte reason)
    {
        counters.loginsRejected.increment();
        if (reason == LoginRejected.SESSION_NOT_AVAILABLE && next > 0 && !session.isEmpty() &&
            !session.equals(settings.session()))
        {
            otherSession(from, "(current)");
            return;
        }
        closeReason = "login rejected: " + LoginRejected.describe(reason) + " (user '" + credentials.username() + "'" +
            (reason == LoginRejected.SESSION_NOT_AVAILABLE ? ", session " + (session.isEmpty() ? "(current)" : session) : "") + ")";
        if (reason == LoginRejected.NOT_AUTHORIZED)
        {
            rejectionsInRow++;
            if (settings.maxRejections() > 0 && rejectionsInRow >= settings.maxRejections())
            {
                failure = where + ": login rejected " + rejectionsInRow + " times in a row: " + LoginRejected.describe(reason) +
                    " (user '" + credentials.username() + "'; check soupbintcp.credentials-file; soupbintcp.max-rejections = " +
                    settings.maxRejections() + ")";
                LOG.error(failure);
            }
        }
        from.close();
    }

    private void wrap(final ByteBuf in, final int index, final int length)
    {
        if (in.hasMemoryAddress())
        {
            view.wrap(in.memoryAddress() + index, length);
        }
        else
        {
            view.wrap(in.nioBuffer(index, length));
        }
    }

    /** One connection's events, on the client's thread. */
    private final class SessionHandler extends ChannelInboundHandlerAdapter
    {
        private Channel own;

        @Override
        public void channelActive(final ChannelHandlerContext ctx)
        {
            own = ctx.channel();
            channel = own;
            counters.connects.increment();
            cumulation = ctx.alloc().directBuffer(INITIAL_CUMULATION);
            loggedIn = false;
            paused = false;
            pendingEnd = false;
            closeReason = "connection closed by the server";
            lastReceivedNanos = clock.nanoTime();
            login();
        }

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            lastReadNanos = clock.nanoTime();
            lastReceivedNanos = lastReadNanos;
            final ByteBuf bytes = (ByteBuf)msg;
            try
            {
                if (cumulation.readerIndex() > cumulation.capacity() / 2)
                {
                    cumulation.discardReadBytes();
                }
                cumulation.writeBytes(bytes);
            }
            finally
            {
                bytes.release();
            }
            if (!paused)
            {
                process(own);
            }
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx)
        {
            if (cumulation != null)
            {
                cumulation.release();
                cumulation = null;
            }
            loggedIn = false;
            paused = false;
            if (channel == own)
            {
                channel = null;
            }
            if (!ended && !stopping)
            {
                counters.disconnects.increment();
                scheduleReconnect(failure != null || closeReason.startsWith("login rejected"));
            }
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            closeReason = "connection failed (" + cause.getMessage() + ")";
            ctx.close();
        }
    }

    /**
     * @param timeout how long to wait.
     * @return true if the session ended within it (tests).
     * @throws InterruptedException if interrupted.
     */
    public boolean awaitEnded(final Duration timeout) throws InterruptedException
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!ended && System.nanoTime() < deadline)
        {
            Thread.sleep(5);
        }
        return ended;
    }
}
