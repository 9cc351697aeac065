package io.feedhandler.itch50;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AlphaTest
{
    @Test
    void shouldPackShortFieldsWithSpacePadding()
    {
        assertEquals((short)0x4149, Alpha.encode2("AI"));
        assertEquals((short)0x5A20, Alpha.encode2("Z"));
        assertEquals(0x5431_2020, Alpha.encode4("T1"));
        assertEquals(0x4C55_4450, Alpha.encode4("LUDP"));
        assertEquals(0x2020_2020, Alpha.encode4(""));
    }

    @Test
    void shouldDecodeWithoutPadding()
    {
        assertEquals("AI", Alpha.decode(Alpha.encode2("AI"), 2));
        assertEquals("Z", Alpha.decode(Alpha.encode2("Z"), 2));
        assertEquals("T12", Alpha.decode(Alpha.encode4("T12"), 4));
        assertEquals("", Alpha.decode(Alpha.encode4(""), 4));
        assertEquals("NSDQ", Alpha.decode(0x4E53_4451, 4));
    }

    @Test
    void shouldRejectTextThatDoesNotFit()
    {
        assertThrows(IllegalArgumentException.class, () -> Alpha.encode2("ABC"));
        assertThrows(IllegalArgumentException.class, () -> Alpha.encode4("MWCQX"));
        assertThrows(IllegalArgumentException.class, () -> Alpha.encode4("\u00e9"));
        assertThrows(IllegalArgumentException.class, () -> Alpha.pack("A", 9));
    }
}
