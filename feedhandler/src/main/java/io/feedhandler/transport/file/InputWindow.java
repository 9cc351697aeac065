package io.feedhandler.transport.file;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.InputStream;

/**
 * A sliding window over a stream, so readers parse records in place over multi-GB inputs with
 * constant memory: records are read straight out of one reused array, and a record that straddles
 * the end of the array is moved to its front before the next read.
 *
 * <p>{@link #ensure(int)} is the only call that reads the stream. Positions are absolute offsets in
 * the stream ({@link #position()}); {@link #offset()} converts the current one into an index into
 * {@link #buffer()}.
 */
public final class InputWindow
{
    /** Default size of the array: large enough that reads are rare, small enough to stay in L2/L3. */
    public static final int DEFAULT_CAPACITY = 1 << 20;

    /** Upper bound for one record (pcapng blocks can be large); larger records are defects. */
    public static final int MAX_CAPACITY = 64 << 20;

    private final InputStream in;
    private final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
    private byte[] array;
    private long arrayStart;
    private int index;
    private int limit;
    private boolean endOfStream;

    /**
     * @param in       the stream to read; not closed by this class.
     * @param capacity initial size of the array.
     */
    public InputWindow(final InputStream in, final int capacity)
    {
        this.in = in;
        this.array = new byte[capacity];
        buffer.wrap(array);
    }

    /**
     * Make at least {@code length} bytes available from the current position.
     *
     * @param length bytes wanted, at most {@link #MAX_CAPACITY}.
     * @return true if they are available; false if the stream ends first ({@link #available()}
     * tells how many there are).
     * @throws IOException if the stream fails.
     */
    public boolean ensure(final int length) throws IOException
    {
        if (limit - index >= length)
        {
            return true;
        }
        if (length > MAX_CAPACITY)
        {
            throw new IllegalArgumentException("record of " + length + " bytes exceeds " + MAX_CAPACITY);
        }
        if (index > 0)
        {
            final int remaining = limit - index;
            System.arraycopy(array, index, array, 0, remaining);
            arrayStart += index;
            index = 0;
            limit = remaining;
        }
        while (limit < length && !endOfStream)
        {
            if (limit == array.length)
            {
                // Grow only once the stream has filled the array: a corrupt length near the end of a
                // file then costs no more memory than the file has left, not up to MAX_CAPACITY.
                final byte[] larger = new byte[(int)Math.min(MAX_CAPACITY, 2L * array.length)];
                System.arraycopy(array, 0, larger, 0, limit);
                array = larger;
                buffer.wrap(array);
            }
            final int read = in.read(array, limit, array.length - limit);
            if (read < 0)
            {
                endOfStream = true;
            }
            else
            {
                limit += read;
            }
        }
        return limit - index >= length;
    }

    /** @return bytes available from the current position without reading the stream. */
    public int available()
    {
        return limit - index;
    }

    /**
     * @return true when the stream has ended and every byte has been consumed.
     * @throws IOException if the stream fails.
     */
    public boolean isExhausted() throws IOException
    {
        return !ensure(1);
    }

    /** @param length bytes to consume. */
    public void advance(final int length)
    {
        index += length;
    }

    /** @return absolute position in the stream of the next unconsumed byte. */
    public long position()
    {
        return arrayStart + index;
    }

    /** @return index into {@link #buffer()} of the next unconsumed byte. */
    public int offset()
    {
        return index;
    }

    /** @return the buffer over the array; its contents are valid until the next {@link #ensure}. */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }
}
