package io.feedhandler.transport.file;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An open feed file: its detected format, a reader for it, and how far through the file (in bytes
 * on disk, compressed or not) reading has got, for progress reports.
 *
 * <p>A corrupt or cut-off gzip stream is reported to the listener as a defect at the decompressed
 * offset reached, like any other malformed input, and ends the read.
 */
public final class FeedFile implements AutoCloseable
{
    private static final int GZIP_BUFFER = 1 << 16;

    private static final int HEAD_LENGTH = 4;

    private final String name;
    private final long size;
    private final FeedFileFormat format;
    private final CountingInputStream raw;
    private final FeedFileReader reader;
    private final FeedFileListener listener;

    private FeedFile(final String name, final long size, final InputStream in, final FeedFileListener listener)
        throws IOException
    {
        this.name = name;
        this.size = size;
        this.listener = listener;
        this.raw = new CountingInputStream(in);
        final BufferedInputStream buffered = new BufferedInputStream(raw, GZIP_BUFFER);
        final byte[] outerHead = head(buffered);
        final FeedFileFormat outer = FeedFileFormat.detect(outerHead, outerHead.length);
        if (outer.isCompressed())
        {
            FeedFileFormat inner = FeedFileFormat.ITCH50_BINARYFILE;
            InputStream inflated = InputStream.nullInputStream();
            try
            {
                // Peek through a pushback stream, not a buffered one: BufferedInputStream keeps
                // reading to fill its buffer and would lose what was inflated before a cut-off.
                final PushbackInputStream peekable = new PushbackInputStream(new GZIPInputStream(buffered, GZIP_BUFFER), HEAD_LENGTH);
                final byte[] innerHead = peekable.readNBytes(HEAD_LENGTH);
                peekable.unread(innerHead);
                inflated = peekable;
                inner = FeedFileFormat.detect(innerHead, innerHead.length);
            }
            catch (final ZipException | EOFException ex)
            {
                listener.onDefect(0, "gzip header corrupt or cut off: " + ex.getMessage());
                inflated = InputStream.nullInputStream();
            }
            this.format = inner.compressed();
            this.reader = reader(inner, inflated, listener);
        }
        else
        {
            this.format = outer;
            this.reader = reader(outer, buffered, listener);
        }
    }

    private static byte[] head(final InputStream in) throws IOException
    {
        in.mark(HEAD_LENGTH);
        final byte[] head = in.readNBytes(HEAD_LENGTH);
        in.reset();
        return head;
    }

    private static FeedFileReader reader(final FeedFileFormat format, final InputStream in, final FeedFileListener listener)
    {
        return switch (format.uncompressed())
        {
            case PCAP_MOLDUDP64 -> new PcapReader(in, listener);
            case PCAPNG_MOLDUDP64 -> new PcapngReader(in, listener);
            default -> new BinaryFileReader(in, listener);
        };
    }

    /**
     * Open a file and detect its format from its contents.
     *
     * @param path     the file.
     * @param listener receives what the reader finds.
     * @return the open file.
     * @throws IOException if it cannot be opened (missing, unreadable, not a gzip stream after all).
     */
    public static FeedFile open(final Path path, final FeedFileListener listener) throws IOException
    {
        final InputStream in = Files.newInputStream(path);
        try
        {
            return new FeedFile(path.toString(), Files.size(path), in, listener);
        }
        catch (final IOException | RuntimeException ex)
        {
            in.close();
            throw ex;
        }
    }

    /**
     * Read a feed file from a stream (a pipe, or bytes in memory), detecting its format.
     *
     * @param name     for reports.
     * @param size     total bytes if known (for progress), else 0.
     * @param in       the stream; closed by {@link #close()}.
     * @param listener receives what the reader finds.
     * @return the open file.
     * @throws IOException if the stream cannot be read (or claims gzip and is not).
     */
    public static FeedFile open(final String name, final long size, final InputStream in, final FeedFileListener listener)
        throws IOException
    {
        return new FeedFile(name, size, in, listener);
    }

    /**
     * Read up to {@code maxRecords} records.
     *
     * @param maxRecords records to read at most.
     * @return false once the file is finished.
     * @throws IOException if the file cannot be read.
     */
    public boolean poll(final int maxRecords) throws IOException
    {
        try
        {
            return reader.poll(maxRecords);
        }
        catch (final ZipException | EOFException ex)
        {
            if (!format.isCompressed())
            {
                throw ex;
            }
            listener.onDefect(reader.position(), "gzip stream " +
                (ex instanceof EOFException ? "cut off before its end" : "corrupt: " + ex.getMessage()));
            reader.finish();
            return false;
        }
    }

    /** @return the file's name, for reports. */
    public String name()
    {
        return name;
    }

    /** @return its format, detected from its contents. */
    public FeedFileFormat format()
    {
        return format;
    }

    /** @return size on disk in bytes (0 if unknown). */
    public long size()
    {
        return size;
    }

    /** @return bytes read from disk so far (compressed bytes for gzip). */
    public long bytesRead()
    {
        return raw.count;
    }

    /** @return offset in the decompressed input of the next byte to read. */
    public long position()
    {
        return reader.position();
    }

    @Override
    public void close() throws IOException
    {
        raw.close();
    }

    private static final class CountingInputStream extends FilterInputStream
    {
        private long count;

        CountingInputStream(final InputStream in)
        {
            super(in);
        }

        @Override
        public int read() throws IOException
        {
            final int b = super.read();
            if (b >= 0)
            {
                count++;
            }
            return b;
        }

        @Override
        public int read(final byte[] b, final int off, final int len) throws IOException
        {
            final int n = in.read(b, off, len);
            if (n > 0)
            {
                count += n;
            }
            return n;
        }
    }
}
