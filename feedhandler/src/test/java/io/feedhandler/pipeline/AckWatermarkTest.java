package io.feedhandler.pipeline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AckWatermarkTest
{
    @Test
    void shouldMoveOnlyOverTheContiguousAcknowledgedPrefix()
    {
        final AckWatermark watermark = new AckWatermark(8, 99);
        final long first = watermark.begin(100, 1);
        final long second = watermark.begin(101, 2);
        final long third = watermark.begin(102, 1);

        watermark.complete(third);
        assertEquals(99, watermark.watermark());
        watermark.complete(second);
        assertEquals(99, watermark.watermark());
        watermark.complete(first);
        assertEquals(100, watermark.watermark());
        watermark.complete(second);
        assertEquals(102, watermark.watermark());
    }

    @Test
    void shouldPassOverSequencesWithoutRecordsAndOverReportedGaps()
    {
        final AckWatermark watermark = new AckWatermark(8, 0);
        final long first = watermark.begin(1, 1);
        watermark.begin(2, 0);
        final long afterGap = watermark.begin(10, 2);

        watermark.complete(first);
        assertEquals(2, watermark.watermark());
        watermark.complete(afterGap);
        watermark.complete(afterGap);
        assertEquals(10, watermark.watermark());
    }

    @Test
    void shouldRefuseMoreInFlightSequencesThanItsCapacity()
    {
        final AckWatermark watermark = new AckWatermark(2, 0);
        final long first = watermark.begin(1, 1);
        watermark.begin(2, 1);

        assertEquals(-1, watermark.begin(3, 1));
        watermark.complete(first);
        assertEquals(2, watermark.begin(3, 1));
        assertEquals(2, watermark.inFlight());
    }
}
