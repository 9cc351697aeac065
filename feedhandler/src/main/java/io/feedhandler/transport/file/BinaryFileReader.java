package io.feedhandler.transport.file;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;

/**
 * Reads NASDAQ BinaryFILE: ITCH messages laid end to end, each behind a 2-byte length prefix.
 *
 * <pre>
 * +----------------+---------------------------------+
 * | Length (u16 BE)| Payload (Length bytes: one ITCH |
 * |                | message, starting with its type)|
 * +----------------+---------------------------------+
 * </pre>
 *
 * <p>There is no header, trailer or sequence number: the n-th record is message n, which is the
 * sequence number passed on. A record of length 0 marks the end of the session; anything after it
 * is a defect. A prefix or payload cut off by the end of the file is a defect that ends the read,
 * since the framing is lost after it.
 */
public final class BinaryFileReader extends FeedFileReader
{
    private static final int PREFIX_LENGTH = 2;

    private long sequenceNumber;

    /**
     * @param in       the (decompressed) file contents; not closed by the reader.
     * @param listener receives messages and defects.
     */
    public BinaryFileReader(final InputStream in, final FeedFileListener listener)
    {
        super(in, listener);
    }

    @Override
    protected boolean readRecord() throws IOException
    {
        final long sourceOffset = window.position();
        if (!window.ensure(PREFIX_LENGTH))
        {
            if (window.available() > 0)
            {
                listener.onDefect(sourceOffset, "length prefix cut off at end of file (1 of 2 bytes)");
            }
            return false;
        }
        final UnsafeBuffer buffer = window.buffer();
        final int length = buffer.getShort(window.offset(), ByteOrder.BIG_ENDIAN) & 0xFFFF;
        if (length == 0)
        {
            listener.onEndOfSession(sourceOffset);
            window.advance(PREFIX_LENGTH);
            if (!window.isExhausted())
            {
                listener.onDefect(sourceOffset, "zero length prefix (end-of-session marker) is followed by more data");
            }
            return false;
        }
        if (!window.ensure(PREFIX_LENGTH + length))
        {
            listener.onDefect(sourceOffset, "message cut off at end of file: length prefix says " + length +
                " bytes, " + (window.available() - PREFIX_LENGTH) + " available");
            return false;
        }
        listener.onMessage(++sequenceNumber, buffer, window.offset() + PREFIX_LENGTH, length, sourceOffset);
        window.advance(PREFIX_LENGTH + length);
        return true;
    }
}
