package io.feedhandler.bench.moldudp64;

import io.feedhandler.bench.itch50.BenchmarkData;
import io.feedhandler.transport.moldudp64.LineArbiter;
import io.feedhandler.transport.moldudp64.LineCounters;
import io.feedhandler.transport.moldudp64.LineSink;
import io.feedhandler.transport.moldudp64.MoldUdp64Packet;
import io.feedhandler.transport.moldudp64.MoldUdp64PacketBuilder;
import io.feedhandler.transport.moldudp64.RetransmissionRequester;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The live line's receive path without sockets, in messages per second: MoldUDP64 packets of the
 * real NASDAQ sample (its 1,000 messages packed as a feed packs them, up to 1,400 bytes a packet),
 * given to {@link LineArbiter#onPacket} as the line thread does, into a sink that only counts (the
 * ring side is {@code PipelineRingBenchmark}'s). Each invocation handles one packet; its sequence
 * number is rewritten so that numbers keep rising across the loop.
 *
 * <ul>
 *   <li>{@code decodePacket}: the packet header and every message block walked (the decode alone).</li>
 *   <li>{@code arbitrateFirstCopyAndDuplicate}: line A's copy wins, line B's copy of the same
 *       packet is counted as a duplicate: the steady state of two healthy lines.</li>
 *   <li>{@code arbitrateAcrossAGap}: line A loses every other packet and line B fills it, so each
 *       of A's packets waits in the reorder buffer until B's arrives: the gap path.</li>
 * </ul>
 * Operations are messages. Run with {@code -prof gc}: all three 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Dagrona.disable.bounds.checks=true", "-Xmx1g"})
public class LineArbiterBenchmark
{
    /** Messages per packet here (the real sample's mix packs about 30 into 1,400 bytes; fixed so ops/s is messages/s). */
    public static final int MESSAGES_PER_PACKET = 20;

    /** Packets prebuilt from the sample (it wraps: 256 x 20 messages cover it five times over). */
    private static final int PACKETS = 256;
    private static final byte[] SESSION = "BENCH00001".getBytes(StandardCharsets.US_ASCII);

    private final MoldUdp64Packet packet = new MoldUdp64Packet();
    private final CountingSink sink = new CountingSink();
    private UnsafeBuffer[] packets;
    private int[] lengths;
    private int cursor;
    private long next;
    private long now;
    private LineArbiter arbiter;

    /** Counts messages; the ring always has room. */
    private static final class CountingSink implements LineSink
    {
        long messages;

        @Override
        public int session(final byte[] session)
        {
            return 0;
        }

        @Override
        public int capacity()
        {
            return 1 << 16;
        }

        @Override
        public boolean tryClaim(final int count)
        {
            return true;
        }

        @Override
        public void message(final int stream, final long sequence, final DirectBuffer buffer, final int offset,
            final int storedLength, final int length, final long receiveNanos)
        {
            messages++;
        }

        @Override
        public void publish()
        {
        }

        @Override
        public boolean gap(final int stream, final long from, final long to, final LineSink.GapReason reason, final long nowNanos)
        {
            return true;
        }

        @Override
        public boolean shed(final int stream, final long from, final long to, final long nowNanos)
        {
            return true;
        }

        @Override
        public boolean staleLine(final int stream, final int line, final long nextExpected, final long nowNanos)
        {
            return true;
        }

        @Override
        public boolean endOfSession(final int stream, final long next, final long nowNanos)
        {
            return true;
        }
    }

    /**
     * Pack the real sample into {@value #PACKETS} packets and start an arbiter as the lines build it.
     *
     * @throws IOException if the bundled sample cannot be read.
     */
    @Setup
    public void setUp() throws IOException
    {
        final byte[] day = BenchmarkData.load("real-sample");
        final UnsafeBuffer buffer = new UnsafeBuffer(day);
        final MoldUdp64PacketBuilder builder = new MoldUdp64PacketBuilder(MoldUdp64PacketBuilder.DEFAULT_MAX_LENGTH);
        final List<UnsafeBuffer> packed = new ArrayList<>();
        final List<Integer> packedLengths = new ArrayList<>();
        int position = 0;
        long sequence = 1;
        for (int built = 0; built < PACKETS; built++)
        {
            builder.begin(SESSION, sequence);
            int inPacket = 0;
            while (inPacket < MESSAGES_PER_PACKET)
            {
                if (position + 2 > day.length)
                {
                    position = 0;
                }
                final int length = ((day[position] & 0xFF) << 8) | (day[position + 1] & 0xFF);
                if (!builder.add(buffer, position + 2, length))
                {
                    throw new IllegalStateException(MESSAGES_PER_PACKET + " messages do not fit a packet");
                }
                position += 2 + length;
                inPacket++;
            }
            final UnsafeBuffer copy = new UnsafeBuffer(new byte[builder.length()]);
            copy.putBytes(0, builder.buffer(), 0, builder.length());
            packed.add(copy);
            packedLengths.add(builder.length());
            sequence += MESSAGES_PER_PACKET;
        }
        packets = packed.toArray(UnsafeBuffer[]::new);
        lengths = packedLengths.stream().mapToInt(Integer::intValue).toArray();
        final LineCounters counters = new LineCounters();
        arbiter = new LineArbiter(sink, new RetransmissionRequester((request, length) ->
        {
        }, counters, 60_000, 60_000, 60_000, 3, 8, 64), counters, false, 65_536, 60_000, 1);
        next = 1;
        now = 1_000_000_000L;
    }

    /** @return messages in the packet, so nothing is optimised away. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES_PER_PACKET)
    public int decodePacket()
    {
        final UnsafeBuffer next = nextPacket();
        packet.wrap(next, 0, lengths[cursor]);
        int blocks = packet.blockCount();
        int block = packet.firstBlock();
        int bytes = 0;
        while (blocks-- > 0)
        {
            bytes += packet.blockLength(block);
            block = packet.nextBlock(block);
        }
        return bytes;
    }

    /** @return messages handed to the sink so far. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES_PER_PACKET)
    public long arbitrateFirstCopyAndDuplicate()
    {
        final UnsafeBuffer copy = nextPacket();
        arbiter.onPacket(LineArbiter.LINE_A, copy, 0, lengths[cursor], now++);
        arbiter.onPacket(LineArbiter.LINE_B, copy, 0, lengths[cursor], now++);
        return sink.messages;
    }

    /** @return messages handed to the sink so far. */
    @Benchmark
    @OperationsPerInvocation(2 * MESSAGES_PER_PACKET)
    public long arbitrateAcrossAGap()
    {
        final UnsafeBuffer lost = nextPacket();
        final int lostLength = lengths[cursor];
        final UnsafeBuffer after = nextPacket();
        arbiter.onPacket(LineArbiter.LINE_A, after, 0, lengths[cursor], now++);
        arbiter.onPacket(LineArbiter.LINE_B, lost, 0, lostLength, now++);
        arbiter.onPacket(LineArbiter.LINE_B, after, 0, lengths[cursor], now++);
        return sink.messages;
    }

    /** The next prebuilt packet, its sequence number set to where the arbiter is. */
    private UnsafeBuffer nextPacket()
    {
        cursor = cursor + 1 == packets.length ? 0 : cursor + 1;
        final UnsafeBuffer next = packets[cursor];
        next.putLong(MoldUdp64Packet.SEQUENCE_OFFSET, this.next, ByteOrder.BIG_ENDIAN);
        this.next += MESSAGES_PER_PACKET;
        return next;
    }
}
