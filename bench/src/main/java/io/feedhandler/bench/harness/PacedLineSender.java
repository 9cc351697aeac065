package io.feedhandler.bench.harness;

import io.feedhandler.sim.MessageStore;
import io.feedhandler.transport.moldudp64.MoldUdp64Packet;
import io.feedhandler.transport.moldudp64.MoldUdp64PacketBuilder;
import io.feedhandler.transport.moldudp64.MoldUdp64RequestPacket;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The latency harness's exchange: plays a session's messages as MoldUDP64 on line A and line B
 * (every packet on both, no loss) on a fixed schedule, and stamps each message's ITCH timestamp
 * with the time its packet was <em>intended</em> to go (nanoseconds since midnight UTC of the
 * handler's clock), which {@code StageLatencies.Origin.INTENDED_SEND_TIME} measures from.
 *
 * <p>Not {@code ExchangeSimulator}: its pacing parks in 100 µs steps (late by the timer slack on
 * every packet) and it stamps nothing; this one spins the last few µs ({@link Pacer}) and records
 * its own lateness, so a reader can tell the sender's delay from the handler's.
 *
 * <p>Runs on the caller's thread. Messages are taken from the store in a cycle, so a run can be
 * longer than the store; sequence numbers keep rising. A re-request server answers from the same
 * messages with their original stamps, so a message lost on both lines and recovered is charged
 * all its delay (two cores shared with a broker do drop packets on loopback).
 */
final class PacedLineSender implements AutoCloseable
{
    private static final long DAY_NANOS = TimeUnit.DAYS.toNanos(1);
    private static final int ITCH_TIMESTAMP_OFFSET = 5;
    private static final int STAMPS = 1 << 22;

    private final MessageStore store;
    private final byte[] session;
    private final InetSocketAddress lineA;
    private final InetSocketAddress lineB;
    private final int messagesPerPacket;
    private final EpochNanoClock clock;
    private final DatagramChannel channel;
    private final MoldUdp64PacketBuilder builder = new MoldUdp64PacketBuilder(MoldUdp64PacketBuilder.DEFAULT_MAX_LENGTH);
    private final MoldUdp64PacketBuilder heartbeat = new MoldUdp64PacketBuilder(MoldUdp64Packet.HEADER_LENGTH);
    private final ByteBuffer packet;
    private final long[] stamps = new long[STAMPS];
    private final DatagramChannel server;
    private final Thread responder;
    private long next = 1;
    private volatile long published;
    private volatile long answers;

    /** What one {@link #play} did. */
    record Played(long messages, long packets, long elapsedNanos, Histogram latenessNanos)
    {
        double messagesPerSecond()
        {
            return messages / (elapsedNanos / 1e9);
        }
    }

    /**
     * @param store             the messages, played in a cycle.
     * @param session           session name.
     * @param lineA             line A's group and port.
     * @param lineB             line B's group and port.
     * @param networkInterface  the interface packets leave by (lo).
     * @param retransmission    where re-requests are served.
     * @param messagesPerPacket messages per packet at most.
     * @param clock             the handler's epoch clock: the stamps and the schedule.
     * @throws IOException if the socket cannot be opened.
     */
    PacedLineSender(final MessageStore store, final String session, final InetSocketAddress lineA,
        final InetSocketAddress lineB, final String networkInterface, final InetSocketAddress retransmission,
        final int messagesPerPacket, final EpochNanoClock clock) throws IOException
    {
        this.store = store;
        this.session = String.format("%-10.10s", session).getBytes(StandardCharsets.US_ASCII);
        this.lineA = lineA;
        this.lineB = lineB;
        this.messagesPerPacket = messagesPerPacket;
        this.clock = clock;
        final NetworkInterface out = NetworkInterface.getByName(networkInterface);
        if (out == null)
        {
            throw new IOException("no network interface named " + networkInterface);
        }
        channel = DatagramChannel.open(StandardProtocolFamily.INET);
        // Without IP_MULTICAST_IF the packets leave by the default route, not by lo.
        channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, out);
        channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
        channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
        packet = ByteBuffer.wrap(builder.buffer().byteArray());
        server = DatagramChannel.open(StandardProtocolFamily.INET);
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(retransmission);
        responder = new Thread(this::serve, "harness-retransmission");
        responder.setDaemon(true);
        responder.start();
    }

    /** @return re-requests answered. */
    long answers()
    {
        return answers;
    }

    /** @return the sequence number of the next message. */
    long next()
    {
        return next;
    }

    /**
     * Play {@code messages} messages: a packet of up to {@code messagesPerPacket} is due when its
     * first message is, message {@code i} at {@code start + i / rate}.
     *
     * @param rate     messages per second; 0: flat out, each packet stamped with the time it goes
     *                 (as soon as {@code hold} allows).
     * @param messages how many.
     * @param hold     flat out only: true while the sender must wait (the handler's window is full).
     * @return what was played, and how late each packet went after its due time.
     * @throws IOException if sending fails.
     */
    Played play(final long rate, final long messages, final BooleanSupplier hold) throws IOException
    {
        final Histogram lateness = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        final long start = clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
        long sent = 0;
        long packets = 0;
        final int[] offsets = new int[messagesPerPacket];
        while (sent < messages)
        {
            // Fill the packet first (as many as fit in 1,400 bytes, up to messagesPerPacket), then wait for it to be due.
            builder.begin(session, next);
            int count = 0;
            int offset = MoldUdp64Packet.HEADER_LENGTH;
            while (count < messagesPerPacket && sent + count < messages)
            {
                final long sequence = (next + count - 1) % store.count() + 1;
                if (!builder.add(store.buffer(), store.offset(sequence), store.length(sequence)))
                {
                    break;
                }
                offsets[count++] = offset + 2;
                offset += 2 + store.length(sequence);
            }
            final long due;
            if (rate > 0)
            {
                due = start + (long)(sent * 1e9 / rate);
                Pacer.awaitDue(clock, due);
            }
            else
            {
                // Park, not spin: flat out the handler is the bottleneck, and a spinning sender
                // would take a core from it. A long wait still sends heartbeats (a packet of their own).
                long waitingSince = 0;
                while (hold.getAsBoolean())
                {
                    final long now = System.nanoTime();
                    if (waitingSince == 0)
                    {
                        waitingSince = now;
                    }
                    else if (now - waitingSince > TimeUnit.MILLISECONDS.toNanos(100))
                    {
                        heartbeat.heartbeat(session, next);
                        sendHeartbeat();
                        waitingSince = now;
                    }
                    LockSupport.parkNanos(1);
                }
                due = clock.nanoTime();
            }
            final long stamp = Math.floorMod(due, DAY_NANOS);
            for (int i = 0; i < count; i++)
            {
                stamp(builder.buffer(), offsets[i], stamp);
                stamps[(int)((next + i) & (STAMPS - 1))] = stamp;
            }
            published = next + count - 1;
            lateness.recordValue(Math.min(lateness.getHighestTrackableValue(), clock.nanoTime() - due));
            send(lineA);
            send(lineB);
            next += count;
            sent += count;
            packets++;
        }
        return new Played(sent, packets, clock.nanoTime() - start, lateness);
    }

    /**
     * Send heartbeats every 100 ms until {@code done}, so the lines are not taken for stale.
     *
     * @param done    when to stop.
     * @param timeout at most this long.
     * @return true if {@code done} said so in time.
     * @throws IOException if sending fails.
     */
    boolean idleUntil(final BooleanSupplier done, final long timeout, final TimeUnit unit) throws IOException
    {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        long lastHeartbeat = 0;
        while (!done.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                return false;
            }
            if (System.nanoTime() - lastHeartbeat > TimeUnit.MILLISECONDS.toNanos(100))
            {
                builder.heartbeat(session, next);
                send(lineA);
                send(lineB);
                lastHeartbeat = System.nanoTime();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }

    /**
     * @throws IOException if sending fails.
     */
    void endOfSession() throws IOException
    {
        for (int i = 0; i < 3; i++)
        {
            builder.endOfSession(session, next);
            send(lineA);
            send(lineB);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static void stamp(final UnsafeBuffer packet, final int messageOffset, final long stamp)
    {
        packet.putShort(messageOffset + ITCH_TIMESTAMP_OFFSET, (short)(stamp >>> 32), ByteOrder.BIG_ENDIAN);
        packet.putInt(messageOffset + ITCH_TIMESTAMP_OFFSET + 2, (int)stamp, ByteOrder.BIG_ENDIAN);
    }

    /** Answer each re-request with one datagram of the asked messages, as NASDAQ's server does. */
    private void serve()
    {
        final ByteBuffer in = ByteBuffer.allocate(2048);
        final UnsafeBuffer view = new UnsafeBuffer(in.array());
        final MoldUdp64RequestPacket request = new MoldUdp64RequestPacket();
        final MoldUdp64PacketBuilder answer = new MoldUdp64PacketBuilder(MoldUdp64PacketBuilder.DEFAULT_MAX_LENGTH);
        while (true)
        {
            try
            {
                in.clear();
                final SocketAddress from = server.receive(in);
                if (!request.wrap(view, 0, in.position()))
                {
                    continue;
                }
                final long first = request.sequenceNumber();
                final long last = Math.min(first + request.messageCount() - 1, published);
                if (first < 1 || first > last)
                {
                    continue;
                }
                answer.begin(session, first);
                int offset = MoldUdp64Packet.HEADER_LENGTH;
                for (long s = first; s <= last; s++)
                {
                    final long sequence = (s - 1) % store.count() + 1;
                    if (!answer.add(store.buffer(), store.offset(sequence), store.length(sequence)))
                    {
                        break;
                    }
                    stamp(answer.buffer(), offset + 2, stamps[(int)(s & (STAMPS - 1))]);
                    offset += 2 + store.length(sequence);
                }
                server.send(ByteBuffer.wrap(answer.buffer().byteArray(), 0, answer.length()), from);
                answers++;
            }
            catch (final ClosedChannelException ex)
            {
                return;
            }
            catch (final IOException ex)
            {
                System.err.println("harness re-request server: " + ex);
            }
        }
    }

    private void sendHeartbeat() throws IOException
    {
        final ByteBuffer bytes = ByteBuffer.wrap(heartbeat.buffer().byteArray(), 0, heartbeat.length());
        channel.send(bytes, lineA);
        bytes.rewind();
        channel.send(bytes, lineB);
    }

    private void send(final InetSocketAddress line) throws IOException
    {
        packet.clear().limit(builder.length());
        channel.send(packet, line);
    }

    @Override
    public void close() throws IOException
    {
        channel.close();
        server.close();
    }
}
