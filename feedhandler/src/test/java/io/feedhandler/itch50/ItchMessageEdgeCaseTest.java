package io.feedhandler.itch50;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values at the edges of each field's range, read from hand-written bytes where the sign matters. */
class ItchMessageEdgeCaseTest
{
    private static final long STOCK = Symbols.encode("AAPL");

    @Test
    void shouldReadMaximumPriceAsUnsignedNotNegative()
    {
        final AddOrder m = new AddOrder().wrap(new UnsafeBuffer(addOrderBytes("FFFFFFFF")), 0);

        assertEquals(0xFFFF_FFFFL, m.price());
        assertEquals("429496.7295", Prices.format(m.price()));
    }

    @Test
    void shouldCarryLargestRealPrice()
    {
        final AddOrder m = new AddOrder().wrap(new UnsafeBuffer(addOrderBytes("77359400")), 0);

        assertEquals(Prices.MAX_PRICE, m.price());
        assertEquals("200000.0000", Prices.format(m.price()));
    }

    @Test
    void shouldCarryMarketOrderSentinelInTradeCrossTradeAndNoii()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ItchMessageType.MAX_LENGTH]);

        new Trade().wrapForEncode(buffer, 0).price(Prices.MARKET_ORDER_PRICE);
        final Trade trade = new Trade().wrap(buffer, 0);
        assertTrue(Prices.isMarketOrder(trade.price()));
        assertEquals("199999.9900", Prices.format(trade.price()));

        new CrossTrade().wrapForEncode(buffer, 0).crossPrice(Prices.MARKET_ORDER_PRICE);
        assertTrue(Prices.isMarketOrder(new CrossTrade().wrap(buffer, 0).crossPrice()));

        new Noii().wrapForEncode(buffer, 0)
            .farPrice(Prices.MARKET_ORDER_PRICE).nearPrice(Prices.MARKET_ORDER_PRICE).currentReferencePrice(1_234_500);
        final Noii noii = new Noii().wrap(buffer, 0);
        assertTrue(Prices.isMarketOrder(noii.farPrice()));
        assertTrue(Prices.isMarketOrder(noii.nearPrice()));
        assertEquals(1_234_500, noii.currentReferencePrice());
    }

    @Test
    void shouldReadHeaderFieldsAsUnsigned()
    {
        final byte[] bytes = HexFormat.of().parseHex("44" + "FFFF" + "FFFF" + "FFFFFFFFFFFF" + "0000000000000001");
        final OrderDelete m = new OrderDelete().wrap(new UnsafeBuffer(bytes), 0);

        assertEquals(65_535, m.stockLocate());
        assertEquals(65_535, m.trackingNumber());
        assertEquals(0xFFFF_FFFF_FFFFL, m.timestamp());
    }

    @Test
    void shouldCarryTimestampJustBeforeMidnight()
    {
        final byte[] bytes = HexFormat.of().parseHex("44" + "0001" + "0000" + "4E94914EFFFF" + "0000000000000001");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[OrderDelete.LENGTH]);
        new OrderDelete().wrapForEncode(buffer, 0).stockLocate(1).trackingNumber(0).timestamp(86_399_999_999_999L)
            .orderReferenceNumber(1);

        assertArrayEquals(bytes, buffer.byteArray());
        assertEquals(86_399_999_999_999L, new OrderDelete().wrap(new UnsafeBuffer(bytes), 0).timestamp());
    }

    @Test
    void shouldKeepTopBitOfOrderReferenceNumber()
    {
        final byte[] bytes = HexFormat.of().parseHex("44" + "0001" + "0000" + "000000000001" + "8000000000000001");
        final OrderDelete m = new OrderDelete().wrap(new UnsafeBuffer(bytes), 0);

        assertEquals(0x8000_0000_0000_0001L, m.orderReferenceNumber());
        assertEquals("9223372036854775809", Long.toUnsignedString(m.orderReferenceNumber()));
        assertTrue(Long.compareUnsigned(m.orderReferenceNumber(), Long.MAX_VALUE) > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "AB", "ABC", "ABCD", "ABCDE", "ABCDEF", "ABCDEFG", "ABCDEFGH"})
    void shouldCarrySymbolsOfOneToEightCharacters(final String symbol)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[AddOrder.LENGTH]);
        new AddOrder().wrapForEncode(buffer, 0).stock(Symbols.encode(symbol));

        final byte[] field = Arrays.copyOfRange(buffer.byteArray(), 24, 32);
        assertEquals((symbol + "        ").substring(0, 8), new String(field, StandardCharsets.US_ASCII));
        assertEquals(symbol, Symbols.decode(new AddOrder().wrap(buffer, 0).stock()));
    }

    @Test
    void shouldPassUnknownEnumerationValuesThrough()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ItchMessageType.MAX_LENGTH]);

        new SystemEvent().wrapForEncode(buffer, 0).eventCode((byte)0xFF);
        assertEquals((byte)0xFF, new SystemEvent().wrap(buffer, 0).eventCode());

        new AddOrder().wrapForEncode(buffer, 0).side((byte)'Z');
        assertEquals('Z', new AddOrder().wrap(buffer, 0).side());

        new CrossTrade().wrapForEncode(buffer, 0).crossType((byte)0);
        assertEquals(0, new CrossTrade().wrap(buffer, 0).crossType());

        new StockTradingAction().wrapForEncode(buffer, 0).tradingState((byte)'?').reason(0xDEAD_BEEF);
        final StockTradingAction action = new StockTradingAction().wrap(buffer, 0);
        assertEquals('?', action.tradingState());
        assertEquals(0xDEAD_BEEF, action.reason());
    }

    @Test
    void shouldWriteOnlyTheFieldWidthOfAnOversizedValue()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[AddOrder.LENGTH]);
        final AddOrder encoder = new AddOrder().wrapForEncode(buffer, 0)
            .side(Side.BUY).stock(STOCK).stockLocate(7).trackingNumber(0);
        encoder.shares(0x1_0000_0005L).stockLocate(0x1_0002).timestamp(0x7F00_0000_0000_0003L);

        final AddOrder m = new AddOrder().wrap(buffer, 0);
        assertEquals(5, m.shares());
        assertEquals(2, m.stockLocate());
        assertEquals(0, m.trackingNumber());
        assertEquals(3, m.timestamp());
        assertEquals('B', m.side());
        assertEquals(STOCK, m.stock());
    }

    private static byte[] addOrderBytes(final String priceHex)
    {
        // type, locate, tracking, timestamp 09:30, order reference 1, 'B', 100 shares, "AAPL", price
        return HexFormat.of().parseHex("41" + "0001" + "0000" + "1F1ACED9F000" + "0000000000000001" + "42" +
            "00000064" + "4141504C20202020" + priceHex);
    }
}
