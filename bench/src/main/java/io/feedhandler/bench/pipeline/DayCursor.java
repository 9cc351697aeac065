package io.feedhandler.bench.pipeline;

import io.feedhandler.pipeline.FeedEvent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Walks a BinaryFILE held in memory and loads its next message into an event as {@code FileSource}
 * does ({@link FeedEvent#loadMessage}: payload copied, stream, sequence number, receive timestamp).
 * The cursor wraps at the end; sequence numbers keep rising, so nothing is dropped as a duplicate.
 */
final class DayCursor
{
    private static final int PREFIX_LENGTH = 2;

    private final EpochNanoClock clock = new OffsetEpochNanoClock();
    private final byte[] bytes;
    private final UnsafeBuffer buffer;
    private final int stream;
    private int cursor;
    private long sequence;

    /**
     * @param bytes  the BinaryFILE (2-byte big-endian length prefixes).
     * @param stream index of the stream the messages belong to.
     */
    DayCursor(final byte[] bytes, final int stream)
    {
        this.bytes = bytes;
        this.buffer = new UnsafeBuffer(bytes);
        this.stream = stream;
    }

    /**
     * @param event to load the next message into.
     * @return the message's sequence number (the n-th message read is sequence n).
     */
    long loadNext(final FeedEvent event)
    {
        int position = cursor;
        if (position >= bytes.length)
        {
            position = 0;
        }
        final int length = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
        event.loadMessage(stream, ++sequence, position, clock.nanoTime(), buffer, position + PREFIX_LENGTH, length);
        cursor = position + PREFIX_LENGTH + length;
        return sequence;
    }
}
