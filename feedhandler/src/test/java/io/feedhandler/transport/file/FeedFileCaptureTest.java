package io.feedhandler.transport.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FeedFileCaptureTest
{
    private static final String MULTIPLE_PACKETS =
        "pcap/nasdaq-itch50-moldudp64/Nasdaq.Equities.TotalView.Itch.v5.0/Multiple.Packets.pcap";

    @TempDir
    Path directory;

    private final RecordingListener listener = new RecordingListener();

    @Test
    void shouldDetectPcapFromItsContentWhateverTheName() throws IOException
    {
        final Path file = Files.copy(CaptureManifestTest.DATA.resolve(MULTIPLE_PACKETS), directory.resolve("x.itch50"));

        try (FeedFile feedFile = FeedFile.open(file, listener))
        {
            assertEquals(FeedFileFormat.PCAP_MOLDUDP64, feedFile.format());
            readAll(feedFile);
            assertEquals(Files.size(file), feedFile.position());
        }

        assertEquals(39, listener.messages().size());
        assertEquals(2, listener.packets().size());
        assertEquals(List.of(), listener.defects());
    }

    @Test
    void shouldDetectPcapngFromItsContentWhateverTheName() throws IOException
    {
        final byte[] pcap = Files.readAllBytes(CaptureManifestTest.DATA.resolve(MULTIPLE_PACKETS));
        final Path file = Files.write(directory.resolve("x.itch50"), PcapngWriter.fromPcap(pcap, ByteOrder.LITTLE_ENDIAN));

        try (FeedFile feedFile = FeedFile.open(file, listener))
        {
            assertEquals(FeedFileFormat.PCAPNG_MOLDUDP64, feedFile.format());
            readAll(feedFile);
        }

        assertEquals(39, listener.messages().size());
        assertEquals(2, listener.packets().size());
        assertEquals(List.of(), listener.defects());
    }

    private static void readAll(final FeedFile feedFile) throws IOException
    {
        while (feedFile.poll(1))
        {
            // one frame per poll, as a progress-reporting caller would
        }
    }
}
