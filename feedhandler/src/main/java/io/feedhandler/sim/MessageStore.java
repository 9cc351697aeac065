package io.feedhandler.sim;

import io.feedhandler.itch50.ItchMessageType;
import io.feedhandler.transport.file.FeedFile;
import io.feedhandler.transport.file.FeedFileListener;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A whole session's messages in memory, numbered from 1: what the simulator plays on its lines
 * and what its re-request server answers from (an exchange keeps the session's messages too).
 * About 35 bytes a message: a million-message day takes some 40 MB.
 */
public final class MessageStore
{
    private byte[] bytes = new byte[1 << 16];
    private long[] offsets = new long[1 << 12];
    private int count;
    private long size;
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);

    /**
     * @param seed     of the day.
     * @param symbols  securities.
     * @param messages in the day (at least {@link SyntheticMarket#scheduledMessages(int)}).
     * @return a generated day.
     */
    public static MessageStore generated(final long seed, final int symbols, final long messages)
    {
        final MessageStore store = new MessageStore();
        final SyntheticMarket market = new SyntheticMarket(seed, symbols, messages);
        final UnsafeBuffer scratch = new UnsafeBuffer(new byte[ItchMessageType.MAX_LENGTH]);
        int length;
        while ((length = market.next(scratch, 0)) > 0)
        {
            store.add(scratch, 0, length);
        }
        return store;
    }

    /**
     * @param file a BinaryFILE (.gz) or a MoldUDP64 capture; its messages in file order.
     * @return its messages.
     * @throws IOException if it cannot be read or is malformed (the message says where).
     */
    public static MessageStore read(final Path file) throws IOException
    {
        final MessageStore store = new MessageStore();
        final String[] defect = new String[1];
        try (FeedFile feed = FeedFile.open(file, new FeedFileListener()
        {
            @Override
            public void onMessage(final long sequenceNumber, final DirectBuffer buffer, final int offset, final int length,
                final long sourceOffset)
            {
                store.add(buffer, offset, length);
            }

            @Override
            public void onDefect(final long sourceOffset, final String reason)
            {
                if (defect[0] == null)
                {
                    defect[0] = "file " + file + " offset " + sourceOffset + ": " + reason;
                }
            }
        }))
        {
            while (feed.poll(4096))
            {
                // read it all
            }
        }
        if (defect[0] != null)
        {
            throw new IOException(defect[0]);
        }
        return store;
    }

    /**
     * Append a message.
     *
     * @param buffer holding it.
     * @param offset of its first byte.
     * @param length of it.
     */
    public void add(final DirectBuffer buffer, final int offset, final int length)
    {
        if (size + length > bytes.length)
        {
            bytes = Arrays.copyOf(bytes, (int)Math.min(Integer.MAX_VALUE - 8, Math.max(bytes.length * 2L, size + length)));
        }
        if (count + 2 > offsets.length)
        {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        buffer.getBytes(offset, bytes, (int)size, length);
        size += length;
        count++;
        offsets[count] = size;
    }

    /** @return messages held; sequence numbers run from 1 to this. */
    public int count()
    {
        return count;
    }

    /** @return every message's bytes, one after another (see {@link #offset} and {@link #length}). */
    public DirectBuffer buffer()
    {
        view.wrap(bytes, 0, (int)size);
        return view;
    }

    /** @return the bytes, one message after another. */
    public byte[] bytes()
    {
        return bytes;
    }

    /**
     * @param sequence 1 to {@link #count()}.
     * @return offset of the message in {@link #bytes()}.
     */
    public int offset(final long sequence)
    {
        return (int)offsets[(int)sequence - 1];
    }

    /**
     * @param sequence 1 to {@link #count()}.
     * @return its length.
     */
    public int length(final long sequence)
    {
        return (int)(offsets[(int)sequence] - offsets[(int)sequence - 1]);
    }
}
