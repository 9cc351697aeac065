package io.feedhandler.pipeline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequencerTest
{
    private final PipelineCounters counters = new PipelineCounters();
    private final Sequencer sequencer = new Sequencer(counters);
    private final FeedEvent event = new FeedEvent();

    @Test
    void shouldPassMessagesInSequence()
    {
        assertEquals(0, send(0, 1).gapFrom());
        assertEquals(0, send(0, 2).gapFrom());

        assertEquals(3, sequencer.nextExpected(0));
        assertEquals(2, counters.messages.sum());
    }

    @Test
    void shouldReportAGapAsARangeOnTheEventAfterIt()
    {
        send(0, 1);

        final FeedEvent afterGap = send(0, 5);

        assertEquals(2, afterGap.gapFrom());
        assertEquals(4, afterGap.gapTo());
        assertFalse(afterGap.isDuplicate());
        assertEquals(1, counters.gaps.sum());
        assertEquals(3, counters.missingMessages.sum());
    }

    @Test
    void shouldFlagAndCountDuplicatesWithoutMovingBack()
    {
        send(0, 1);
        send(0, 2);

        assertTrue(send(0, 1).isDuplicate());
        assertEquals(3, sequencer.nextExpected(0));
        assertEquals(1, counters.duplicates.sum());
    }

    @Test
    void shouldPassOverARangeALineGaveUpSoTheNextMessageOpensNoSecondGap()
    {
        send(0, 1);
        final FeedEvent gap = new FeedEvent();
        gap.kind = FeedEvent.LINE_STATUS;
        gap.lineStatus = io.feedhandler.avro.StatusType.GAP;
        gap.stream = 0;
        gap.gapFrom = 2;
        gap.gapTo = 4;
        gap.sequence = 4;
        sequencer.onEvent(gap, 0, true);

        assertFalse(gap.isDuplicate());
        assertEquals(0, send(0, 5).gapFrom(), "the GAP record is the range's only report");
        assertEquals(1, counters.gaps.sum());
        assertEquals(3, counters.missingMessages.sum());
        sequencer.onEvent(gap, 0, true);
        assertTrue(gap.isDuplicate(), "a range already passed is a duplicate");
    }

    @Test
    void shouldFlagWhatTheCheckpointCoversAsRebuildOnlyAndPublishFromOnePastIt()
    {
        sequencer.rebuildThrough(0, 3);

        for (long sequence = 1; sequence <= 3; sequence++)
        {
            final FeedEvent rebuilt = send(0, sequence);
            assertTrue(rebuilt.isRebuild(), "at or below the checkpoint: " + sequence);
            assertFalse(rebuilt.isDuplicate());
        }
        final FeedEvent first = send(0, 4);

        assertFalse(first.isRebuild(), "one past the checkpoint is published");
        assertEquals(0, first.gapFrom());
        assertFalse(send(0, 5).isRebuild());
        assertEquals(3, counters.rebuilt.sum());
        assertEquals(2, counters.messages.sum(), "rebuilt messages are not counted as messages in");
        assertEquals(0, counters.gaps.sum());
    }

    @Test
    void shouldReportOnlyThePartOfAGapAboveTheCheckpoint()
    {
        sequencer.rebuildThrough(0, 10);
        send(0, 1);
        assertTrue(send(0, 4).isRebuild(), "a hole below the checkpoint was reported before the restart");

        final FeedEvent afterGap = send(0, 15);

        assertFalse(afterGap.isRebuild());
        assertEquals(11, afterGap.gapFrom());
        assertEquals(14, afterGap.gapTo());
        assertEquals(4, counters.missingMessages.sum());
        assertEquals(1, counters.gaps.sum());
    }

    @Test
    void shouldNotPublishAGivenUpRangeBelowTheCheckpointAgainAndClipOneAcrossIt()
    {
        sequencer.rebuildThrough(0, 10);
        send(0, 1);
        final FeedEvent below = lineGap(0, 2, 4);
        assertTrue(below.isRebuild(), "given up before the restart, reported then");
        assertEquals(0, counters.gaps.sum());
        assertTrue(send(0, 5).isRebuild());

        final FeedEvent across = lineGap(0, 6, 12);

        assertFalse(across.isRebuild());
        assertEquals(11, across.gapFrom(), "only what was never published is reported");
        assertEquals(12, across.gapTo());
        assertEquals(1, counters.gaps.sum());
        assertEquals(2, counters.missingMessages.sum());
        assertEquals(0, send(0, 13).gapFrom());
    }

    @Test
    void shouldKeepSequenceStatePerStream()
    {
        send(0, 100);
        send(1, 7);

        assertEquals(0, send(1, 8).gapFrom());
        assertEquals(101, sequencer.nextExpected(0));
    }

    @Test
    void shouldResumeAfterACheckpointAndReportWhatIsMissingSinceThen()
    {
        sequencer.expect(0, 51);

        final FeedEvent first = send(0, 60);

        assertEquals(51, first.gapFrom());
        assertEquals(59, first.gapTo());
    }

    private FeedEvent lineGap(final int stream, final long from, final long to)
    {
        final FeedEvent gap = new FeedEvent();
        gap.kind = FeedEvent.LINE_STATUS;
        gap.lineStatus = io.feedhandler.avro.StatusType.GAP;
        gap.stream = stream;
        gap.gapFrom = from;
        gap.gapTo = to;
        gap.sequence = to;
        sequencer.onEvent(gap, 0, true);
        return gap;
    }

    private FeedEvent send(final int stream, final long sequence)
    {
        event.clear();
        event.kind = FeedEvent.MESSAGE;
        event.stream = stream;
        event.sequence = sequence;
        event.payloadLength = 0;
        sequencer.onEvent(event, 0, true);
        return event;
    }
}
