package io.feedhandler.config;

/**
 * The {@code book} section: what the handler publishes from the order books it builds.
 *
 * @param depthLevels price levels per side in each quote beyond the top-of-book fields, 0 for
 *                    top of book only; a quote is then also published when a level within that
 *                    depth changes.
 */
public record BookSettings(int depthLevels)
{
    /**
     * The deepest quote a profile may ask for: an event's records (gap status, order event,
     * trade, quote) share one preallocated buffer, sized for this depth.
     */
    public static final int MAX_DEPTH_LEVELS = 10;

    static BookSettings read(final ProfileReader reader)
    {
        return new BookSettings((int)reader.wholeNumber("book.depth-levels", 0, MAX_DEPTH_LEVELS));
    }
}
