package io.feedhandler.pipeline;

import com.lmax.disruptor.RingBuffer;
import io.feedhandler.avro.StatusType;
import io.feedhandler.transport.moldudp64.LineArbiter;
import io.feedhandler.transport.moldudp64.LineSink;
import io.feedhandler.transport.moldudp64.MoldUdp64Session;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.nio.charset.StandardCharsets;

/**
 * Puts what the live lines deliver onto the ring: the {@link LineSink} of the {@link LineArbiter}.
 * One slot per message, claimed per packet with a capacity check first, so the line thread never
 * waits ({@code next(n)} is only called when {@code n} slots are free; the ring is single
 * producer). Gaps given up, shed ranges and stale lines become {@link FeedEvent#LINE_STATUS}
 * events, published as status records. Each message's latency from its origin to the ring's
 * publish is recorded in {@link StageLatencies#toRing()}.
 */
public final class LineSource implements LineSink
{
    private static final byte[] SHED_DETAIL = utf8("ring full: dropped by pipeline.overload-policy = shed");
    private static final byte[][] GAP_DETAILS = new byte[GapReason.values().length][];

    static
    {
        GAP_DETAILS[GapReason.UNANSWERED.ordinal()] =
            utf8("missing from both lines; retransmission requests unanswered, given up");
        GAP_DETAILS[GapReason.REORDER_BUFFER_FULL.ordinal()] =
            utf8("missing from both lines; given up to make room in the reorder buffer");
        GAP_DETAILS[GapReason.SESSION_ENDED.ordinal()] =
            utf8("missing from both lines when a new session started; given up");
        GAP_DETAILS[GapReason.NOT_REPLAYED.ordinal()] =
            utf8("the SoupBinTCP server started after the sequence number asked for at login: not available");
    }

    private final RingBuffer<FeedEvent> ring;
    private final StreamRegistry streams;
    private final PipelineCounters counters;
    private final byte[][] staleDetails;
    private final StageLatencies latencies;
    private final EpochNanoClock clock;
    private long first;
    private long last;
    private long cursor;

    /**
     * @param ring             to publish into (single producer: the line thread).
     * @param streams          sessions get their index here.
     * @param counters         events in are counted here.
     * @param staleAfterMillis the stale limit, for the STALE_LINE records' detail.
     */
    public LineSource(final RingBuffer<FeedEvent> ring, final StreamRegistry streams, final PipelineCounters counters,
        final long staleAfterMillis)
    {
        this(ring, streams, counters, staleAfterMillis, new StageLatencies(StageLatencies.Origin.RECEIVE),
            new SystemEpochNanoClock());
    }

    /**
     * @param ring             to publish into (single producer: the line thread).
     * @param streams          sessions get their index here.
     * @param counters         events in are counted here.
     * @param staleAfterMillis the stale limit, for the STALE_LINE records' detail.
     * @param latencies        origin to ring publish is recorded here.
     * @param clock            the clock of the receive timestamps.
     */
    public LineSource(final RingBuffer<FeedEvent> ring, final StreamRegistry streams, final PipelineCounters counters,
        final long staleAfterMillis, final StageLatencies latencies, final EpochNanoClock clock)
    {
        this.latencies = latencies;
        this.clock = clock;
        this.ring = ring;
        this.streams = streams;
        this.counters = counters;
        this.staleDetails = new byte[][] {
            utf8("line A sent nothing for more than " + staleAfterMillis + " ms"),
            utf8("line B sent nothing for more than " + staleAfterMillis + " ms")};
    }

    @Override
    public int session(final byte[] session)
    {
        return streams.indexOf(MoldUdp64Session.toDisplayString(session));
    }

    @Override
    public int capacity()
    {
        return ring.getBufferSize();
    }

    @Override
    public boolean tryClaim(final int count)
    {
        if (!ring.hasAvailableCapacity(count))
        {
            return false;
        }
        last = ring.next(count);
        first = last - count + 1;
        cursor = first;
        return true;
    }

    @Override
    public void message(final int stream, final long sequence, final DirectBuffer buffer, final int offset,
        final int storedLength, final int length, final long receiveNanos)
    {
        final FeedEvent event = ring.get(cursor++);
        event.loadMessage(stream, sequence, 0, receiveNanos, buffer, offset, storedLength);
        if (length > storedLength)
        {
            event.originalLength = length;
            event.fail("message of " + length + " bytes is longer than any ITCH 5.0 message");
        }
        counters.eventsIn.increment();
    }

    @Override
    public void publish()
    {
        ring.publish(first, last);
        // The slots stay this thread's to read until it claims them again: stages never change
        // the payload or the receive timestamp.
        final long now = clock.nanoTime();
        for (long slot = first; slot <= last; slot++)
        {
            latencies.ringPublished(ring.get(slot), now);
        }
    }

    @Override
    public boolean gap(final int stream, final long from, final long to, final GapReason reason, final long nowNanos)
    {
        return lineStatus(StatusType.GAP, stream, from, to, to, GAP_DETAILS[reason.ordinal()], nowNanos);
    }

    @Override
    public boolean shed(final int stream, final long from, final long to, final long nowNanos)
    {
        return lineStatus(StatusType.LOCAL_OVERLOAD, stream, from, to, to, SHED_DETAIL, nowNanos);
    }

    @Override
    public boolean staleLine(final int stream, final int line, final long nextExpected, final long nowNanos)
    {
        return lineStatus(StatusType.STALE_LINE, stream, 0, 0, nextExpected - 1, staleDetails[line], nowNanos);
    }

    @Override
    public boolean endOfSession(final int stream, final long next, final long nowNanos)
    {
        if (!ring.hasAvailableCapacity(1))
        {
            return false;
        }
        final long slot = ring.next();
        ring.get(slot).loadEndOfSession(stream, next, 0, nowNanos);
        ring.publish(slot);
        return true;
    }

    @Override
    public boolean malformed(final int line, final DirectBuffer buffer, final int offset, final int length,
        final String reason, final long position, final long nowNanos)
    {
        if (!ring.hasAvailableCapacity(1))
        {
            return false;
        }
        final long slot = ring.next();
        final FeedEvent event = ring.get(slot);
        event.clear();
        event.kind = FeedEvent.DEFECT;
        event.stream = -1;
        event.sourceOffset = position;
        final int copied = Math.min(length, FeedEvent.PAYLOAD_CAPACITY);
        event.payload.putBytes(0, buffer, offset, copied);
        event.payloadLength = copied;
        event.originalLength = length;
        event.reason = reason;
        event.receiveTimestampNanos = nowNanos;
        counters.eventsIn.increment();
        ring.publish(slot);
        return true;
    }

    private boolean lineStatus(final StatusType type, final int stream, final long from, final long to,
        final long sequence, final byte[] detail, final long nowNanos)
    {
        if (!ring.hasAvailableCapacity(1))
        {
            return false;
        }
        final long slot = ring.next();
        final FeedEvent event = ring.get(slot);
        event.clear();
        event.kind = FeedEvent.LINE_STATUS;
        event.lineStatus = type;
        event.stream = stream;
        event.gapFrom = from;
        event.gapTo = to;
        event.sequence = sequence;
        event.detail = detail;
        event.receiveTimestampNanos = nowNanos;
        event.payloadLength = 0;
        ring.publish(slot);
        return true;
    }

    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
