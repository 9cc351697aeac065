package io.feedhandler.transport.file;

import java.io.InputStream;

/** Placeholder until the capture readers land: reports the file as unsupported. */
public final class PcapReader extends FeedFileReader
{
    /**
     * @param in       the capture.
     * @param listener receives what the reader finds.
     */
    public PcapReader(final InputStream in, final FeedFileListener listener)
    {
        super(in, listener);
    }

    @Override
    protected boolean readRecord()
    {
        listener.onDefect(0, "capture reading not implemented yet");
        return false;
    }
}
