package io.feedhandler.transport.file;

/**
 * Feed file formats, told apart by their first bytes, never by the file name.
 */
public enum FeedFileFormat
{
    ITCH50_BINARYFILE("itch50-binaryfile"),
    ITCH50_BINARYFILE_GZIP("itch50-binaryfile-gzip"),
    PCAP_MOLDUDP64("pcap-moldudp64"),
    PCAPNG_MOLDUDP64("pcapng-moldudp64"),
    PCAP_MOLDUDP64_GZIP("pcap-moldudp64-gzip"),
    PCAPNG_MOLDUDP64_GZIP("pcapng-moldudp64-gzip");

    private final String displayName;

    FeedFileFormat(final String displayName)
    {
        this.displayName = displayName;
    }

    /** @return true for the gzip-compressed variants. */
    public boolean isCompressed()
    {
        return displayName.endsWith("-gzip");
    }

    /** @return the format of the decompressed contents (itself if not compressed). */
    public FeedFileFormat uncompressed()
    {
        return switch (this)
        {
            case ITCH50_BINARYFILE_GZIP -> ITCH50_BINARYFILE;
            case PCAP_MOLDUDP64_GZIP -> PCAP_MOLDUDP64;
            case PCAPNG_MOLDUDP64_GZIP -> PCAPNG_MOLDUDP64;
            default -> this;
        };
    }

    /** @return the gzip-compressed variant of this format. */
    public FeedFileFormat compressed()
    {
        return switch (this)
        {
            case ITCH50_BINARYFILE -> ITCH50_BINARYFILE_GZIP;
            case PCAP_MOLDUDP64 -> PCAP_MOLDUDP64_GZIP;
            case PCAPNG_MOLDUDP64 -> PCAPNG_MOLDUDP64_GZIP;
            default -> this;
        };
    }

    /** @return the name used in reports, e.g. {@code itch50-binaryfile-gzip}. */
    public String displayName()
    {
        return displayName;
    }

    /**
     * Detect a format from the first bytes of a file.
     *
     * <p>gzip starts with 1F 8B (reported as {@link #ITCH50_BINARYFILE_GZIP} until the decompressed
     * contents are detected in turn); pcap with its magic A1B2C3D4 (microseconds) or A1B23C4D
     * (nanoseconds) in either byte order; pcapng with the Section Header Block type 0A0D0D0A.
     * Anything else is taken as BinaryFILE, which has no magic of its own: its reader reports what
     * does not fit.
     *
     * @param head   the first bytes of the file.
     * @param length how many of them there are (files can be shorter than 4 bytes).
     * @return the format.
     */
    public static FeedFileFormat detect(final byte[] head, final int length)
    {
        if (length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B)
        {
            return ITCH50_BINARYFILE_GZIP;
        }
        if (length >= 4)
        {
            final int magic = ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
            switch (magic)
            {
                case 0xA1B2C3D4, 0xD4C3B2A1, 0xA1B23C4D, 0x4D3CB2A1:
                    return PCAP_MOLDUDP64;
                case 0x0A0D0D0A:
                    return PCAPNG_MOLDUDP64;
                default:
                    break;
            }
        }
        return ITCH50_BINARYFILE;
    }
}
