package io.feedhandler.transport.file;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputWindowTest
{
    @Test
    void shouldSlideAStraddlingRecordToTheFrontAndKeepAbsolutePositions() throws IOException
    {
        final InputWindow window = new InputWindow(new ByteArrayInputStream(bytes(40)), 16);

        assertTrue(window.ensure(10));
        window.advance(10);
        assertTrue(window.ensure(12));

        assertEquals(10, window.position());
        assertEquals(10, window.buffer().getByte(window.offset()));
        assertEquals(21, window.buffer().getByte(window.offset() + 11));
        assertEquals(16, window.buffer().capacity());
    }

    @Test
    void shouldGrowForALargeRecordAndServeItWhole() throws IOException
    {
        final InputWindow window = new InputWindow(new ByteArrayInputStream(bytes(100)), 16);
        window.ensure(1);
        window.advance(1);

        assertTrue(window.ensure(99));

        assertEquals(1, window.buffer().getByte(window.offset()));
        assertEquals(99, window.buffer().getByte(window.offset() + 98));
        assertFalse(window.isExhausted());
    }

    @Test
    void shouldGrowNoFurtherThanTheStreamGoesForALengthItCannotMeet() throws IOException
    {
        final InputWindow window = new InputWindow(new ByteArrayInputStream(bytes(40)), 16);

        assertFalse(window.ensure(InputWindow.MAX_CAPACITY));

        assertEquals(40, window.available());
        assertEquals(64, window.buffer().capacity());
    }

    @Test
    void shouldReportExhaustionOnlyOnceEveryByteIsConsumed() throws IOException
    {
        final InputWindow window = new InputWindow(new ByteArrayInputStream(bytes(3)), 16);

        assertFalse(window.isExhausted());
        window.advance(3);

        assertTrue(window.isExhausted());
        assertEquals(3, window.position());
    }

    private static byte[] bytes(final int length)
    {
        final byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)i;
        }
        return bytes;
    }
}
