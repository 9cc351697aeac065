package io.feedhandler.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.feedhandler.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsCommandTest
{
    @TempDir
    Path tempDir;

    /** The outcome of one {@code feedhandler stats} run. */
    record Run(int exitCode, List<Config> reports, String stdout, String stderr)
    {
        Config report()
        {
            assertEquals(1, reports.size(), stdout);
            return reports.get(0);
        }
    }

    static Run stats(final String... files)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final String[] args = new String[files.length + 2];
        args[0] = "stats";
        args[1] = "--no-progress";
        System.arraycopy(files, 0, args, 2, files.length);
        final int exitCode = FeedHandlerCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        final List<Config> reports = new ArrayList<>();
        for (final String line : out.toString().split("\n"))
        {
            if (!line.isBlank())
            {
                reports.add(ConfigFactory.parseString(line));
            }
        }
        return new Run(exitCode, reports, out.toString(), err.toString());
    }

    static Stream<String> itch50Files()
    {
        return TestData.manifestFiles().stream()
            .filter(entry -> entry.getString("dialect").equals("itch50"))
            .filter(entry -> !entry.getString("format").equals("pcap-soupbintcp"))
            .map(entry -> entry.getString("path"));
    }

    @ParameterizedTest
    @MethodSource("itch50Files")
    void shouldMatchTheManifestForEveryRealItch50File(final String file)
    {
        final Config expected = TestData.manifestEntry(file);
        final Run run = stats(TestData.path(file).toString());
        final Config report = run.report();

        assertEquals(expected.getString("format"), report.getString("format"));
        assertEquals(expected.getLong("bytes"), report.getLong("bytes"));
        final boolean strictlyClean = expected.getList("anomalies").isEmpty() ||
            expected.getString("format").startsWith("pcap");
        if (!expected.hasPath("strictMessagesBeforeFirstAnomaly") || expected.getLong("strictMessagesBeforeFirstAnomaly") ==
            expected.getLong("messages"))
        {
            assertEquals(expected.getLong("messages"), report.getLong("messages"), "messages");
            assertEquals(TestData.types(expected), TestData.types(report), "types");
            assertEquals(expected.getLong("firstTimestampNs"), report.getLong("firstTimestampNs"));
            assertEquals(expected.getLong("lastTimestampNs"), report.getLong("lastTimestampNs"));
        }
        if (expected.getString("format").startsWith("pcap"))
        {
            assertSessions(expected, report);
        }
        if (strictlyClean)
        {
            assertEquals(0, run.exitCode(), run.stderr());
            assertEquals(0, report.getLong("errorCount"));
            assertEquals("", run.stderr());
        }
        else
        {
            assertEquals(2, run.exitCode());
            assertTrue(report.getLong("errorCount") > 0);
        }
    }

    private static void assertSessions(final Config expected, final Config report)
    {
        final List<? extends Config> sessions = report.getConfigList("sessions");
        assertEquals(expected.getStringList("sessions"), sessions.stream().map(s -> s.getString("session")).toList());
        final Config session = sessions.get(0);
        assertEquals(expected.getLong("firstSeq"), session.getLong("firstSequence"));
        assertEquals(expected.getLong("lastSeq"), session.getLong("lastSequence"));
        assertEquals(expected.getLong("packets"), session.getLong("packets"));
        assertEquals(expected.getLong("heartbeats"), session.getLong("heartbeats"));
        assertEquals(expected.getLong("endOfSession"), session.getLong("endOfSession"));

        final List<List<Long>> expectedGaps = new ArrayList<>();
        long expectedDuplicates = 0;
        for (final Config anomaly : expected.getConfigList("anomalies"))
        {
            if (anomaly.getString("kind").equals("sequence_gap"))
            {
                for (final Config example : anomaly.getConfigList("examples"))
                {
                    expectedGaps.add(List.of(example.getLong("expected"), example.getLong("seq") - 1));
                }
            }
            if (anomaly.getString("kind").equals("sequence_repeat_or_backwards"))
            {
                expectedDuplicates += anomaly.getLong("count");
            }
        }
        final List<List<Long>> gaps = new ArrayList<>();
        for (final Object gap : session.getList("gaps").unwrapped())
        {
            gaps.add(((List<?>)gap).stream().map(n -> ((Number)n).longValue()).toList());
        }
        assertEquals(expectedGaps, gaps, "gaps");
        assertEquals(expectedDuplicates, session.getLong("duplicates"), "duplicates");
    }

    @Test
    void shouldCountPacketsOfANonItch50DialectButReportItsMessagesAsDefects()
    {
        final String file = "pcap/asx-itch-moldudp64/TradeExecutedMessage.pcap";
        final Config expected = TestData.manifestEntry(file);

        final Run run = stats(TestData.path(file).toString());

        assertEquals(2, run.exitCode());
        final Config session = run.report().getConfigList("sessions").get(0);
        assertEquals(expected.getStringList("sessions").get(0), session.getString("session"));
        assertEquals(expected.getLong("firstSeq"), session.getLong("firstSequence"));
        assertEquals(expected.getLong("lastSeq"), session.getLong("lastSequence"));
        assertEquals(expected.getLong("messages"), run.report().getLong("messages") + run.report().getLong("errorCount"));
    }

    @Test
    void shouldSkipEveryFrameOfACaptureWithoutMoldUdp64()
    {
        final Run run = stats(TestData.path("pcap/soupbintcp/OrderAcceptedMessage.pcap").toString());

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(0, run.report().getLong("messages"));
        assertEquals(List.of(), run.report().getList("sessions").unwrapped());
        assertTrue(run.report().getLong("skippedFrames") > 0);
    }

    @Test
    void shouldReportTheTruncatedRealFileAtTheManifestOffsetWithCountsBeforeIt()
    {
        final String file = "itch50/fasanello-sample-truncated.itch50";
        final Config expected = TestData.manifestEntry(file);
        final Config example = expected.getConfigList("anomalies").get(0).getConfigList("examples").get(0);

        final Run run = stats(TestData.path(file).toString());

        assertEquals(2, run.exitCode());
        assertEquals(expected.getLong("messages"), run.report().getLong("messages"));
        assertEquals(TestData.types(expected), TestData.types(run.report()));
        final Config error = run.report().getConfigList("errors").get(0);
        assertEquals(example.getLong("offset"), error.getLong("offset"));
        assertTrue(error.getString("reason").contains("says " + example.getLong("declared") + " bytes, " +
            example.getLong("available") + " available"), error.getString("reason"));
        assertEquals(1, run.stderr().lines().count(), run.stderr());
        assertTrue(run.stderr().contains(file) && run.stderr().contains("offset " + example.getLong("offset")), run.stderr());
    }

    @Test
    void shouldReportZeroLengthPrefixesOfTheRitchFileAtOffsetZero()
    {
        final String file = "itch50/ritch-ex20101224.TEST_ITCH_50";
        final Config example = TestData.manifestEntry(file).getConfigList("anomalies").get(0)
            .getConfigList("examples").get(0);

        final Run run = stats(TestData.path(file).toString());

        assertEquals(2, run.exitCode());
        assertEquals(example.getLong("offset"), run.report().getLong("endOfSessionMarker"));
        assertEquals(example.getLong("offset"), run.report().getConfigList("errors").get(0).getLong("offset"));
        assertTrue(run.report().getConfigList("errors").get(0).getString("reason").contains("end-of-session"));
    }

    @Test
    void shouldReadGzipCompressedBinaryFileLikeThePlainOne() throws IOException
    {
        final Path plain = TestData.path("itch50/nasdaq-12302019-snippet.itch50");
        final Path gzip = tempDir.resolve("12302019.NASDAQ_ITCH50.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip)))
        {
            Files.copy(plain, out);
        }

        final Run run = stats(plain.toString(), gzip.toString());

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("itch50-binaryfile-gzip", run.reports().get(1).getString("format"));
        assertEquals(run.reports().get(0).getLong("messages"), run.reports().get(1).getLong("messages"));
        assertEquals(TestData.types(run.reports().get(0)), TestData.types(run.reports().get(1)));
    }

    @Test
    void shouldReadGzipCompressedCapturesLikeThePlainOnes() throws IOException
    {
        final Path plain = TestData.path("pcap/nasdaq-itch50-moldudp64/Nasdaq.Equities.TotalView.Itch.v5.0/Multiple.Packets.pcap");
        final Path gzip = tempDir.resolve("capture.pcap.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip)))
        {
            Files.copy(plain, out);
        }

        final Run run = stats(plain.toString(), gzip.toString());

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("pcap-moldudp64-gzip", run.reports().get(1).getString("format"));
        assertEquals(run.reports().get(0).getValue("sessions"), run.reports().get(1).getValue("sessions"));
        assertEquals(TestData.types(run.reports().get(0)), TestData.types(run.reports().get(1)));
    }

    @Test
    void shouldReportACutOffGzipStreamWithCountsBeforeIt() throws IOException
    {
        final Path plain = TestData.path("itch50/nasdaq-12302019-snippet.itch50");
        final Path gzip = tempDir.resolve("cut.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip)))
        {
            Files.copy(plain, out);
        }
        final byte[] whole = Files.readAllBytes(gzip);
        Files.write(gzip, Arrays.copyOf(whole, whole.length / 2));

        final Run run = stats(gzip.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.report().getLong("messages") > 0);
        assertTrue(run.report().getLong("messages") < 1000);
        assertTrue(run.stderr().contains("gzip"), run.stderr());
    }

    @Test
    void shouldDetectTheFormatFromContentNotFromTheName() throws IOException
    {
        final Path renamed = tempDir.resolve("capture.pcapng");
        Files.copy(TestData.path("itch50/bekele-sample.itch50"), renamed);

        final Run run = stats(renamed.toString());

        assertEquals("itch50-binaryfile", run.report().getString("format"));
        assertEquals(1000, run.report().getLong("messages"));
    }

    @Test
    void shouldReportAnUnknownTypeAndGoOnWithTheNextMessage() throws IOException
    {
        final Path file = write(systemEvent('O'), record(new byte[] {'Z', 1, 2, 3}), systemEvent('S'));

        final Run run = stats(file.toString());

        assertEquals(2, run.exitCode());
        assertEquals(2, run.report().getLong("messages"));
        final Config error = run.report().getConfigList("errors").get(0);
        assertEquals(14, error.getLong("offset"));
        assertTrue(error.getString("reason").contains("'Z' unknown"), error.getString("reason"));
    }

    @Test
    void shouldReportALengthPrefixThatDisagreesWithTheType() throws IOException
    {
        final byte[] shortAdd = new byte[30];
        shortAdd[0] = 'A';
        final Path file = write(systemEvent('O'), record(shortAdd));

        final Run run = stats(file.toString());

        assertEquals(2, run.exitCode());
        assertEquals(1, run.report().getLong("messages"));
        final String reason = run.report().getConfigList("errors").get(0).getString("reason");
        assertTrue(reason.contains("'A' is 36 bytes but its length prefix says 30"), reason);
    }

    @Test
    void shouldAcceptAnEndOfSessionMarkerAtTheEndAndReportDataAfterIt() throws IOException
    {
        final Path clean = write(systemEvent('O'), new byte[2]);
        final Path dirty = write(systemEvent('O'), new byte[2], systemEvent('C'));

        final Run cleanRun = stats(clean.toString());
        final Run dirtyRun = stats(dirty.toString());

        assertEquals(0, cleanRun.exitCode(), cleanRun.stderr());
        assertEquals(14, cleanRun.report().getLong("endOfSessionMarker"));
        assertEquals(2, dirtyRun.exitCode());
        assertEquals(14, dirtyRun.report().getConfigList("errors").get(0).getLong("offset"));
    }

    @Test
    void shouldReportALengthPrefixCutOffAtTheEnd() throws IOException
    {
        final Path file = write(systemEvent('O'), new byte[] {0});

        final Run run = stats(file.toString());

        assertEquals(2, run.exitCode());
        assertEquals(14, run.report().getConfigList("errors").get(0).getLong("offset"));
    }

    @Test
    void shouldExitTwoWithOneClearLineForAMissingFile()
    {
        final Run run = stats(tempDir.resolve("no-such.itch50").toString());

        assertEquals(2, run.exitCode());
        assertEquals(List.of(), run.reports());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
        assertTrue(run.stderr().contains("no-such.itch50: no such file"), run.stderr());
        assertFalse(run.stderr().contains("Exception"), run.stderr());
    }

    @Test
    void shouldGoOnWithTheNextFileAfterABadOne()
    {
        final Run run = stats(tempDir.resolve("missing").toString(), TestData.path("itch50/bekele-sample.itch50").toString());

        assertEquals(2, run.exitCode());
        assertEquals(1000, run.report().getLong("messages"));
    }

    private static byte[] systemEvent(final char eventCode)
    {
        final byte[] message = new byte[12];
        message[0] = 'S';
        message[11] = (byte)eventCode;
        return record(message);
    }

    private static byte[] record(final byte[] message)
    {
        return ByteBuffer.allocate(2 + message.length).putShort((short)message.length).put(message).array();
    }

    private Path write(final byte[]... parts) throws IOException
    {
        final Path file = Files.createTempFile(tempDir, "stats", ".itch50");
        try (OutputStream out = Files.newOutputStream(file))
        {
            for (final byte[] part : parts)
            {
                out.write(part);
            }
        }
        return file;
    }
}
