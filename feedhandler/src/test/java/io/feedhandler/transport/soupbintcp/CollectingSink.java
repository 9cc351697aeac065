package io.feedhandler.transport.soupbintcp;

import io.feedhandler.sim.MessageStore;
import io.feedhandler.transport.moldudp64.LineSink;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link LineSink} that records what the client delivers (called on the client's thread, read by
 * the test), checks each message's bytes against the session's store, and has a ring whose room
 * the test sets.
 */
final class CollectingSink implements LineSink
{
    private final MessageStore store;
    private final List<Long> sequences = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final List<String> sessions = new ArrayList<>();
    private volatile long room = Long.MAX_VALUE;
    private int claimed;

    CollectingSink(final MessageStore store)
    {
        this.store = store;
    }

    synchronized void room(final long messages)
    {
        room = messages;
    }

    synchronized List<Long> sequences()
    {
        return new ArrayList<>(sequences);
    }

    synchronized List<String> events()
    {
        return new ArrayList<>(events);
    }

    synchronized List<String> sessions()
    {
        return new ArrayList<>(sessions);
    }

    @Override
    public synchronized int session(final byte[] session)
    {
        // As the StreamRegistry: one index per session name, however many logins.
        final String name = new String(session, StandardCharsets.US_ASCII).strip();
        if (!sessions.contains(name))
        {
            sessions.add(name);
        }
        return sessions.indexOf(name);
    }

    @Override
    public int capacity()
    {
        return 1024;
    }

    @Override
    public synchronized boolean tryClaim(final int count)
    {
        if (count > room)
        {
            return false;
        }
        room -= count;
        claimed = count;
        return true;
    }

    @Override
    public synchronized void message(final int stream, final long sequence, final DirectBuffer buffer, final int offset,
        final int storedLength, final int length, final long receiveNanos)
    {
        if (claimed-- <= 0)
        {
            throw new IllegalStateException("message without a claim");
        }
        final byte[] got = new byte[length];
        buffer.getBytes(offset, got);
        final byte[] expected = new byte[store.length(sequence)];
        store.buffer().getBytes(store.offset(sequence), expected);
        if (!java.util.Arrays.equals(got, expected))
        {
            throw new IllegalStateException("message " + sequence + " is not the session's message " + sequence);
        }
        sequences.add(sequence);
    }

    @Override
    public void publish()
    {
    }

    @Override
    public synchronized boolean gap(final int stream, final long from, final long to, final GapReason reason, final long nowNanos)
    {
        events.add(stream + ":GAP " + from + "-" + to + " " + reason);
        return true;
    }

    @Override
    public boolean shed(final int stream, final long from, final long to, final long nowNanos)
    {
        throw new IllegalStateException("a TCP session never sheds");
    }

    @Override
    public boolean staleLine(final int stream, final int line, final long nextExpected, final long nowNanos)
    {
        throw new IllegalStateException("a TCP session has no stale lines");
    }

    @Override
    public synchronized boolean endOfSession(final int stream, final long next, final long nowNanos)
    {
        events.add(stream + ":END " + next);
        return true;
    }
}
