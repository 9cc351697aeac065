package io.feedhandler.transport.file;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.feedhandler.itch50.ItchMessageType;
import io.feedhandler.transport.file.RecordingListener.Message;
import io.feedhandler.transport.file.RecordingListener.Packet;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every real capture in the test data, read as pcap and rewritten as pcapng, against the facts an
 * independent parser recorded in {@code manifest.json}.
 */
class CaptureManifestTest
{
    static final Path DATA = dataDirectory();
    private static final String SOUPBINTCP = "pcap-soupbintcp";

    static Stream<Arguments> captures()
    {
        return manifestCaptures().stream()
            .map(entry -> Arguments.of(Named.of(entry.getString("path"), entry)));
    }

    @Test
    void shouldHaveAManifestEntryForEveryCaptureOnDisk() throws IOException
    {
        final List<String> onDisk;
        try (Stream<Path> files = Files.walk(DATA.resolve("pcap")))
        {
            onDisk = files.filter(Files::isRegularFile).map(path -> DATA.relativize(path).toString().replace('\\', '/'))
                .sorted().toList();
        }

        assertEquals(onDisk, manifestCaptures().stream().map(entry -> entry.getString("path")).sorted().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void shouldFindWhatTheManifestListsInEveryPcap(final Config entry) throws IOException
    {
        final byte[] capture = Files.readAllBytes(DATA.resolve(entry.getString("path")));
        final RecordingListener listener = new RecordingListener();
        final PcapReader reader = new PcapReader(new ByteArrayInputStream(capture), listener);
        listener.attach(reader);

        reader.readAll();

        assertMatchesManifest(entry, listener, recordCount(capture));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void shouldFindTheSameInEveryPcapRewrittenAsPcapng(final Config entry) throws IOException
    {
        final byte[] capture = Files.readAllBytes(DATA.resolve(entry.getString("path")));
        final RecordingListener listener = new RecordingListener();
        final PcapngReader reader = new PcapngReader(
            new ByteArrayInputStream(PcapngWriter.fromPcap(capture, ByteOrder.BIG_ENDIAN)), listener);
        listener.attach(reader);

        reader.readAll();

        assertMatchesManifest(entry, listener, recordCount(capture));
    }

    static List<? extends Config> manifestCaptures()
    {
        return ConfigFactory.parseFile(DATA.resolve("manifest.json").toFile()).getConfigList("files").stream()
            .filter(entry -> entry.getString("path").startsWith("pcap/"))
            .toList();
    }

    private static void assertMatchesManifest(final Config entry, final RecordingListener listener, final int records)
    {
        assertEquals(List.of(), listener.defects());
        assertEquals(counts(entry.getObject("vlanTaggedFrames").unwrapped()), countStrings(listener.vlanIds()));
        if (SOUPBINTCP.equals(entry.getString("format")))
        {
            assertEquals(records, listener.skipped().size(), "TCP frames are skipped");
            assertEquals(List.of(), listener.packets());
            assertEquals(List.of(), listener.messages());
            return;
        }

        final List<Packet> packets = listener.packets();
        final List<Message> messages = listener.messages();
        assertEquals(records, packets.size() + listener.skipped().size());
        assertEquals(entry.getInt("packets"), packets.size());
        assertEquals(entry.getInt("heartbeats"), packets.stream().filter(packet -> packet.messageCount() == 0).count());
        assertEquals(entry.getInt("endOfSession"), packets.stream().filter(packet -> packet.messageCount() == 0xFFFF).count());
        assertEquals(entry.getInt("messages"), messages.size());

        final Map<String, Integer> types = new TreeMap<>();
        for (final Message message : messages)
        {
            types.merge(String.valueOf(message.type()), 1, Integer::sum);
        }
        assertEquals(counts(entry.getObject("types").unwrapped()), types);

        final LinkedHashSet<String> sessions = new LinkedHashSet<>();
        final List<Map<String, Object>> moldPackets = new ArrayList<>();
        final List<Packet> dataPackets = new ArrayList<>();
        for (final Packet packet : packets)
        {
            sessions.add(packet.session());
            moldPackets.add(Map.of(
                "frame", packet.frame(), "session", packet.session(), "seq", packet.sequenceNumber(),
                "count", (long)packet.messageCount()));
            if (packet.messageCount() != 0 && packet.messageCount() != 0xFFFF)
            {
                dataPackets.add(packet);
            }
        }
        assertEquals(entry.getStringList("sessions"), List.copyOf(sessions));
        assertEquals(entry.getLong("firstSeq"), dataPackets.get(0).sequenceNumber());
        final Packet last = dataPackets.get(dataPackets.size() - 1);
        assertEquals(entry.getLong("lastSeq"), last.sequenceNumber() + last.messageCount() - 1);
        assertEquals(expectedMoldPackets(entry), moldPackets);
        assertEquals(counts(entry.getObject("udpFlows").unwrapped()), countStrings(listener.udpFlows()));

        if ("itch50".equals(entry.getString("dialect")))
        {
            final List<byte[]> bytes = listener.messageBytes();
            for (final byte[] message : bytes)
            {
                assertEquals(ItchMessageType.length(message[0]), message.length, "ITCH 5.0 length of " + (char)message[0]);
            }
            assertEquals(entry.getLong("firstTimestampNs"), itchTimestamp(bytes.get(0)));
            assertEquals(entry.getLong("lastTimestampNs"), itchTimestamp(bytes.get(bytes.size() - 1)));
        }
    }

    private static List<Map<String, Object>> expectedMoldPackets(final Config entry)
    {
        final List<Map<String, Object>> expected = new ArrayList<>();
        for (final Config packet : entry.getConfigList("moldPackets"))
        {
            expected.add(Map.of(
                "frame", packet.getLong("frame"), "session", packet.getString("session"), "seq", packet.getLong("seq"),
                "count", packet.getLong("count")));
        }
        return expected;
    }

    private static Map<String, Integer> counts(final Map<String, Object> manifest)
    {
        final Map<String, Integer> counts = new TreeMap<>();
        manifest.forEach((key, value) -> counts.put(key, ((Number)value).intValue()));
        return counts;
    }

    private static Map<String, Integer> countStrings(final List<?> values)
    {
        final Map<String, Integer> counts = new TreeMap<>();
        for (final Object value : values)
        {
            counts.merge(String.valueOf(value), 1, Integer::sum);
        }
        return counts;
    }

    private static long itchTimestamp(final byte[] message)
    {
        long timestamp = 0;
        for (int i = 5; i < 11; i++)
        {
            timestamp = (timestamp << 8) | (message[i] & 0xFF);
        }
        return timestamp;
    }

    /** Counts records with a parser of its own, so that the reader is not checked against itself. */
    private static int recordCount(final byte[] pcap)
    {
        final ByteBuffer in = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        if (in.getInt(0) != 0xA1B2C3D4 && in.getInt(0) != 0xA1B23C4D)
        {
            in.order(ByteOrder.BIG_ENDIAN);
        }
        int records = 0;
        for (int position = 24; position + 16 <= pcap.length; position += 16 + in.getInt(position + 8))
        {
            records++;
        }
        return records;
    }

    private static Path dataDirectory()
    {
        try
        {
            return Path.of(CaptureManifestTest.class.getResource("/data/manifest.json").toURI()).getParent();
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
