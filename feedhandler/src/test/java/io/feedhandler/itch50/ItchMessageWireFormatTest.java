package io.feedhandler.itch50;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every message type against bytes written by hand from the layouts in PROTOCOLS.md section 1.5,
 * one group of hex digits per field, so that the encoder and the decoder cannot agree on a wrong
 * offset. Each test encodes with the setters and compares bytes, then decodes the hand-written bytes.
 */
class ItchMessageWireFormatTest
{
    /** Stock locate 0x1234, tracking number 5, timestamp 0x123456789ABC (05:33:35.998343868). */
    private static final String HEADER = "1234 0005 123456789ABC";
    private static final String MARKET_WIDE_HEADER = "0000 0005 123456789ABC";
    private static final long TIMESTAMP = 0x1234_5678_9ABCL;
    private static final String AAPL = "4141504C20202020";

    @Test
    void shouldLayOutSystemEvent()
    {
        final byte[] expected = hex("53", MARKET_WIDE_HEADER, "4F");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[SystemEvent.LENGTH]);
        new SystemEvent().wrapForEncode(buffer, 0).stockLocate(0).trackingNumber(5).timestamp(TIMESTAMP)
            .eventCode(SystemEvent.START_OF_MESSAGES);
        assertArrayEquals(expected, buffer.byteArray());

        final SystemEvent m = new SystemEvent().wrap(new UnsafeBuffer(expected), 0);
        assertEquals(0, m.stockLocate());
        assertEquals(5, m.trackingNumber());
        assertEquals(TIMESTAMP, m.timestamp());
        assertEquals('O', m.eventCode());
    }

    @Test
    void shouldLayOutStockDirectory()
    {
        final byte[] expected = hex("52", HEADER, AAPL, "51", "4E", "00000064", "59", "43", "5A20", "50", "4E", "20",
            "31", "4E", "00000003", "49");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[StockDirectory.LENGTH]);
        header(new StockDirectory().wrapForEncode(buffer, 0))
            .stock(Symbols.encode("AAPL"))
            .marketCategory((byte)'Q')
            .financialStatusIndicator((byte)'N')
            .roundLotSize(100)
            .roundLotsOnly((byte)'Y')
            .issueClassification((byte)'C')
            .issueSubType(Alpha.encode2("Z"))
            .authenticity((byte)'P')
            .shortSaleThresholdIndicator((byte)'N')
            .ipoFlag((byte)' ')
            .luldReferencePriceTier((byte)'1')
            .etpFlag((byte)'N')
            .etpLeverageFactor(3)
            .inverseIndicator((byte)'I');
        assertArrayEquals(expected, buffer.byteArray());

        final StockDirectory m = new StockDirectory().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals("AAPL", Symbols.decode(m.stock()));
        assertEquals('Q', m.marketCategory());
        assertEquals('N', m.financialStatusIndicator());
        assertEquals(100, m.roundLotSize());
        assertEquals('Y', m.roundLotsOnly());
        assertEquals('C', m.issueClassification());
        assertEquals(0x5A20, m.issueSubType());
        assertEquals('P', m.authenticity());
        assertEquals('N', m.shortSaleThresholdIndicator());
        assertEquals(' ', m.ipoFlag());
        assertEquals('1', m.luldReferencePriceTier());
        assertEquals('N', m.etpFlag());
        assertEquals(3, m.etpLeverageFactor());
        assertEquals('I', m.inverseIndicator());
    }

    @Test
    void shouldLayOutStockTradingAction()
    {
        final byte[] expected = hex("48", HEADER, AAPL, "48", "20", "4C554450");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[StockTradingAction.LENGTH]);
        header(new StockTradingAction().wrapForEncode(buffer, 0))
            .stock(Symbols.encode("AAPL")).tradingState((byte)'H').reserved((byte)' ').reason(Alpha.encode4("LUDP"));
        assertArrayEquals(expected, buffer.byteArray());

        final StockTradingAction m = new StockTradingAction().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals("AAPL", Symbols.decode(m.stock()));
        assertEquals('H', m.tradingState());
        assertEquals(' ', m.reserved());
        assertEquals(0x4C55_4450, m.reason());
    }

    @Test
    void shouldLayOutRegShoRestriction()
    {
        final byte[] expected = hex("59", HEADER, AAPL, "31");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[RegShoRestriction.LENGTH]);
        header(new RegShoRestriction().wrapForEncode(buffer, 0)).stock(Symbols.encode("AAPL")).regShoAction((byte)'1');
        assertArrayEquals(expected, buffer.byteArray());

        final RegShoRestriction m = new RegShoRestriction().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals("AAPL", Symbols.decode(m.stock()));
        assertEquals('1', m.regShoAction());
    }

    @Test
    void shouldLayOutMarketParticipantPosition()
    {
        final byte[] expected = hex("4C", HEADER, "4E534451", AAPL, "59", "4E", "41");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MarketParticipantPosition.LENGTH]);
        header(new MarketParticipantPosition().wrapForEncode(buffer, 0))
            .mpid(Alpha.encode4("NSDQ"))
            .stock(Symbols.encode("AAPL"))
            .primaryMarketMaker((byte)'Y')
            .marketMakerMode((byte)'N')
            .marketParticipantState((byte)'A');
        assertArrayEquals(expected, buffer.byteArray());

        final MarketParticipantPosition m = new MarketParticipantPosition().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals(0x4E53_4451, m.mpid());
        assertEquals("AAPL", Symbols.decode(m.stock()));
        assertEquals('Y', m.primaryMarketMaker());
        assertEquals('N', m.marketMakerMode());
        assertEquals('A', m.marketParticipantState());
    }

    @Test
    void shouldLayOutMwcbDeclineLevel()
    {
        // 3014.25, 2803.50, 2580.00 with 8 decimals
        final byte[] expected = hex("56", MARKET_WIDE_HEADER,
            "000000462E547E40", "0000004146298380", "0000003C11FF9400");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MwcbDeclineLevel.LENGTH]);
        new MwcbDeclineLevel().wrapForEncode(buffer, 0).stockLocate(0).trackingNumber(5).timestamp(TIMESTAMP)
            .level1(301_425_000_000L).level2(280_350_000_000L).level3(258_000_000_000L);
        assertArrayEquals(expected, buffer.byteArray());

        final MwcbDeclineLevel m = new MwcbDeclineLevel().wrap(new UnsafeBuffer(expected), 0);
        assertEquals("3014.25000000", Prices.format(m.level1(), Prices.MWCB_SCALE));
        assertEquals("2803.50000000", Prices.format(m.level2(), Prices.MWCB_SCALE));
        assertEquals("2580.00000000", Prices.format(m.level3(), Prices.MWCB_SCALE));
    }

    @Test
    void shouldLayOutMwcbStatus()
    {
        final byte[] expected = hex("57", MARKET_WIDE_HEADER, "32");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MwcbStatus.LENGTH]);
        new MwcbStatus().wrapForEncode(buffer, 0).stockLocate(0).trackingNumber(5).timestamp(TIMESTAMP)
            .breachedLevel((byte)'2');
        assertArrayEquals(expected, buffer.byteArray());

        assertEquals('2', new MwcbStatus().wrap(new UnsafeBuffer(expected), 0).breachedLevel());
    }

    @Test
    void shouldLayOutIpoQuotingPeriodUpdate()
    {
        // release at 09:30:00 = 34200 s = 0x8598; IPO price 40.4300
        final byte[] expected = hex("4B", HEADER, AAPL, "00008598", "41", "00062B4C");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[IpoQuotingPeriodUpdate.LENGTH]);
        header(new IpoQuotingPeriodUpdate().wrapForEncode(buffer, 0))
            .stock(Symbols.encode("AAPL"))
            .ipoQuotationReleaseTime(34_200)
            .ipoQuotationReleaseQualifier((byte)'A')
            .ipoPrice(404_300);
        assertArrayEquals(expected, buffer.byteArray());

        final IpoQuotingPeriodUpdate m = new IpoQuotingPeriodUpdate().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals("AAPL", Symbols.decode(m.stock()));
        assertEquals(34_200, m.ipoQuotationReleaseTime());
        assertEquals('A', m.ipoQuotationReleaseQualifier());
        assertEquals("40.4300", Prices.format(m.ipoPrice()));
    }

    @Test
    void shouldLayOutLuldAuctionCollar()
    {
        final byte[] expected = hex("4A", HEADER, AAPL, "0012D644", "00062B4C", "00000064", "00000002");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[LuldAuctionCollar.LENGTH]);
        header(new LuldAuctionCollar().wrapForEncode(buffer, 0))
            .stock(Symbols.encode("AAPL"))
            .auctionCollarReferencePrice(1_234_500)
            .upperAuctionCollarPrice(404_300)
            .lowerAuctionCollarPrice(100)
            .auctionCollarExtension(2);
        assertArrayEquals(expected, buffer.byteArray());

        final LuldAuctionCollar m = new LuldAuctionCollar().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals("AAPL", Symbols.decode(m.stock()));
        assertEquals(1_234_500, m.auctionCollarReferencePrice());
        assertEquals(404_300, m.upperAuctionCollarPrice());
        assertEquals(100, m.lowerAuctionCollarPrice());
        assertEquals(2, m.auctionCollarExtension());
    }

    @Test
    void shouldLayOutOperationalHalt()
    {
        final byte[] expected = hex("68", HEADER, AAPL, "51", "48");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[OperationalHalt.LENGTH]);
        header(new OperationalHalt().wrapForEncode(buffer, 0))
            .stock(Symbols.encode("AAPL")).marketCode((byte)'Q').operationalHaltAction((byte)'H');
        assertArrayEquals(expected, buffer.byteArray());

        final OperationalHalt m = new OperationalHalt().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals('h', m.messageType());
        assertEquals("AAPL", Symbols.decode(m.stock()));
        assertEquals('Q', m.marketCode());
        assertEquals('H', m.operationalHaltAction());
    }

    @Test
    void shouldLayOutAddOrder()
    {
        final byte[] expected = hex("41", HEADER, "0000000000000101", "53", "00000064", AAPL, "0012D644");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[AddOrder.LENGTH]);
        header(new AddOrder().wrapForEncode(buffer, 0))
            .orderReferenceNumber(257).side(Side.SELL).shares(100).stock(Symbols.encode("AAPL")).price(1_234_500);
        assertArrayEquals(expected, buffer.byteArray());

        final AddOrder m = new AddOrder().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals(257, m.orderReferenceNumber());
        assertEquals('S', m.side());
        assertEquals(100, m.shares());
        assertEquals("AAPL", Symbols.decode(m.stock()));
        assertEquals("123.4500", Prices.format(m.price()));
    }

    @Test
    void shouldLayOutAddOrderMpid()
    {
        final byte[] expected = hex("46", HEADER, "FFFFFFFFFFFFFFFF", "42", "000F4240", "5A565A5A54202020", "77359400",
            "4E534451");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[AddOrderMpid.LENGTH]);
        header(new AddOrderMpid().wrapForEncode(buffer, 0))
            .orderReferenceNumber(-1L)
            .side(Side.BUY)
            .shares(1_000_000)
            .stock(Symbols.encode("ZVZZT"))
            .price(Prices.MAX_PRICE)
            .attribution(Alpha.encode4("NSDQ"));
        assertArrayEquals(expected, buffer.byteArray());

        final AddOrderMpid m = new AddOrderMpid().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals("18446744073709551615", Long.toUnsignedString(m.orderReferenceNumber()));
        assertEquals('B', m.side());
        assertEquals(1_000_000, m.shares());
        assertEquals("ZVZZT", Symbols.decode(m.stock()));
        assertEquals("200000.0000", Prices.format(m.price()));
        assertEquals("NSDQ", Alpha.decode(m.attribution(), 4));
    }

    @Test
    void shouldLayOutOrderExecuted()
    {
        final byte[] expected = hex("45", HEADER, "0000000000000101", "0000012C", "000000000000D0E6");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[OrderExecuted.LENGTH]);
        header(new OrderExecuted().wrapForEncode(buffer, 0))
            .orderReferenceNumber(257).executedShares(300).matchNumber(0xD0E6);
        assertArrayEquals(expected, buffer.byteArray());

        final OrderExecuted m = new OrderExecuted().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals(257, m.orderReferenceNumber());
        assertEquals(300, m.executedShares());
        assertEquals(0xD0E6, m.matchNumber());
    }

    @Test
    void shouldLayOutOrderExecutedWithPrice()
    {
        final byte[] expected = hex("43", HEADER, "0000000000000101", "0000012C", "000000000000D0E6", "4E", "00062B4C");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[OrderExecutedWithPrice.LENGTH]);
        header(new OrderExecutedWithPrice().wrapForEncode(buffer, 0))
            .orderReferenceNumber(257)
            .executedShares(300)
            .matchNumber(0xD0E6)
            .printable((byte)'N')
            .executionPrice(404_300);
        assertArrayEquals(expected, buffer.byteArray());

        final OrderExecutedWithPrice m = new OrderExecutedWithPrice().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals(257, m.orderReferenceNumber());
        assertEquals(300, m.executedShares());
        assertEquals(0xD0E6, m.matchNumber());
        assertEquals('N', m.printable());
        assertEquals(404_300, m.executionPrice());
    }

    @Test
    void shouldLayOutOrderCancel()
    {
        final byte[] expected = hex("58", HEADER, "0000000000000101", "000000C8");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[OrderCancel.LENGTH]);
        header(new OrderCancel().wrapForEncode(buffer, 0)).orderReferenceNumber(257).cancelledShares(200);
        assertArrayEquals(expected, buffer.byteArray());

        final OrderCancel m = new OrderCancel().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals(257, m.orderReferenceNumber());
        assertEquals(200, m.cancelledShares());
    }

    @Test
    void shouldLayOutOrderDelete()
    {
        final byte[] expected = hex("44", HEADER, "8000000000000101");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[OrderDelete.LENGTH]);
        header(new OrderDelete().wrapForEncode(buffer, 0)).orderReferenceNumber(0x8000_0000_0000_0101L);
        assertArrayEquals(expected, buffer.byteArray());

        final OrderDelete m = new OrderDelete().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals(0x8000_0000_0000_0101L, m.orderReferenceNumber());
    }

    @Test
    void shouldLayOutOrderReplace()
    {
        final byte[] expected = hex("55", HEADER, "0000000000000101", "8000000000000000", "000001F4", "0000C350");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[OrderReplace.LENGTH]);
        header(new OrderReplace().wrapForEncode(buffer, 0))
            .originalOrderReferenceNumber(257).newOrderReferenceNumber(Long.MIN_VALUE).shares(500).price(50_000);
        assertArrayEquals(expected, buffer.byteArray());

        final OrderReplace m = new OrderReplace().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals(257, m.originalOrderReferenceNumber());
        assertEquals(Long.MIN_VALUE, m.newOrderReferenceNumber());
        assertEquals(500, m.shares());
        assertEquals("5.0000", Prices.format(m.price()));
    }

    @Test
    void shouldLayOutTrade()
    {
        final byte[] expected = hex("50", HEADER, "0000000000000000", "42", "00000064", "4D53465420202020", "7735939C",
            "000000000000D0EF");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Trade.LENGTH]);
        header(new Trade().wrapForEncode(buffer, 0))
            .orderReferenceNumber(0)
            .side(Side.BUY)
            .shares(100)
            .stock(Symbols.encode("MSFT"))
            .price(Prices.MARKET_ORDER_PRICE)
            .matchNumber(0xD0EF);
        assertArrayEquals(expected, buffer.byteArray());

        final Trade m = new Trade().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals(0, m.orderReferenceNumber());
        assertEquals('B', m.side());
        assertEquals(100, m.shares());
        assertEquals("MSFT", Symbols.decode(m.stock()));
        assertEquals("199999.9900", Prices.format(m.price()));
        assertEquals(0xD0EF, m.matchNumber());
    }

    @Test
    void shouldLayOutCrossTradeWithEightByteShares()
    {
        final byte[] expected = hex("51", HEADER, "0000000100000000", AAPL, "00062B4C", "000000000000D0F9", "4F");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CrossTrade.LENGTH]);
        header(new CrossTrade().wrapForEncode(buffer, 0))
            .shares(1L << 32)
            .stock(Symbols.encode("AAPL"))
            .crossPrice(404_300)
            .matchNumber(0xD0F9)
            .crossType((byte)'O');
        assertArrayEquals(expected, buffer.byteArray());

        final CrossTrade m = new CrossTrade().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals(1L << 32, m.shares());
        assertEquals("AAPL", Symbols.decode(m.stock()));
        assertEquals(404_300, m.crossPrice());
        assertEquals(0xD0F9, m.matchNumber());
        assertEquals('O', m.crossType());
    }

    @Test
    void shouldLayOutBrokenTrade()
    {
        final byte[] expected = hex("42", HEADER, "000000000000D0F9");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[BrokenTrade.LENGTH]);
        header(new BrokenTrade().wrapForEncode(buffer, 0)).matchNumber(0xD0F9);
        assertArrayEquals(expected, buffer.byteArray());

        final BrokenTrade m = new BrokenTrade().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals(0xD0F9, m.matchNumber());
    }

    @Test
    void shouldLayOutNoii()
    {
        final byte[] expected = hex("49", HEADER, "0000000000000064", "00000001000001F4", "42", AAPL, "7735939C",
            "00000000", "0012D644", "43", "4C");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Noii.LENGTH]);
        header(new Noii().wrapForEncode(buffer, 0))
            .pairedShares(100)
            .imbalanceShares(0x1_0000_01F4L)
            .imbalanceDirection((byte)'B')
            .stock(Symbols.encode("AAPL"))
            .farPrice(Prices.MARKET_ORDER_PRICE)
            .nearPrice(0)
            .currentReferencePrice(1_234_500)
            .crossType((byte)'C')
            .priceVariationIndicator((byte)'L');
        assertArrayEquals(expected, buffer.byteArray());

        final Noii m = new Noii().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals(100, m.pairedShares());
        assertEquals(0x1_0000_01F4L, m.imbalanceShares());
        assertEquals('B', m.imbalanceDirection());
        assertEquals("AAPL", Symbols.decode(m.stock()));
        assertEquals(Prices.MARKET_ORDER_PRICE, m.farPrice());
        assertEquals(0, m.nearPrice());
        assertEquals(1_234_500, m.currentReferencePrice());
        assertEquals('C', m.crossType());
        assertEquals('L', m.priceVariationIndicator());
    }

    @Test
    void shouldLayOutRpii()
    {
        final byte[] expected = hex("4E", HEADER, AAPL, "41");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Rpii.LENGTH]);
        header(new Rpii().wrapForEncode(buffer, 0)).stock(Symbols.encode("AAPL")).interestFlag((byte)'A');
        assertArrayEquals(expected, buffer.byteArray());

        final Rpii m = new Rpii().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals("AAPL", Symbols.decode(m.stock()));
        assertEquals('A', m.interestFlag());
    }

    @Test
    void shouldLayOutDlcrPriceDiscovery()
    {
        // near execution time 09:30:00 = 0x1F1ACED9F000 ns
        final byte[] expected = hex("4F", HEADER, AAPL, "59", "00000064", "77359400", "00062B4C", "00001F1ACED9F000",
            "0000C350", "0012D644");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[DlcrPriceDiscovery.LENGTH]);
        header(new DlcrPriceDiscovery().wrapForEncode(buffer, 0))
            .stock(Symbols.encode("AAPL"))
            .openEligibilityStatus((byte)'Y')
            .minimumAllowablePrice(100)
            .maximumAllowablePrice(Prices.MAX_PRICE)
            .nearExecutionPrice(404_300)
            .nearExecutionTime(34_200_000_000_000L)
            .lowerPriceRangeCollar(50_000)
            .upperPriceRangeCollar(1_234_500);
        assertArrayEquals(expected, buffer.byteArray());

        final DlcrPriceDiscovery m = new DlcrPriceDiscovery().wrap(new UnsafeBuffer(expected), 0);
        assertHeader(m);
        assertEquals("AAPL", Symbols.decode(m.stock()));
        assertEquals('Y', m.openEligibilityStatus());
        assertEquals(100, m.minimumAllowablePrice());
        assertEquals(Prices.MAX_PRICE, m.maximumAllowablePrice());
        assertEquals(404_300, m.nearExecutionPrice());
        assertEquals(34_200_000_000_000L, m.nearExecutionTime());
        assertEquals(50_000, m.lowerPriceRangeCollar());
        assertEquals(1_234_500, m.upperPriceRangeCollar());
    }

    private static <T extends ItchMessage<T>> T header(final T message)
    {
        return message.stockLocate(0x1234).trackingNumber(5).timestamp(TIMESTAMP);
    }

    private static void assertHeader(final ItchMessage<?> message)
    {
        assertEquals(0x1234, message.stockLocate());
        assertEquals(5, message.trackingNumber());
        assertEquals(TIMESTAMP, message.timestamp());
    }

    /** @return the bytes of the hex fields, which must add up to the type's length. */
    private static byte[] hex(final String... fields)
    {
        final byte[] bytes = HexFormat.of().parseHex(String.join("", fields).replace(" ", ""));
        assertEquals(ItchMessageType.length(bytes[0]), bytes.length, "hand-written message length");
        return bytes;
    }
}
