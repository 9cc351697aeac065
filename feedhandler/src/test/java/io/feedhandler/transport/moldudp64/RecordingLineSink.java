package io.feedhandler.transport.moldudp64;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A {@link LineSink} that records what it is told as short strings, with a ring whose room tests set. */
final class RecordingLineSink implements LineSink
{
    final List<String> events = new ArrayList<>();
    final List<Long> sequences = new ArrayList<>();
    final List<String> sessions = new ArrayList<>();
    int room = Integer.MAX_VALUE;
    int capacity = 1 << 16;
    private int claimed;

    @Override
    public int session(final byte[] session)
    {
        sessions.add(new String(session, StandardCharsets.US_ASCII).strip());
        return sessions.size() - 1;
    }

    @Override
    public int capacity()
    {
        return capacity;
    }

    @Override
    public boolean tryClaim(final int count)
    {
        if (count > capacity)
        {
            throw new IllegalStateException(count + " claimed at once, more than the ring's " + capacity);
        }
        if (count > room)
        {
            return false;
        }
        room -= count;
        claimed = count;
        return true;
    }

    @Override
    public void message(final int stream, final long sequence, final DirectBuffer buffer, final int offset,
        final int storedLength, final int length, final long receiveNanos)
    {
        if (claimed-- <= 0)
        {
            throw new IllegalStateException("message without a claim");
        }
        // The test messages carry their own sequence number in their first 8 bytes.
        if (buffer.getLong(offset, java.nio.ByteOrder.BIG_ENDIAN) != sequence)
        {
            throw new IllegalStateException("message " + sequence + " carries " + buffer.getLong(offset, java.nio.ByteOrder.BIG_ENDIAN));
        }
        events.add(stream + ":" + sequence);
        sequences.add(sequence);
    }

    @Override
    public void publish()
    {
    }

    @Override
    public boolean gap(final int stream, final long from, final long to, final GapReason reason, final long nowNanos)
    {
        return record(1, stream + ":GAP " + from + "-" + to + " " + reason);
    }

    @Override
    public boolean shed(final int stream, final long from, final long to, final long nowNanos)
    {
        return record(1, stream + ":SHED " + from + "-" + to);
    }

    @Override
    public boolean staleLine(final int stream, final int line, final long nextExpected, final long nowNanos)
    {
        return record(1, stream + ":STALE " + (line == LineArbiter.LINE_A ? "A" : "B") + " " + nextExpected);
    }

    @Override
    public boolean endOfSession(final int stream, final long next, final long nowNanos)
    {
        return record(1, stream + ":END " + next);
    }

    private boolean record(final int slots, final String event)
    {
        if (room < slots)
        {
            return false;
        }
        room -= slots;
        events.add(event);
        return true;
    }

    @Override
    public boolean malformed(final int line, final DirectBuffer buffer, final int offset, final int length,
        final String reason, final long position, final long nowNanos)
    {
        if (room < 1)
        {
            return false;
        }
        events.add("malformed " + line + " " + length + " " + position + " " + reason);
        return true;
    }
}
