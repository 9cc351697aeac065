package io.feedhandler.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The streams (today: MoldUDP64 / SoupBinTCP sessions, or a replayed file) the process has seen,
 * each given a small index so events carry an int, not a name. Sequence state is kept per stream:
 * a Cboe unit or a NYSE channel would be one more stream, nothing else changes.
 *
 * <p>Registration happens on the source thread when a stream first appears; the stages only read.
 */
public final class StreamRegistry
{
    /** Streams one process tracks at most. */
    public static final int MAX_STREAMS = 64;

    private final List<String> names = new ArrayList<>();
    private final byte[][] utf8 = new byte[MAX_STREAMS][];

    /**
     * @param name of the stream (session name as sent, trimmed).
     * @return its index, registering it on first sight.
     * @throws IllegalStateException if more than {@link #MAX_STREAMS} streams appear.
     */
    public synchronized int indexOf(final String name)
    {
        final int existing = names.indexOf(name);
        if (existing >= 0)
        {
            return existing;
        }
        if (names.size() == MAX_STREAMS)
        {
            throw new IllegalStateException("more than " + MAX_STREAMS + " sessions in one process");
        }
        utf8[names.size()] = name.getBytes(StandardCharsets.UTF_8);
        names.add(name);
        return names.size() - 1;
    }

    /**
     * @param index of a stream.
     * @return its name.
     */
    public synchronized String name(final int index)
    {
        return names.get(index);
    }

    /**
     * @param index of a stream.
     * @return its name as UTF-8, built once.
     */
    public byte[] nameUtf8(final int index)
    {
        return utf8[index];
    }

    /** @return number of streams seen. */
    public synchronized int size()
    {
        return names.size();
    }
}
