package io.feedhandler.transport.moldudp64;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the lines and their arbitration have done, for the run summary, tests and (later) metrics.
 * Written by the line thread only; read by anyone. Arrays are indexed by line:
 * {@link LineArbiter#LINE_A}, {@link LineArbiter#LINE_B}, {@link LineArbiter#RETRANSMISSION}.
 */
public final class LineCounters
{
    /** Lines counted: A, B and the retransmission socket. */
    public static final int LINES = 3;

    /** Datagrams read, per line. */
    public final LongAdder[] packets = adders();
    /** Messages delivered from this line's copy (the first copy won), per line. */
    public final LongAdder[] firstCopies = adders();
    /** Messages already delivered or held when this line's copy came, per line. */
    public final LongAdder[] duplicates = adders();
    /** Datagrams that are not well-formed MoldUDP64, per line. */
    public final LongAdder[] malformed = adders();
    /** Malformed datagrams not sent to the DLQ because the ring was full at the time (counted in malformed too), per line. */
    public final LongAdder[] malformedNotDeadLettered = adders();
    /** Times a line went silent for longer than {@code lines.stale-after-ms}, per line. */
    public final LongAdder[] stale = adders();
    /** Packets of a session other than the current one (the previous day's, late), ignored. */
    public final LongAdder otherSession = new LongAdder();
    /** Missing ranges found (gaps that neither line filled in time count once each). */
    public final LongAdder gapsOpened = new LongAdder();
    /** Re-request packets sent. */
    public final LongAdder requests = new LongAdder();
    /** Sequence numbers asked for, summed over requests. */
    public final LongAdder requestedMessages = new LongAdder();
    /** Requests that went unanswered within their timeout. */
    public final LongAdder requestTimeouts = new LongAdder();
    /** Missing ranges that were requested and then filled completely. */
    public final LongAdder gapsRecovered = new LongAdder();
    /** Missing ranges given up (each one GAP status record). */
    public final LongAdder gapsGivenUp = new LongAdder();
    /** Sequence numbers given up, summed. */
    public final LongAdder messagesGivenUp = new LongAdder();
    /** Messages the line thread could not hold (ring and reorder buffer full): re-requested. */
    public final LongAdder localLoss = new LongAdder();
    /** Messages dropped by the {@code shed} policy (each range one LOCAL_OVERLOAD record). */
    public final LongAdder shed = new LongAdder();
    /** Times the ring was full when the line thread wanted to deliver. */
    public final LongAdder ringFull = new LongAdder();
    /** Sessions ended (end-of-session packet, everything before it delivered or given up). */
    public final LongAdder sessionsEnded = new LongAdder();
    /** Session changes (a new day's session replacing the current one). */
    public final LongAdder sessionChanges = new LongAdder();

    private static LongAdder[] adders()
    {
        final LongAdder[] adders = new LongAdder[LINES];
        for (int i = 0; i < LINES; i++)
        {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
