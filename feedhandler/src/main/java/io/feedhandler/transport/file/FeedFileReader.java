package io.feedhandler.transport.file;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streams one feed file format through a {@link FeedFileListener}, a bounded number of records per
 * {@link #poll(int)} so that callers can report progress between polls.
 */
public abstract class FeedFileReader
{
    protected final InputWindow window;
    protected final FeedFileListener listener;
    private boolean finished;

    /**
     * @param in       the (decompressed) input; not closed by the reader.
     * @param listener receives what the reader finds.
     */
    protected FeedFileReader(final InputStream in, final FeedFileListener listener)
    {
        this.window = new InputWindow(in, InputWindow.DEFAULT_CAPACITY);
        this.listener = listener;
    }

    /**
     * Read up to {@code maxRecords} records.
     *
     * @param maxRecords records (messages, packets, frames) to read at most.
     * @return false once the input is finished, or a defect destroyed its framing.
     * @throws IOException if the input cannot be read.
     */
    public final boolean poll(final int maxRecords) throws IOException
    {
        if (!finished)
        {
            for (int i = 0; i < maxRecords; i++)
            {
                if (!readRecord())
                {
                    finished = true;
                    break;
                }
            }
        }
        return !finished;
    }

    /**
     * Read everything.
     *
     * @throws IOException if the input cannot be read.
     */
    public final void readAll() throws IOException
    {
        while (poll(Integer.MAX_VALUE))
        {
            // until finished
        }
    }

    /** @return offset in the (decompressed) input of the next byte to read. */
    public final long position()
    {
        return window.position();
    }

    /** Stop reading: used after a fatal defect found outside the reader (e.g. a corrupt gzip stream). */
    public final void finish()
    {
        finished = true;
    }

    /**
     * Read one record.
     *
     * @return false when the input is finished or its framing is lost.
     * @throws IOException if the input cannot be read.
     */
    protected abstract boolean readRecord() throws IOException;
}
