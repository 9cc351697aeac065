package io.feedhandler.transport.file;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real capture cut at every byte and corrupted at random: the readers report what is wrong and
 * never throw, whatever the bytes.
 */
class CorruptCaptureTest
{
    private static final String CAPTURE =
        "pcap/nasdaq-itch50-moldudp64/Nasdaq.Equities.TotalView.Itch.v5.0/Multiple.Packets.pcap";
    private static final int MUTATIONS = 3_000;

    @Test
    void shouldReportADefectExactlyWhenAPcapIsCutInsideARecord() throws IOException
    {
        final byte[] pcap = Files.readAllBytes(CaptureManifestTest.DATA.resolve(CAPTURE));
        final Set<Integer> boundaries = new HashSet<>();
        final ByteBuffer in = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        for (int position = 24; position <= pcap.length; position += 16 + in.getInt(position + 8))
        {
            boundaries.add(position);
            if (position == pcap.length)
            {
                break;
            }
        }

        for (int length = 0; length <= pcap.length; length++)
        {
            final RecordingListener listener = new RecordingListener();
            read(new PcapReader(new ByteArrayInputStream(Arrays.copyOf(pcap, length)), listener), listener);

            assertEquals(boundaries.contains(length) ? 0 : 1, listener.defects().size(), "cut at " + length);
        }
    }

    @Test
    void shouldReportADefectExactlyWhenAPcapngIsCutInsideABlock() throws IOException
    {
        final byte[] pcapng = PcapngWriter.fromPcap(
            Files.readAllBytes(CaptureManifestTest.DATA.resolve(CAPTURE)), ByteOrder.LITTLE_ENDIAN);
        final Set<Integer> boundaries = new HashSet<>();
        final ByteBuffer in = ByteBuffer.wrap(pcapng).order(ByteOrder.LITTLE_ENDIAN);
        for (int position = 0; position < pcapng.length; position += in.getInt(position + 4))
        {
            boundaries.add(position + in.getInt(position + 4));
        }

        for (int length = 1; length <= pcapng.length; length++)
        {
            final RecordingListener listener = new RecordingListener();
            read(new PcapngReader(new ByteArrayInputStream(Arrays.copyOf(pcapng, length)), listener), listener);

            assertEquals(boundaries.contains(length) ? 0 : 1, listener.defects().size(), "cut at " + length);
        }
    }

    @Test
    void shouldNeverThrowOnRandomlyCorruptedCaptures() throws IOException
    {
        final byte[] pcap = Files.readAllBytes(CaptureManifestTest.DATA.resolve(CAPTURE));
        final byte[] pcapng = PcapngWriter.fromPcap(pcap, ByteOrder.BIG_ENDIAN);
        final Random random = new Random(20230822);

        for (int i = 0; i < MUTATIONS; i++)
        {
            final boolean ng = (i & 1) == 1;
            final byte[] corrupt = (ng ? pcapng : pcap).clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--)
            {
                corrupt[ng ? random.nextInt(corrupt.length) : 20 + random.nextInt(corrupt.length - 20)] =
                    (byte)random.nextInt(256);
            }
            final RecordingListener listener = new RecordingListener();
            final ByteArrayInputStream in = new ByteArrayInputStream(corrupt);

            final CaptureReader reader = read(ng ? new PcapngReader(in, listener) : new PcapReader(in, listener), listener);

            assertTrue(reader.position() <= corrupt.length);
        }
    }

    private static CaptureReader read(final CaptureReader reader, final RecordingListener listener) throws IOException
    {
        listener.attach(reader);
        reader.readAll();
        return reader;
    }
}
