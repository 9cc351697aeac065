package io.feedhandler.transport.file;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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

    private final Path path;
    private final long size;
    private final FeedFileFormat format;
    private final CountingInputStream raw;
    private final FeedFileReader reader;
    private final FeedFileListener listener;

    private FeedFile(final Path path, final FeedFileListener listener) throws IOException
    {
        this.path = path;
        this.listener = listener;
        this.size = Files.size(path);
        this.raw = new CountingInputStream(Files.newInputStream(path));
        final byte[] head = new byte[4];
        final int headLength;
        try (InputStream probe = Files.newInputStream(path))
        {
            headLength = probe.readNBytes(head, 0, head.length);
        }
        this.format = FeedFileFormat.detect(head, headLength);
        this.reader = switch (format)
        {
            case ITCH50_BINARYFILE -> new BinaryFileReader(raw, listener);
            case ITCH50_BINARYFILE_GZIP -> new BinaryFileReader(
                new GZIPInputStream(new BufferedInputStream(raw, GZIP_BUFFER), GZIP_BUFFER), listener);
            case PCAP_MOLDUDP64 -> new PcapReader(raw, listener);
            case PCAPNG_MOLDUDP64 -> new PcapngReader(raw, listener);
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
        return new FeedFile(path, listener);
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
            if (format != FeedFileFormat.ITCH50_BINARYFILE_GZIP)
            {
                throw ex;
            }
            listener.onDefect(reader.position(), "gzip stream " +
                (ex instanceof EOFException ? "cut off before its end" : "corrupt: " + ex.getMessage()));
            reader.finish();
            return false;
        }
    }

    /** @return the file. */
    public Path path()
    {
        return path;
    }

    /** @return its format, detected from its contents. */
    public FeedFileFormat format()
    {
        return format;
    }

    /** @return size on disk, in bytes. */
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
