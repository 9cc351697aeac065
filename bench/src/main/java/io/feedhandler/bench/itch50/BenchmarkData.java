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
     * @param name {@code real-sample}, {@code generated-day}, or {@code type:X}: only the messages of
     *             ITCH type X of the generated day (decode by type: {@code -p data=type:A,type:E,...}).
     * @return the BinaryFILE bytes.
     * @throws IOException if the bundled sample cannot be read.
     */
    public static byte[] load(final String name) throws IOException
    {
        if (name.startsWith("type:") && name.length() == 6)
        {
            return ofType(generatedDay(), (byte)name.charAt(5));
        }
        return switch (name)
        {
            case "real-sample" -> realSample();
            case "generated-day" -> generatedDay();
            default -> throw new IllegalArgumentException("unknown data set: " + name + " (real-sample, generated-day, type:X)");
        };
    }

    private static byte[] ofType(final byte[] day, final byte type)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        int position = 0;
        while (position + 2 <= day.length)
        {
            final int length = ((day[position] & 0xFF) << 8) | (day[position + 1] & 0xFF);
            if (day[position + 2] == type)
            {
                out.write(day, position, 2 + length);
            }
            position += 2 + length;
        }
        if (out.size() == 0)
        {
            throw new IllegalArgumentException("the generated day has no message of type " + (char)type);
        }
        return out.toByteArray();
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
