package io.feedhandler.pipeline;

import com.lmax.disruptor.RingBuffer;
import io.feedhandler.avro.StatusType;
import io.feedhandler.transport.moldudp64.LineSink;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The line's ring side on a real single-producer ring with no consumer: a full ring says no, never waits. */
class LineSourceTest
{
    private final RingBuffer<FeedEvent> ring = RingBuffer.createSingleProducer(FeedEvent::new, 8);
    private final PipelineCounters counters = new PipelineCounters();
    private final LineSource source = new LineSource(ring, new StreamRegistry(), counters, 2000);
    private final UnsafeBuffer message = new UnsafeBuffer("S.........O".getBytes(StandardCharsets.US_ASCII));

    @Test
    void shouldClaimPerPacketAndRefuseWithoutWaitingWhenTheRingIsFull()
    {
        ring.addGatingSequences(new com.lmax.disruptor.Sequence(-1));
        final int stream = source.session("SESSION001".getBytes(StandardCharsets.US_ASCII));
        assertTrue(source.tryClaim(6));
        for (int i = 1; i <= 6; i++)
        {
            source.message(stream, i, message, 0, message.capacity(), message.capacity(), 42);
        }
        source.publish();

        assertFalse(source.tryClaim(3), "2 slots left");
        assertTrue(source.gap(stream, 7, 9, LineSink.GapReason.UNANSWERED, 43));
        assertTrue(source.staleLine(stream, 1, 10, 44));
        assertFalse(source.shed(stream, 10, 10, 45), "full: nothing published, nothing waited for");

        assertEquals(6, ring.get(5).sequence());
        assertEquals(StatusType.GAP, ring.get(6).lineStatus());
        assertEquals(7, ring.get(6).gapFrom());
        assertEquals(9, ring.get(6).sequence(), "the watermark moves over the range");
        assertEquals(StatusType.STALE_LINE, ring.get(7).lineStatus());
        assertEquals(6, counters.eventsIn.sum());
    }
}
