package io.feedhandler.itch50;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PricesTest
{
    @Test
    void shouldFormatFourDecimals()
    {
        assertEquals("123.4500", Prices.format(1_234_500));
        assertEquals("0.0000", Prices.format(0));
        assertEquals("0.0001", Prices.format(1));
        assertEquals("200000.0000", Prices.format(Prices.MAX_PRICE));
        assertEquals("199999.9900", Prices.format(Prices.MARKET_ORDER_PRICE));
        assertEquals("429496.7295", Prices.format(0xFFFF_FFFFL));
    }

    @Test
    void shouldFormatEightDecimalsAsUnsigned()
    {
        assertEquals("3014.25000000", Prices.format(301_425_000_000L, Prices.MWCB_SCALE));
        assertEquals("184467440737.09551615", Prices.format(-1L, Prices.MWCB_SCALE));
    }

    @Test
    void shouldAppendWithoutCreatingAString()
    {
        final StringBuilder builder = new StringBuilder("px=");

        assertEquals("px=21.3300", Prices.appendTo(builder, 213_300, Prices.SCALE).toString());
    }

    @Test
    void shouldRecogniseMarketOrderSentinelOnly()
    {
        assertTrue(Prices.isMarketOrder(1_999_999_900L));
        assertFalse(Prices.isMarketOrder(Prices.MAX_PRICE));
        assertFalse(Prices.isMarketOrder(1_999_999_800L));
    }

    @Test
    void shouldParseDecimals()
    {
        assertEquals(1_234_500, Prices.parse("123.45", Prices.SCALE));
        assertEquals(70_000, Prices.parse("7", Prices.SCALE));
        assertEquals(5_000, Prices.parse(".5", Prices.SCALE));
        assertEquals(Prices.MARKET_ORDER_PRICE, Prices.parse("199999.99", Prices.SCALE));
        assertEquals(301_425_000_000L, Prices.parse("3014.25", Prices.MWCB_SCALE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "1.23456", "-1", "1,5", "1.2.3", "99999999999999999999"})
    void shouldRejectWhatIsNotAPrice(final String text)
    {
        assertThrows(IllegalArgumentException.class, () -> Prices.parse(text, Prices.SCALE));
    }

    @Test
    void shouldRejectUnsupportedScale()
    {
        assertThrows(IllegalArgumentException.class, () -> Prices.format(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Prices.format(1, 19));
    }
}
