package io.feedhandler.pipeline;

import com.lmax.disruptor.EventHandler;
import io.feedhandler.avro.StatusType;

/**
 * Stage 1, and the only place that decides ordering: per stream, the next expected sequence
 * number; an event below it is a duplicate (flagged, counted, not published); an event above it
 * opens a gap, reported on the event as [from, to] so the gap becomes a status record that goes to
 * Kafka ahead of the event. Also counts messages per stock locate.
 *
 * <p>State lives in primitive arrays indexed by stream and by locate: nothing is allocated per event.
 */
public final class Sequencer implements EventHandler<FeedEvent>
{
    private static final int LOCATES = 65536;
    private static final int LOCATE_OFFSET = 1;

    private final long[] nextExpected = new long[StreamRegistry.MAX_STREAMS];
    private final long[] messagesPerLocate = new long[LOCATES];
    private final PipelineCounters counters;

    /** @param counters where duplicates, gaps and messages are counted. */
    public Sequencer(final PipelineCounters counters)
    {
        this.counters = counters;
    }

    @Override
    public void onEvent(final FeedEvent event, final long ringSequence, final boolean endOfBatch)
    {
        if (event.kind == FeedEvent.LINE_STATUS)
        {
            lineStatus(event);
            return;
        }
        if (event.kind != FeedEvent.MESSAGE)
        {
            return;
        }
        final int stream = event.stream;
        final long expected = nextExpected[stream];
        final long sequence = event.sequence;
        if (expected != 0 && sequence < expected)
        {
            event.duplicate = true;
            counters.duplicates.increment();
            return;
        }
        if (expected != 0 && sequence > expected)
        {
            event.gapFrom = expected;
            event.gapTo = sequence - 1;
            counters.gaps.increment();
            counters.missingMessages.add(sequence - expected);
        }
        nextExpected[stream] = sequence + 1;
        counters.messages.increment();
        if (event.payloadLength > 0)
        {
            final int type = event.payload.getByte(0) & 0x7F;
            counters.messagesByType.lazySet(type, counters.messagesByType.get(type) + 1);
        }
        if (event.payloadLength >= LOCATE_OFFSET + 2)
        {
            messagesPerLocate[event.payload.getShort(LOCATE_OFFSET, java.nio.ByteOrder.BIG_ENDIAN) & 0xFFFF]++;
        }
    }

    /**
     * A range a line gave up (GAP) or shed (LOCAL_OVERLOAD) is passed over, so the message after it
     * is in sequence: the range's own record is its only report. A range already passed is a
     * duplicate. A stale line moves nothing.
     */
    private void lineStatus(final FeedEvent event)
    {
        if (event.lineStatus == StatusType.STALE_LINE)
        {
            return;
        }
        final int stream = event.stream;
        final long expected = nextExpected[stream];
        if (expected != 0 && event.gapTo < expected)
        {
            event.duplicate = true;
            counters.duplicates.increment();
            return;
        }
        if (event.lineStatus == StatusType.GAP)
        {
            counters.gaps.increment();
            counters.missingMessages.add(event.gapTo - event.gapFrom + 1);
        }
        nextExpected[stream] = event.gapTo + 1;
    }

    /**
     * @param stream index of a stream.
     * @return the sequence number it expects next (0 before its first message).
     */
    public long nextExpected(final int stream)
    {
        return nextExpected[stream];
    }

    /**
     * Start a stream at a known position, e.g. one past the checkpoint after a restart.
     *
     * @param stream   index of the stream.
     * @param sequence next sequence number expected.
     */
    public void expect(final int stream, final long sequence)
    {
        nextExpected[stream] = sequence;
    }

    /**
     * @param locate a stock locate.
     * @return messages seen for it.
     */
    public long messages(final int locate)
    {
        return messagesPerLocate[locate];
    }
}
