package io.feedhandler.transport.moldudp64;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static io.feedhandler.transport.moldudp64.LineArbiter.LINE_A;
import static io.feedhandler.transport.moldudp64.LineArbiter.LINE_B;
import static io.feedhandler.transport.moldudp64.LineArbiter.RETRANSMISSION;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A/B arbitration, reorder buffer, re-requests, give-up, heartbeats, end of session, session
 * change, stale lines and a full ring, driven packet by packet with an injected clock: no
 * sockets, no sleeping.
 */
class LineArbiterTest
{
    private static final long MS = 1_000_000L;
    private static final byte[] SESSION = "000001234A".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEXT_DAY = "000001235A".getBytes(StandardCharsets.US_ASCII);

    private final RecordingLineSink sink = new RecordingLineSink();
    private final LineCounters counters = new LineCounters();
    private final List<String> requests = new ArrayList<>();
    private final MoldUdp64PacketBuilder builder = new MoldUdp64PacketBuilder(MoldUdp64PacketBuilder.DEFAULT_MAX_LENGTH);
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[12]);
    private RetransmissionRequester requester;
    private LineArbiter arbiter;
    private long now = 1_000 * MS;

    private void arbiter(final boolean shed, final int reorder, final int retries, final int maxOutstanding, final int perRequest)
    {
        requester = new RetransmissionRequester((request, length) ->
        {
            final MoldUdp64RequestPacket decoded = new MoldUdp64RequestPacket();
            decoded.wrap(request, 0, length);
            requests.add(decoded.sequenceNumber() + "+" + decoded.messageCount());
        }, counters, 5, 10, 1000, retries, maxOutstanding, perRequest);
        arbiter = new LineArbiter(sink, requester, counters, shed, reorder, 2000, 0);
    }

    private void arbiter()
    {
        arbiter(false, 1024, 2, 8, 64);
    }

    private void data(final int line, final long first, final long last)
    {
        data(line, SESSION, first, last);
    }

    private void data(final int line, final byte[] session, final long first, final long last)
    {
        builder.begin(session, first);
        for (long s = first; s <= last; s++)
        {
            message.putLong(0, s, ByteOrder.BIG_ENDIAN);
            builder.add(message, 0, message.capacity());
        }
        arbiter.onPacket(line, builder.buffer(), 0, builder.length(), now);
    }

    private void heartbeat(final int line, final long next)
    {
        builder.heartbeat(SESSION, next);
        arbiter.onPacket(line, builder.buffer(), 0, builder.length(), now);
    }

    private void endOfSession(final int line, final long next)
    {
        builder.endOfSession(SESSION, next);
        arbiter.onPacket(line, builder.buffer(), 0, builder.length(), now);
    }

    private void advance(final long millis)
    {
        for (long i = 0; i < millis; i++)
        {
            now += MS;
            arbiter.onTimer(now);
        }
    }

    private static List<Long> range(final long from, final long to)
    {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void shouldDeliverTheFirstCopyOnceAndCountTheOtherLinesCopiesAsItsDuplicates()
    {
        arbiter();
        data(LINE_A, 1, 3);
        data(LINE_B, 1, 3);
        data(LINE_B, 4, 6);
        data(LINE_A, 4, 6);
        data(LINE_A, 5, 8);

        assertEquals(range(1, 8), sink.sequences);
        assertEquals(5, counters.firstCopies[LINE_A].sum());
        assertEquals(3, counters.firstCopies[LINE_B].sum());
        assertEquals(5, counters.duplicates[LINE_A].sum());
        assertEquals(3, counters.duplicates[LINE_B].sum());
    }

    @Test
    void shouldHandAMalformedDatagramToTheSinkWithItsLineReasonAndPositionAndGoOn()
    {
        arbiter();
        data(LINE_A, 1, 3);
        arbiter.onPacket(LINE_A, new UnsafeBuffer(new byte[7]), 0, 7, now);
        data(LINE_A, 4, 6);
        sink.room = 0;
        arbiter.onPacket(LINE_B, new UnsafeBuffer(new byte[5]), 0, 5, now);
        sink.room = Integer.MAX_VALUE;

        assertEquals(range(1, 6), sink.sequences);
        assertEquals(List.of("malformed 0 7 2 malformed MoldUDP64 datagram on line A: datagram shorter than the 20-byte MoldUDP64 header"),
            sink.events.stream().filter(e -> e.startsWith("malformed")).toList());
        assertEquals(1, counters.malformed[LINE_A].sum());
        assertEquals(1, counters.malformed[LINE_B].sum());
        assertEquals(0, counters.malformedNotDeadLettered[LINE_A].sum());
        assertEquals(1, counters.malformedNotDeadLettered[LINE_B].sum(), "the ring was full: counted, not sent");
    }

    @Test
    void shouldResumeAfterTheCheckpointHoldTheLiveLinesAndRequestWhatWasMissed()
    {
        arbiter();
        arbiter.resume("000001234A", 101);
        data(LINE_A, 90, 95);
        data(LINE_B, 90, 95);
        assertEquals(List.of(), sink.sequences, "below the checkpoint: already published before the restart");
        data(LINE_A, 150, 152);
        assertEquals(3, arbiter.held());
        advance(10);
        assertEquals(List.of("101+49"), requests, "what the restart missed, from the checkpoint on");
        data(RETRANSMISSION, 101, 149);
        assertEquals(range(101, 152), sink.sequences, "merged in order, nothing lost or repeated");
    }

    @Test
    void shouldNotApplyTheCheckpointOfAnotherSession()
    {
        arbiter();
        arbiter.resume("000001233A", 5000);
        data(LINE_A, 1, 3);
        assertEquals(range(1, 3), sink.sequences, "a new day: from its first packet, as lines.first-sequence = 0 says");
        assertEquals(List.of(), requests);
    }

    @Test
    void shouldFillALineAGapFromLineBWithoutAskingTheServer()
    {
        arbiter();
        data(LINE_A, 1, 3);
        data(LINE_A, 7, 9);
        assertEquals(range(1, 3), sink.sequences, "7 to 9 wait for the gap");
        assertEquals(3, arbiter.held());
        data(LINE_B, 1, 3);
        data(LINE_B, 4, 6);
        advance(100);

        assertEquals(range(1, 9), sink.sequences);
        assertEquals(List.of(), requests);
        assertEquals(0, counters.gapsRecovered.sum());
    }

    @Test
    void shouldAskForWhatBothLinesLostAfterTheDelayAndDeliverInOrderWhenAnswered()
    {
        arbiter();
        data(LINE_A, 1, 3);
        data(LINE_B, 1, 3);
        data(LINE_A, 7, 9);
        data(LINE_B, 7, 9);
        advance(4);
        assertEquals(List.of(), requests, "the other line gets request-delay-ms to fill the gap");
        advance(1);
        assertEquals(List.of("4+3"), requests);
        data(RETRANSMISSION, 4, 6);

        assertEquals(range(1, 9), sink.sequences);
        assertEquals(1, counters.gapsRecovered.sum());
        assertEquals(3, counters.firstCopies[RETRANSMISSION].sum());
        advance(1000);
        assertEquals(List.of("4+3"), requests);
    }

    @Test
    void shouldBackOffThenGiveUpAndReportTheRangeExactlyOnce()
    {
        arbiter(false, 1024, 2, 8, 64);
        data(LINE_A, 1, 3);
        data(LINE_A, 7, 9);
        final List<Long> sentAt = new ArrayList<>();
        for (int i = 0; i < 200; i++)
        {
            final int before = requests.size();
            advance(1);
            if (requests.size() > before)
            {
                sentAt.add((now - 1_000 * MS) / MS);
            }
        }

        assertEquals(List.of(5L, 15L, 35L), sentAt, "first after the delay, then after 10 and 20 ms (doubling)");
        assertEquals(List.of("0:1", "0:2", "0:3", "0:GAP 4-6 UNANSWERED", "0:7", "0:8", "0:9"), sink.events);
        assertEquals(1, counters.gapsGivenUp.sum());
        assertEquals(3, counters.messagesGivenUp.sum());
        data(RETRANSMISSION, 4, 6);
        assertEquals(7, sink.events.size(), "a late answer is a duplicate");
    }

    @Test
    void shouldAskForALargeGapPieceByPieceWithinTheCapOnOutstandingRequests()
    {
        arbiter(false, 1024, 2, 1, 2);
        data(LINE_A, 1, 1);
        data(LINE_A, 10, 10);
        data(LINE_A, 20, 20);
        advance(5);
        assertEquals(List.of("2+2"), requests, "one request outstanding at most, two messages each");
        data(RETRANSMISSION, 2, 3);
        assertEquals(List.of("2+2", "4+2"), requests, "an answer asks for the rest at once");
        data(RETRANSMISSION, 4, 5);
        data(RETRANSMISSION, 6, 7);
        data(RETRANSMISSION, 8, 9);
        assertEquals(List.of("2+2", "4+2", "6+2", "8+2", "11+2"), requests);
    }

    @Test
    void shouldTakeAHeartbeatsSequenceNumberAsProofThatTheLastPacketsWereLost()
    {
        arbiter();
        data(LINE_A, 1, 3);
        heartbeat(LINE_A, 6);
        heartbeat(LINE_B, 6);
        advance(5);

        assertEquals(List.of("4+2"), requests);
        data(RETRANSMISSION, 4, 5);
        assertEquals(range(1, 5), sink.sequences);
    }

    @Test
    void shouldReportTheEndOfSessionOnceEverythingBeforeItIsDelivered()
    {
        arbiter();
        data(LINE_A, 1, 3);
        endOfSession(LINE_A, 6);
        assertEquals(3, sink.events.size(), "4 and 5 are still missing");
        advance(5);
        data(RETRANSMISSION, 4, 5);
        endOfSession(LINE_B, 6);
        data(LINE_B, 4, 5);

        assertEquals(List.of("0:1", "0:2", "0:3", "0:4", "0:5", "0:END 6"), sink.events);
        assertEquals(1, counters.sessionsEnded.sum());
        advance(5000);
        assertEquals(6, sink.events.size(), "no stale line after the end of the session");
    }

    @Test
    void shouldStartANewSessionAtOneGiveUpTheOldOnesGapsAndIgnoreItsLatePackets()
    {
        arbiter();
        data(LINE_A, 1, 3);
        data(LINE_A, 6, 6);
        data(LINE_A, NEXT_DAY, 1, 2);
        data(LINE_B, 4, 5);
        data(LINE_B, NEXT_DAY, 1, 3);

        assertEquals(List.of("0:1", "0:2", "0:3", "0:GAP 4-5 SESSION_ENDED", "0:6", "1:1", "1:2", "1:3"), sink.events);
        assertEquals(List.of("000001234A", "000001235A"), sink.sessions);
        assertEquals(1, counters.otherSession.sum());
        assertEquals(1, counters.sessionChanges.sum());
    }

    @Test
    void shouldReportAStaleLineOncePerSilence()
    {
        arbiter();
        data(LINE_A, 1, 1);
        data(LINE_B, 1, 1);
        advance(1000);
        data(LINE_A, 2, 2);
        advance(1001);
        data(LINE_A, 3, 3);
        advance(1001);
        assertEquals(List.of("0:1", "0:2", "0:STALE B 3", "0:3"), sink.events);
        heartbeat(LINE_B, 4);
        advance(2001);

        assertEquals(List.of("0:1", "0:2", "0:STALE B 3", "0:3", "0:STALE A 4", "0:STALE B 4"), sink.events);
        assertEquals(1, counters.stale[LINE_A].sum());
        assertEquals(2, counters.stale[LINE_B].sum());
    }

    @Test
    void shouldHoldWhatTheFullRingRefusesAndDeliverItWhenThereIsRoomUnderRecover()
    {
        arbiter(false, 16, 2, 8, 64);
        sink.room = 0;
        data(LINE_A, 1, 10);
        data(LINE_A, 11, 20);
        assertEquals(List.of(), sink.events);
        assertEquals(16, arbiter.held());
        assertEquals(4, counters.localLoss.sum(), "17 to 20 did not fit the reorder buffer");
        data(LINE_B, 1, 10);
        sink.room = Integer.MAX_VALUE;
        advance(1);
        assertEquals(range(1, 16), sink.sequences);
        advance(5);
        assertEquals(List.of("17+4"), requests, "the local loss is recovered like a network gap");
        data(RETRANSMISSION, 17, 20);
        data(LINE_A, 21, 21);

        assertEquals(range(1, 21), sink.sequences);
        assertEquals(0, counters.gapsGivenUp.sum());
    }

    @Test
    void shouldDropWhatTheFullRingRefusesAndSayWhatUnderShed()
    {
        arbiter(true, 16, 2, 8, 64);
        sink.room = 0;
        data(LINE_A, 1, 3);
        data(LINE_A, 4, 5);
        sink.room = Integer.MAX_VALUE;
        data(LINE_A, 6, 7);
        data(LINE_B, 1, 7);
        advance(100);

        assertEquals(List.of("0:SHED 1-5", "0:6", "0:7"), sink.events);
        assertEquals(5, counters.shed.sum());
        assertEquals(List.of(), requests, "shed never asks");
    }

    @Test
    void shouldDeliverAPacketLargerThanTheRingInPiecesTheRingCanTake()
    {
        sink.capacity = 4;
        arbiter();
        data(LINE_A, 1, 10);

        assertEquals(range(1, 10), sink.sequences);
        assertEquals(0, arbiter.held());
    }

    @Test
    void shouldGiveUpTheOldestGapWhenTheReorderBufferOverflows()
    {
        arbiter(false, 16, 2, 8, 64);
        data(LINE_A, 1, 1);
        data(LINE_A, 3, 10);
        data(LINE_A, 12, 20);
        data(LINE_A, 21, 22);

        assertEquals(List.of("0:1", "0:GAP 2-2 REORDER_BUFFER_FULL", "0:3", "0:4", "0:5", "0:6", "0:7", "0:8", "0:9", "0:10"),
            sink.events);
        assertEquals(11, arbiter.nextExpected());
        assertEquals(11, arbiter.held());
    }

    @Test
    void shouldRecoverEverythingBeforeTheFirstPacketWhenToldWhereTheSessionStarts()
    {
        requester = new RetransmissionRequester((request, length) -> requests.add("r"), counters, 5, 10, 1000, 2, 8, 64);
        arbiter = new LineArbiter(sink, requester, counters, false, 1024, 2000, 1);
        data(LINE_A, 4, 5);
        advance(5);
        data(RETRANSMISSION, 1, 3);

        assertEquals(List.of("r"), requests);
        assertEquals(range(1, 5), sink.sequences);
    }
}
