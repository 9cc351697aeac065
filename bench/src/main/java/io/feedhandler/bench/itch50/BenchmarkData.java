package io.feedhandler.bench.itch50;

import io.feedhandler.sim.SyntheticMarket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** The BinaryFILE data sets the ITCH and pipeline benchmarks run over, held in memory. */
public final class BenchmarkData
{
    /** Seed of the generated day: fixed, so every run measures the same bytes. */
    public static final long SEED = 20191230L;
    /** Symbols in the generated day. */
    public static final int SYMBOLS = 500;
    /** Messages in the generated day (about 33 MB: larger than the caches, like a real day). */
    public static final long MESSAGES = 1_000_000L;

    private BenchmarkData()
    {
    }

    /**
     * @param name {@code real-sample} or {@code generated-day}.
     * @return the BinaryFILE bytes.
     * @throws IOException if the bundled sample cannot be read.
     */
    public static byte[] load(final String name) throws IOException
    {
        return switch (name)
        {
            case "real-sample" -> realSample();
            case "generated-day" -> generatedDay();
            default -> throw new IllegalArgumentException("unknown data set: " + name);
        };
    }

    private static byte[] realSample() throws IOException
    {
        try (InputStream in = BenchmarkData.class.getResourceAsStream("/data/nasdaq-12302019-snippet.itch50"))
        {
            if (in == null)
            {
                throw new IOException("data/nasdaq-12302019-snippet.itch50 missing from the benchmarks jar");
            }
            return in.readAllBytes();
        }
    }

    private static byte[] generatedDay() throws IOException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticMarket.writeBinaryFile(new SyntheticMarket(SEED, SYMBOLS, MESSAGES), out);
        return out.toByteArray();
    }
}
