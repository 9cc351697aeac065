package io.feedhandler.pipeline;

import com.lmax.disruptor.EventHandler;
import io.feedhandler.avro.StatusType;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Stage 1, and the only place that decides ordering: per stream, the next expected sequence
 * number; an event below it is a duplicate (flagged, counted, not published); an event above it
 * opens a gap, reported on the event as [from, to] so the gap becomes a status record that goes to
 * Kafka ahead of the event. Also counts messages per stock locate.
 *
 * <p>After a restart a stream can be replayed from its start up to the checkpoint
 * ({@link #rebuildThrough}): those messages are flagged {@code rebuild}, so the next stage applies
 * them to the order books and the symbol table and nothing publishes them again; publishing
 * resumes one past the checkpoint, exactly where it stopped.
 *
 * <p>State lives in primitive arrays indexed by stream and by locate: nothing is allocated per event.
 */
public final class Sequencer implements EventHandler<FeedEvent>
{
    private static final int LOCATES = 65536;
    private static final int LOCATE_OFFSET = 1;

    private static final Logger LOG = LogManager.getLogger(Sequencer.class);

    private final long[] nextExpected = new long[StreamRegistry.MAX_STREAMS];
    /** Per stream: the first sequence number to publish; below it, rebuild only (0: publish all). */
    private final long[] publishFrom = new long[StreamRegistry.MAX_STREAMS];
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
        final long firstToPublish = publishFrom[stream];
        if (sequence < firstToPublish)
        {
            // Published before the restart: books and symbols only. A hole here was reported then.
            event.rebuild = true;
            counters.rebuilt.increment();
            nextExpected[stream] = sequence + 1;
            return;
        }
        if (firstToPublish != 0)
        {
            rebuilt(stream, firstToPublish);
        }
        // A gap that starts below the checkpoint was reported up to it before the restart.
        final long gapFrom = Math.max(expected, firstToPublish);
        if (expected != 0 && sequence > gapFrom)
        {
            event.gapFrom = gapFrom;
            event.gapTo = sequence - 1;
            counters.gaps.increment();
            counters.missingMessages.add(sequence - gapFrom);
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
        final long firstToPublish = publishFrom[stream];
        if (event.gapTo < firstToPublish)
        {
            // Given up below the checkpoint: reported before the restart (the books miss it, as then).
            event.rebuild = true;
            nextExpected[stream] = event.gapTo + 1;
            return;
        }
        if (firstToPublish != 0)
        {
            rebuilt(stream, firstToPublish);
            event.gapFrom = Math.max(event.gapFrom, firstToPublish);
        }
        if (event.lineStatus == StatusType.GAP)
        {
            counters.gaps.increment();
            counters.missingMessages.add(event.gapTo - event.gapFrom + 1);
        }
        nextExpected[stream] = event.gapTo + 1;
    }

    /**
     * Replay a stream from its first message after a restart without publishing what the
     * checkpoint says was acknowledged: messages 1 to {@code watermark} only rebuild the order
     * books and the symbol table (flagged {@code rebuild}, counted in
     * {@link PipelineCounters#rebuilt}); from {@code watermark + 1} on, everything is published.
     * Call before the source's first event; the source must deliver the stream from 1.
     *
     * @param stream    index of the stream.
     * @param watermark last sequence number acknowledged before the restart.
     */
    public void rebuildThrough(final int stream, final long watermark)
    {
        nextExpected[stream] = 1;
        publishFrom[stream] = watermark + 1;
    }

    /** The first event past the rebuild: say so once, publishing goes on from here. */
    private void rebuilt(final int stream, final long firstToPublish)
    {
        publishFrom[stream] = 0;
        LOG.info("rebuilt the order books and symbols from {} messages below the checkpoint; publishing from sequence number {}",
            counters.rebuilt.sum(), firstToPublish);
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
