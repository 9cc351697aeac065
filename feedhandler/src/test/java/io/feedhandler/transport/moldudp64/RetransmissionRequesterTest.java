package io.feedhandler.transport.moldudp64;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The re-request scheduler on its own, with an injected clock: ranges, caps, backoff, give-up. */
class RetransmissionRequesterTest
{
    private static final long MS = 1_000_000L;
    private static final byte[] SESSION = "SESSION001".getBytes(StandardCharsets.US_ASCII);

    private final List<String> sent = new ArrayList<>();
    private final LineCounters counters = new LineCounters();
    private final MoldUdp64RequestPacket decoded = new MoldUdp64RequestPacket();

    private RetransmissionRequester requester(final int retries, final int maxOutstanding, final int perRequest)
    {
        final RetransmissionRequester requester = new RetransmissionRequester((request, length) ->
        {
            decoded.wrap(request, 0, length);
            final byte[] session = new byte[10];
            decoded.session(session);
            assertEquals("SESSION001", new String(session, StandardCharsets.US_ASCII));
            sent.add(decoded.sequenceNumber() + "+" + decoded.messageCount());
        }, counters, 5, 10, 25, retries, maxOutstanding, perRequest);
        requester.session(SESSION);
        return requester;
    }

    @Test
    void shouldSplitARangeWhenTheMiddleArrivesAndMergeTouchingRanges()
    {
        final RetransmissionRequester requester = requester(3, 8, 100);
        requester.missing(10, 20, 0);
        requester.arrived(14, 15, 0);
        assertEquals(2, requester.size());
        assertEquals(List.of(10L, 13L, 16L, 20L), List.of(requester.from(0), requester.to(0), requester.from(1), requester.to(1)));
        requester.missing(21, 25, 0);
        assertEquals(2, requester.size(), "21-25 touches 16-20");
        assertEquals(25, requester.to(1));
        requester.arrived(10, 13, 0);
        requester.arrived(16, 25, 0);
        assertEquals(0, requester.size());
        assertEquals(GapRecovery.NONE, requester.firstFrom());
    }

    @Test
    void shouldWaitTheDelayThenBackOffUpToTheCeilingThenGiveUp()
    {
        final RetransmissionRequester requester = requester(3, 8, 100);
        requester.missing(10, 12, 0);
        final List<Long> at = new ArrayList<>();
        for (long t = 0; t <= 200; t++)
        {
            final int before = sent.size();
            requester.poll(t * MS);
            if (sent.size() > before)
            {
                at.add(t);
            }
        }

        assertEquals(List.of(5L, 15L, 35L, 60L), at, "delay 5, then timeouts 10, 20, 25 (ceiling)");
        assertEquals(LineSink.GapReason.UNANSWERED, requester.firstGivenUp());
        assertEquals(4, counters.requests.sum());
        assertEquals(4, counters.requestTimeouts.sum());
    }

    @Test
    void shouldKeepWithinTheCapOnOutstandingRequestsAndOnMessagesPerRequest()
    {
        final RetransmissionRequester requester = requester(3, 2, 4);
        requester.missing(1, 10, 0);
        requester.missing(20, 20, 0);
        requester.missing(30, 30, 0);
        requester.poll(5 * MS);
        assertEquals(List.of("1+4", "20+1"), sent);
        requester.arrived(20, 20, 6 * MS);
        requester.poll(6 * MS);
        assertEquals(List.of("1+4", "20+1", "30+1"), sent);
        requester.arrived(1, 4, 7 * MS);
        requester.poll(7 * MS);
        assertEquals(List.of("1+4", "20+1", "30+1", "5+4"), sent, "an answer asks for the rest at once");
        assertEquals(1, counters.gapsRecovered.sum());
        assertNull(requester.firstGivenUp());
    }
}
