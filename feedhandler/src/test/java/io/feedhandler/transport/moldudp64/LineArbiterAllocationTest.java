package io.feedhandler.transport.moldudp64;

import io.feedhandler.itch50.AllocationMeter;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * "No allocation per message on the receive path", guarded: packets through the arbiter in
 * order, out of order (reorder buffer, a missing range opened and filled by the other line) and
 * duplicated allocate nothing in steady state. (Netty's own per-datagram objects are outside this.)
 */
class LineArbiterAllocationTest
{
    private static final byte[] SESSION = "ALLOC00001".getBytes(StandardCharsets.US_ASCII);

    /** Counts what it is given, keeps nothing. */
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
        public boolean gap(final int stream, final long from, final long to, final GapReason reason, final long nowNanos)
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

    private final CountingSink sink = new CountingSink();
    private final LineCounters counters = new LineCounters();
    private final LineArbiter arbiter = new LineArbiter(sink, new RetransmissionRequester((request, length) ->
    {
    }, counters, 1000, 1000, 1000, 3, 8, 64), counters, false, 4096, 60_000, 1);
    private final MoldUdp64PacketBuilder builder = new MoldUdp64PacketBuilder(MoldUdp64PacketBuilder.DEFAULT_MAX_LENGTH);
    private final UnsafeBuffer[] packets = new UnsafeBuffer[2];
    private final int[] lengths = new int[2];
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[36]);
    private long next = 1;
    private long now = 1_000_000_000L;

    private UnsafeBuffer packet(final int index, final long first, final int count)
    {
        if (packets[index] == null)
        {
            packets[index] = new UnsafeBuffer(new byte[MoldUdp64PacketBuilder.DEFAULT_MAX_LENGTH]);
        }
        builder.begin(SESSION, first);
        for (int i = 0; i < count; i++)
        {
            message.putLong(0, first + i, ByteOrder.BIG_ENDIAN);
            builder.add(message, 0, message.capacity());
        }
        packets[index].putBytes(0, builder.buffer(), 0, builder.length());
        lengths[index] = builder.length();
        return packets[index];
    }

    private void round()
    {
        // In order on A, duplicate on B.
        for (int i = 0; i < 100; i++)
        {
            packet(0, next, 30);
            arbiter.onPacket(LineArbiter.LINE_A, packets[0], 0, lengths[0], now++);
            arbiter.onPacket(LineArbiter.LINE_B, packets[0], 0, lengths[0], now++);
            next += 30;
        }
        // A skips a packet, B fills it: the next packet waits in the reorder buffer meanwhile.
        for (int i = 0; i < 100; i++)
        {
            packet(0, next, 30);
            packet(1, next + 30, 30);
            arbiter.onPacket(LineArbiter.LINE_A, packets[1], 0, lengths[1], now++);
            arbiter.onPacket(LineArbiter.LINE_B, packets[0], 0, lengths[0], now++);
            arbiter.onPacket(LineArbiter.LINE_B, packets[1], 0, lengths[1], now++);
            next += 60;
        }
        arbiter.onTimer(now);
    }

    @Test
    void shouldAllocateNothingPerPacketInOrderOutOfOrderOrDuplicated()
    {
        round();
        assertEquals(0, AllocationMeter.steadyStateAllocation(this::round));
        assertEquals(next - 1, sink.messages);
        assertEquals(0, arbiter.held());
    }
}
