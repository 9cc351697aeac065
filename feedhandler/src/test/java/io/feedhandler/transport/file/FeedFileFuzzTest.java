package io.feedhandler.transport.file;

import io.feedhandler.TestData;
import io.feedhandler.transport.moldudp64.MoldUdp64Packet;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Throws random and mutated bytes at every reader through {@link FeedFile} (format detection
 * included): no exception may escape, the reader must finish, and every defect must carry an
 * offset inside the input. For BinaryFILE, a stronger property: when no defect is reported, the
 * records delivered tile the input exactly, so nothing was dropped silently.
 *
 * <p>Bounded by a fixed, seeded number of cases (raise with {@code -Dfuzz.iterations=N}), so a
 * failure reproduces: the message names the seed and the case.
 */
class FeedFileFuzzTest
{
    private static final long SEED = Long.getLong("fuzz.seed", 20261123L);
    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 1500);

    @Test
    void shouldSurviveMutatedBinaryFilesAndAccountForEveryByte() throws IOException
    {
        fuzz(Files.readAllBytes(TestData.path("itch50/nasdaq-12302019-snippet.itch50")), true);
    }

    @Test
    void shouldSurviveMutatedGzipFiles() throws IOException
    {
        final byte[] plain = Files.readAllBytes(TestData.path("itch50/bekele-sample.itch50"));
        final ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip))
        {
            out.write(plain);
        }
        fuzz(gzip.toByteArray(), false);
    }

    @Test
    void shouldSurviveMutatedPcapCaptures() throws IOException
    {
        fuzz(Files.readAllBytes(TestData.path(
            "pcap/nasdaq-itch50-moldudp64/Nasdaq.Equities.TotalView.Itch.v5.0/Multiple.Packets.pcap")), false);
        fuzz(Files.readAllBytes(TestData.path(
            "pcap/nasdaq-itch50-moldudp64/Nasdaq.Equities.TotalView.Itch.v5.0.20230822/NetOrderImbalanceIndicator.pcap")), false);
    }

    @Test
    void shouldSurviveRandomBytesBehindEveryMagic()
    {
        final Random random = new Random(SEED);
        final byte[][] magics = {
            {}, {(byte)0x1F, (byte)0x8B, 8, 0}, {(byte)0xD4, (byte)0xC3, (byte)0xB2, (byte)0xA1},
            {(byte)0xA1, (byte)0xB2, (byte)0xC3, (byte)0xD4}, {(byte)0x4D, (byte)0x3C, (byte)0xB2, (byte)0xA1},
            {0x0A, 0x0D, 0x0D, 0x0A}};
        for (int i = 0; i < ITERATIONS; i++)
        {
            final byte[] magic = magics[i % magics.length];
            final byte[] input = new byte[magic.length + random.nextInt(600)];
            random.nextBytes(input);
            System.arraycopy(magic, 0, input, 0, magic.length);
            check(input, "random case " + i, false);
        }
    }

    private static void fuzz(final byte[] seed, final boolean binaryFile)
    {
        final Random random = new Random(SEED ^ seed.length);
        for (int i = 0; i < ITERATIONS; i++)
        {
            final byte[] input = mutate(seed, random);
            check(input, "mutation " + i + " of a " + seed.length + "-byte seed", binaryFile &&
                FeedFileFormat.detect(input, input.length) == FeedFileFormat.ITCH50_BINARYFILE);
        }
    }

    private static byte[] mutate(final byte[] seed, final Random random)
    {
        final byte[] input;
        switch (random.nextInt(4))
        {
            case 0 ->
            {
                input = seed.clone();
                for (int flips = 1 + random.nextInt(8); flips > 0; flips--)
                {
                    input[random.nextInt(input.length)] = (byte)random.nextInt(256);
                }
            }
            case 1 -> input = Arrays.copyOf(seed, random.nextInt(seed.length + 1));
            case 2 ->
            {
                final int from = random.nextInt(seed.length);
                final int to = from + random.nextInt(seed.length - from);
                final byte[] cut = new byte[seed.length - (to - from)];
                System.arraycopy(seed, 0, cut, 0, from);
                System.arraycopy(seed, to, cut, from, seed.length - to);
                input = cut;
            }
            default ->
            {
                input = seed.clone();
                final int at = 4 + random.nextInt(Math.max(1, input.length - 4));
                final int length = Math.min(input.length - at, 1 + random.nextInt(64));
                for (int k = 0; k < length; k++)
                {
                    input[at + k] = (byte)random.nextInt(256);
                }
            }
        }
        return input;
    }

    private static void check(final byte[] input, final String what, final boolean checkTiling)
    {
        final Recorder recorder = new Recorder();
        try (FeedFile file = FeedFile.open("fuzz", input.length, new ByteArrayInputStream(input), recorder))
        {
            int polls = 0;
            while (file.poll(1))
            {
                if (++polls > input.length + 1)
                {
                    fail(what + ": reader did not finish (made no progress)");
                }
            }
        }
        catch (final Exception ex)
        {
            throw new AssertionError("seed " + SEED + ", " + what + ": exception escaped: " + ex, ex);
        }
        final boolean compressed = FeedFileFormat.detect(input, input.length) == FeedFileFormat.ITCH50_BINARYFILE_GZIP;
        for (final long offset : recorder.defectOffsets)
        {
            assertTrue(offset >= 0 && (compressed || offset <= input.length), what + ": defect offset " + offset + " outside input");
        }
        if (checkTiling && recorder.defectOffsets.isEmpty())
        {
            long expected = 0;
            for (final long[] record : recorder.records)
            {
                assertEquals(expected, record[0], what + ": bytes between records were skipped without a defect");
                expected = record[0] + record[1];
            }
            assertEquals(input.length, expected, what + ": bytes at the end were dropped without a defect");
        }
    }

    /** Records offsets of what the reader found. */
    private static final class Recorder implements FeedFileListener
    {
        final List<Long> defectOffsets = new ArrayList<>();
        final List<long[]> records = new ArrayList<>();

        @Override
        public void onMessage(final long sequenceNumber, final DirectBuffer buffer, final int offset, final int length,
            final long sourceOffset)
        {
            records.add(new long[] {sourceOffset, 2 + length});
        }

        @Override
        public void onPacket(final MoldUdp64Packet packet, final long sourceOffset)
        {
            packet.sequenceNumber();
        }

        @Override
        public void onEndOfSession(final long sourceOffset)
        {
            records.add(new long[] {sourceOffset, 2});
        }

        @Override
        public void onDefect(final long sourceOffset, final String reason)
        {
            assertTrue(reason != null && !reason.isBlank(), "defect without a reason");
            defectOffsets.add(sourceOffset);
        }
    }
}
