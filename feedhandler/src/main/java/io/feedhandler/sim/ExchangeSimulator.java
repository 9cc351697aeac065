package io.feedhandler.sim;

import io.feedhandler.config.LineSettings;
import io.feedhandler.config.Profile;
import io.feedhandler.transport.moldudp64.MoldUdp64Packet;
import io.feedhandler.transport.moldudp64.MoldUdp64PacketBuilder;
import io.feedhandler.transport.moldudp64.MoldUdp64RequestPacket;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An exchange on one machine: plays a session's messages as MoldUDP64 on line A and line B
 * multicast, each line with its own seeded loss and reordering, and serves re-requests from the
 * session's messages, as NASDAQ's re-request server does. Heartbeats while idle, end of session at
 * the end (three times, a heartbeat interval apart). What {@code feedhandler simulate} runs, and
 * what the line tests run in-process.
 *
 * <pre>
 * MessageStore --packets--> line A  (drop with p = lossA, hold back one packet with p = reorder)
 *                      \--> line B  (drop with p = lossB, never the same packet as A if exclusive)
 * re-request server <--request (session, sequence, count)-- handler
 *                   --one datagram of the asked messages-->
 * </pre>
 *
 * <p>Loss and reordering apply to data packets only: heartbeats and end of session always go out.
 */
public final class ExchangeSimulator implements AutoCloseable
{
    private static final Logger LOG = LogManager.getLogger(ExchangeSimulator.class);
    private static final int END_OF_SESSION_REPEATS = 3;

    /**
     * What to simulate.
     *
     * @param session               10-character session name (padded with spaces).
     * @param lineA                 line A's group and port.
     * @param lineB                 line B's group and port.
     * @param networkInterface      interface the packets leave by (lo for loopback).
     * @param retransmission        address the re-request server listens on.
     * @param rate                  messages per second, 0: as fast as possible.
     * @param lossA                 fraction of data packets line A drops.
     * @param lossB                 fraction of data packets line B drops.
     * @param exclusiveLoss         B never drops a packet A dropped (together the lines carry everything).
     * @param reorder               fraction of packets held back behind the next one, per line.
     * @param seed                  of the loss and reordering.
     * @param heartbeatMillis       heartbeat interval while idle.
     * @param answerRequests        false: a re-request server that never answers.
     * @param maxMessagesPerPacket  messages per packet at most (and at most 1400 bytes of blocks).
     */
    public record Settings(String session, InetSocketAddress lineA, InetSocketAddress lineB, String networkInterface,
        InetSocketAddress retransmission, long rate, double lossA, double lossB, boolean exclusiveLoss, double reorder,
        long seed, long heartbeatMillis, boolean answerRequests, int maxMessagesPerPacket)
    {
        /**
         * The profile's lines and re-request port, no loss, no reordering.
         *
         * @param profile whose {@code lines} and {@code retransmission} sections to serve.
         * @param session the session name.
         * @return settings to adjust with the record's {@code with...} copies.
         */
        public static Settings of(final Profile profile, final String session)
        {
            final LineSettings lines = profile.lines();
            return new Settings(session, new InetSocketAddress(lines.a().group(), lines.a().port()),
                new InetSocketAddress(lines.b().group(), lines.b().port()), lines.a().networkInterface(),
                new InetSocketAddress(profile.retransmission().host(), profile.retransmission().port()),
                0, 0, 0, false, 0, 1, 1000, true, 32);
        }

        /**
         * @param rate    messages per second (0: flat out).
         * @param lossA   line A's loss.
         * @param lossB   line B's loss.
         * @param exclusive B never drops what A dropped.
         * @param reorder fraction held back one packet.
         * @param seed    of the randomness.
         * @return a copy with these.
         */
        public Settings with(final long rate, final double lossA, final double lossB, final boolean exclusive,
            final double reorder, final long seed)
        {
            return new Settings(session, lineA, lineB, networkInterface, retransmission, rate, lossA, lossB, exclusive,
                reorder, seed, heartbeatMillis, answerRequests, maxMessagesPerPacket);
        }

        /**
         * @param heartbeat heartbeat interval in ms.
         * @param answer    whether the re-request server answers.
         * @param perPacket messages per packet at most.
         * @return a copy with these.
         */
        public Settings with(final long heartbeat, final boolean answer, final int perPacket)
        {
            return new Settings(session, lineA, lineB, networkInterface, retransmission, rate, lossA, lossB, exclusiveLoss,
                reorder, seed, heartbeat, answer, perPacket);
        }
    }

    /** A re-request the server received. */
    public record Request(long sequence, int count)
    {
    }

    private final Settings settings;
    private final MessageStore store;
    private final byte[] session;
    private final MoldUdp64PacketBuilder builder = new MoldUdp64PacketBuilder(MoldUdp64PacketBuilder.DEFAULT_MAX_LENGTH);
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dataPackets = new AtomicLong();
    private final AtomicLong answers = new AtomicLong();
    private final long[] dropped = new long[2];
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<long[]> lostOnBoth = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int burstEvery;
    private volatile int burstLength;
    private volatile long answerDelayMillis;
    private volatile boolean answering = true;
    private volatile int garbageEvery;
    private final AtomicLong garbageSent = new AtomicLong();
    private DatagramChannel multicast;
    private DatagramChannel server;
    private Thread publisher;
    private Thread responder;
    private volatile boolean closed;

    /**
     * @param settings what to simulate.
     * @param store    the session's messages.
     */
    public ExchangeSimulator(final Settings settings, final MessageStore store)
    {
        this.settings = settings;
        this.store = store;
        this.session = String.format("%-10.10s", settings.session()).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Open the sockets and start playing.
     *
     * @return this.
     * @throws IOException if the interface is unknown or a socket cannot be opened or bound.
     */
    public ExchangeSimulator start() throws IOException
    {
        final NetworkInterface networkInterface = NetworkInterface.getByName(settings.networkInterface());
        if (networkInterface == null)
        {
            throw new IOException("simulator: no network interface named " + settings.networkInterface());
        }
        multicast = DatagramChannel.open(StandardProtocolFamily.INET);
        // Without IP_MULTICAST_IF the packets leave by the default route (eth0), not by lo.
        multicast.setOption(StandardSocketOptions.IP_MULTICAST_IF, networkInterface);
        multicast.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
        multicast.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1);
        multicast.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
        server = DatagramChannel.open(StandardProtocolFamily.INET);
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        try
        {
            server.bind(settings.retransmission());
        }
        catch (final IOException ex)
        {
            close();
            throw new IOException("simulator: cannot serve re-requests on " + settings.retransmission() + ": " + ex.getMessage(), ex);
        }
        responder = new Thread(this::serve, "simulator-retransmission");
        responder.setDaemon(true);
        responder.start();
        publisher = new Thread(this::play, "simulator-lines");
        publisher.setDaemon(true);
        publisher.start();
        return this;
    }

    /**
     * Wait until the whole session, end of session included, has been played.
     *
     * @param timeout at most.
     * @param unit    of the timeout.
     * @return true if it has.
     * @throws InterruptedException if interrupted.
     */
    public boolean awaitFinished(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return finished.await(timeout, unit);
    }

    /** @return the re-requests received so far, in order. */
    public List<Request> requests()
    {
        return new ArrayList<>(requests);
    }

    /**
     * Fault injection: both lines drop the same {@code length} consecutive data packets out of every
     * {@code every} (a burst lost on both lines: only the re-request server has it), on top of the
     * seeded loss. Call before {@link #start()}.
     *
     * @param every  packets per cycle (0: no bursts).
     * @param length packets lost at the start of each cycle, after the first cycle.
     * @return this.
     */
    public ExchangeSimulator lossBursts(final int every, final int length)
    {
        this.burstEvery = every;
        this.burstLength = length;
        return this;
    }

    /**
     * Fault injection: a slow re-request server; each answer is sent this long after its request
     * arrived (requests are served one after the other, so a queue of them waits longer).
     *
     * @param millis the delay; 0: at once.
     * @return this.
     */
    public ExchangeSimulator answerDelay(final long millis)
    {
        this.answerDelayMillis = millis;
        return this;
    }

    /**
     * Fault injection: after every {@code every}-th data packet, line A also carries one seeded
     * garbage datagram that no MoldUDP64 parser accepts: shorter than the header, a header of this
     * session whose block runs past the end, or a long one (over 128 bytes) whose first block does.
     * Call before {@link #start()}.
     *
     * @param every data packets per garbage datagram (0: none).
     * @return this.
     */
    public ExchangeSimulator garbageOnLineA(final int every)
    {
        this.garbageEvery = every;
        return this;
    }

    /** @return garbage datagrams sent on line A. */
    public long garbageSent()
    {
        return garbageSent.get();
    }

    /** Fault injection: from now on the re-request server still receives requests but never answers. */
    public void stopAnswering()
    {
        answering = false;
    }

    /** @return the sequence ranges (first, last) of the data packets that neither line carried. */
    public List<long[]> lostOnBoth()
    {
        return List.copyOf(lostOnBoth);
    }

    /** @return the highest sequence number played so far. */
    public long publishedSequence()
    {
        return published.get();
    }

    /** @return answers sent. */
    public long answers()
    {
        return answers.get();
    }

    /** @return data packets played (each on both lines, less the drops). */
    public long dataPackets()
    {
        return dataPackets.get();
    }

    /**
     * @param line 0 for A, 1 for B.
     * @return data packets that line dropped.
     */
    public synchronized long dropped(final int line)
    {
        return dropped[line];
    }

    /** @return the session's messages. */
    public MessageStore store()
    {
        return store;
    }

    /** @return the session name as sent (10 bytes). */
    public byte[] session()
    {
        return session.clone();
    }

    @Override
    public void close()
    {
        closed = true;
        for (final DatagramChannel channel : new DatagramChannel[] {multicast, server})
        {
            try
            {
                if (channel != null)
                {
                    channel.close();
                }
            }
            catch (final IOException ex)
            {
                LOG.debug("closing a simulator socket", ex);
            }
        }
        for (final Thread thread : new Thread[] {publisher, responder})
        {
            if (thread != null && thread != Thread.currentThread())
            {
                try
                {
                    thread.join(5000);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void play()
    {
        final Line a = new Line(0, settings.lineA(), new Random(settings.seed()));
        final Line b = new Line(1, settings.lineB(), new Random(settings.seed() * 31 + 7));
        final long heartbeatNanos = TimeUnit.MILLISECONDS.toNanos(settings.heartbeatMillis());
        final Random garbageRandom = new Random(settings.seed() * 17 + 3);
        try
        {
            final long start = System.nanoTime();
            long lastSent = start;
            long sequence = 1;
            while (sequence <= store.count() && !closed)
            {
                builder.begin(session, sequence);
                int n = 0;
                while (sequence + n <= store.count() && n < settings.maxMessagesPerPacket() &&
                    builder.add(store.buffer(), store.offset(sequence + n), store.length(sequence + n)))
                {
                    n++;
                }
                if (settings.rate() > 0)
                {
                    final long due = start + (sequence - 1) * 1_000_000_000L / settings.rate();
                    long now;
                    while ((now = System.nanoTime()) < due && !closed)
                    {
                        if (now - lastSent >= heartbeatNanos)
                        {
                            controlPacket(false, sequence);
                            lastSent = now;
                        }
                        LockSupport.parkNanos(Math.min(due - now, 100_000L));
                    }
                }
                published.set(sequence + n - 1);
                final long packet = dataPackets.get();
                final boolean burst = burstEvery > 0 && packet >= burstEvery && packet % burstEvery < burstLength;
                final boolean dropA = a.random.nextDouble() < settings.lossA() || burst;
                final boolean dropB = b.random.nextDouble() < settings.lossB() && !(settings.exclusiveLoss() && dropA) || burst;
                if (dropA && dropB)
                {
                    final long[] last = lostOnBoth.isEmpty() ? null : lostOnBoth.get(lostOnBoth.size() - 1);
                    if (last != null && last[1] == sequence - 1)
                    {
                        lostOnBoth.set(lostOnBoth.size() - 1, new long[] {last[0], sequence + n - 1});
                    }
                    else
                    {
                        lostOnBoth.add(new long[] {sequence, sequence + n - 1});
                    }
                }
                a.send(dropA);
                b.send(dropB);
                if (garbageEvery > 0 && (dataPackets.get() + 1) % garbageEvery == 0)
                {
                    garbage(garbageRandom, sequence + n);
                }
                dataPackets.incrementAndGet();
                lastSent = System.nanoTime();
                sequence += n;
            }
            a.flush();
            b.flush();
            for (int i = 0; i < END_OF_SESSION_REPEATS && !closed; i++)
            {
                controlPacket(false, sequence);
                LockSupport.parkNanos(heartbeatNanos);
                controlPacket(true, sequence);
                LockSupport.parkNanos(heartbeatNanos);
            }
            finished.countDown();
        }
        catch (final ClosedChannelException ex)
        {
            // closed while playing
        }
        catch (final IOException ex)
        {
            LOG.error("simulator: sending failed: {}", ex.toString());
        }
    }

    private void garbage(final Random random, final long next) throws IOException
    {
        final int kind = random.nextInt(3);
        final byte[] bytes;
        if (kind == 0)
        {
            bytes = new byte[1 + random.nextInt(MoldUdp64Packet.HEADER_LENGTH - 1)];
            random.nextBytes(bytes);
        }
        else
        {
            // A header of this session announcing blocks, the first of which is longer than what follows.
            bytes = new byte[kind == 1 ? MoldUdp64Packet.HEADER_LENGTH + 2 + random.nextInt(40) : 200 + random.nextInt(300)];
            random.nextBytes(bytes);
            final ByteBuffer header = ByteBuffer.wrap(bytes);
            header.put(session).putLong(next).putShort((short)(1 + random.nextInt(3)));
            header.putShort((short)(bytes.length - MoldUdp64Packet.HEADER_LENGTH + random.nextInt(1000)));
        }
        multicast.send(ByteBuffer.wrap(bytes), settings.lineA());
        garbageSent.incrementAndGet();
    }

    private void controlPacket(final boolean endOfSession, final long next) throws IOException
    {
        if (endOfSession)
        {
            builder.endOfSession(session, next);
        }
        else
        {
            builder.heartbeat(session, next);
        }
        final ByteBuffer packet = ByteBuffer.wrap(builder.buffer().byteArray(), 0, builder.length());
        multicast.send(packet, settings.lineA());
        packet.rewind();
        multicast.send(packet, settings.lineB());
    }

    private void serve()
    {
        final ByteBuffer in = ByteBuffer.allocate(2048);
        final UnsafeBuffer view = new UnsafeBuffer(in.array());
        final MoldUdp64RequestPacket request = new MoldUdp64RequestPacket();
        final MoldUdp64PacketBuilder answer = new MoldUdp64PacketBuilder(MoldUdp64PacketBuilder.DEFAULT_MAX_LENGTH);
        final byte[] asked = new byte[MoldUdp64Packet.SESSION_LENGTH];
        while (!closed)
        {
            try
            {
                in.clear();
                final SocketAddress from = server.receive(in);
                if (!request.wrap(view, 0, in.position()))
                {
                    continue;
                }
                request.session(asked);
                final long first = request.sequenceNumber();
                final int count = request.messageCount();
                requests.add(new Request(first, count));
                if (!settings.answerRequests() || !answering || !java.util.Arrays.equals(asked, session) || first < 1 ||
                    first > published.get())
                {
                    continue;
                }
                if (answerDelayMillis > 0)
                {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(answerDelayMillis));
                }
                // One datagram per request, as a real server: the client asks again for the rest.
                answer.begin(session, first);
                final long last = Math.min(first + count - 1, published.get());
                for (long s = first; s <= last && answer.add(store.buffer(), store.offset(s), store.length(s)); s++)
                {
                    // added
                }
                server.send(ByteBuffer.wrap(answer.buffer().byteArray(), 0, answer.length()), from);
                answers.incrementAndGet();
            }
            catch (final ClosedChannelException ex)
            {
                return;
            }
            catch (final IOException ex)
            {
                LOG.warn("simulator: re-request server: {}", ex.toString());
            }
        }
    }

    /** One line: its randomness and the packet it holds back to reorder. */
    private final class Line
    {
        private final int index;
        private final InetSocketAddress group;
        private final Random random;
        private final byte[] heldBack = new byte[MoldUdp64PacketBuilder.DEFAULT_MAX_LENGTH];
        private int heldBackLength = -1;

        Line(final int index, final InetSocketAddress group, final Random random)
        {
            this.index = index;
            this.group = group;
            this.random = random;
        }

        void send(final boolean drop) throws IOException
        {
            final boolean holdBack = random.nextDouble() < settings.reorder();
            if (drop)
            {
                synchronized (ExchangeSimulator.this)
                {
                    dropped[index]++;
                }
                return;
            }
            if (heldBackLength < 0 && holdBack)
            {
                heldBackLength = builder.length();
                System.arraycopy(builder.buffer().byteArray(), 0, heldBack, 0, heldBackLength);
                return;
            }
            multicast.send(ByteBuffer.wrap(builder.buffer().byteArray(), 0, builder.length()), group);
            flush();
        }

        void flush() throws IOException
        {
            if (heldBackLength >= 0)
            {
                multicast.send(ByteBuffer.wrap(heldBack, 0, heldBackLength), group);
                heldBackLength = -1;
            }
        }
    }
}
