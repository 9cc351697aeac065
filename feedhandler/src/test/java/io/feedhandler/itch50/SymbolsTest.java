package io.feedhandler.itch50;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymbolsTest
{
    @Test
    void shouldPackSymbolAsSpacePaddedBigEndianBytes()
    {
        assertEquals(0x4141_504C_2020_2020L, Symbols.encode("AAPL"));
        assertEquals(0x4142_4344_4546_4748L, Symbols.encode("ABCDEFGH"));
        assertEquals(0x5A20_2020_2020_2020L, Symbols.encode("Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "BF.B", "ABCDEFGH", "ZVZZT", "QQQ", "BRK A"})
    void shouldDecodeWhatItEncodes(final String symbol)
    {
        final long stock = Symbols.encode(symbol);

        assertEquals(symbol, Symbols.decode(stock));
        assertEquals(symbol, Symbols.appendTo(new StringBuilder(), stock).toString());
        assertEquals(symbol.length(), Symbols.length(stock));
        assertTrue(Symbols.equals(stock, symbol));
        assertTrue(Symbols.isWellFormed(stock));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " AAPL", "ABCDEFGHI", "caf\u00e9", "A\tB"})
    void shouldRejectTextThatIsNotASymbol(final String text)
    {
        assertThrows(IllegalArgumentException.class, () -> Symbols.encode(text));
    }

    @Test
    void shouldCompareWithoutDecoding()
    {
        final long aapl = Symbols.encode("AAPL");

        assertFalse(Symbols.equals(aapl, "AAP"));
        assertFalse(Symbols.equals(aapl, "AAPLX"));
        assertFalse(Symbols.equals(aapl, "ABCDEFGHI"));
        assertFalse(Symbols.equals(aapl, "aapl"));
        assertTrue(Symbols.equals(aapl, "AAPL"));
    }

    @Test
    void shouldSortAlphabetically()
    {
        assertTrue(Symbols.compare(Symbols.encode("AB"), Symbols.encode("ABC")) < 0);
        assertTrue(Symbols.compare(Symbols.encode("ABC"), Symbols.encode("AC")) < 0);
        assertTrue(Symbols.compare(Symbols.encode("ZZ"), Symbols.encode("A")) > 0);
        assertEquals(0, Symbols.compare(Symbols.encode("MSFT"), Symbols.encode("MSFT")));
    }

    @Test
    void shouldFlagBlankOrUnprintableFields()
    {
        assertFalse(Symbols.isWellFormed(Symbols.BLANK));
        assertFalse(Symbols.isWellFormed(0L));
        assertFalse(Symbols.isWellFormed(0x4141_0A4C_2020_2020L));
        assertFalse(Symbols.isWellFormed(0x4141_504C_2020_20FFL));
        assertEquals(0, Symbols.length(Symbols.BLANK));
        assertEquals("", Symbols.decode(Symbols.BLANK));
    }
}
