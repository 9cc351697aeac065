package io.feedhandler.itch50;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every field of every message type written with the setters and read back with the getters.
 *
 * <p>Each message is encoded twice, over buffers pre-filled with different garbage: identical
 * results prove that the setters together write every byte of the message, and the untouched byte
 * after it proves that none writes past {@code LENGTH}. Field values are distinct within a message
 * and use the high bits, so an overlap or a signed read shows up as a wrong value.
 */
class ItchMessageRoundTripTest
{
    private static final int OFFSET = 5;
    private static final int LOCATE = 65_535;
    private static final int TRACKING = 0xFEDC;
    private static final long TIMESTAMP = 86_399_999_999_999L;
    private static final long STOCK = Symbols.encode("ZVZZT");

    @Test
    void shouldRoundTripSystemEvent()
    {
        final DirectBuffer buffer = encode(SystemEvent.LENGTH, (b, o) ->
            header(new SystemEvent().wrapForEncode(b, o))
                .eventCode(SystemEvent.END_OF_MESSAGES));

        final SystemEvent m = new SystemEvent().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.SYSTEM_EVENT);
        assertEquals('C', m.eventCode());
    }

    @Test
    void shouldRoundTripStockDirectory()
    {
        final DirectBuffer buffer = encode(StockDirectory.LENGTH, (b, o) ->
            header(new StockDirectory().wrapForEncode(b, o))
                .stock(STOCK)
                .marketCategory((byte)'Q')
                .financialStatusIndicator((byte)'N')
                .roundLotSize(0xFFFF_FFF0L)
                .roundLotsOnly((byte)'Y')
                .issueClassification((byte)'C')
                .issueSubType(Alpha.encode2("AI"))
                .authenticity((byte)'P')
                .shortSaleThresholdIndicator((byte)'x')
                .ipoFlag((byte)'Z')
                .luldReferencePriceTier((byte)'1')
                .etpFlag((byte)'E')
                .etpLeverageFactor(0x8000_0002L)
                .inverseIndicator((byte)'I'));

        final StockDirectory m = new StockDirectory().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.STOCK_DIRECTORY);
        assertEquals(STOCK, m.stock());
        assertEquals('Q', m.marketCategory());
        assertEquals('N', m.financialStatusIndicator());
        assertEquals(0xFFFF_FFF0L, m.roundLotSize());
        assertEquals('Y', m.roundLotsOnly());
        assertEquals('C', m.issueClassification());
        assertEquals("AI", Alpha.decode(m.issueSubType(), 2));
        assertEquals('P', m.authenticity());
        assertEquals('x', m.shortSaleThresholdIndicator());
        assertEquals('Z', m.ipoFlag());
        assertEquals('1', m.luldReferencePriceTier());
        assertEquals('E', m.etpFlag());
        assertEquals(0x8000_0002L, m.etpLeverageFactor());
        assertEquals('I', m.inverseIndicator());
    }

    @Test
    void shouldRoundTripStockTradingAction()
    {
        final DirectBuffer buffer = encode(StockTradingAction.LENGTH, (b, o) ->
            header(new StockTradingAction().wrapForEncode(b, o))
                .stock(STOCK)
                .tradingState((byte)'H')
                .reserved((byte)'r')
                .reason(Alpha.encode4("LUDP")));

        final StockTradingAction m = new StockTradingAction().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.STOCK_TRADING_ACTION);
        assertEquals(STOCK, m.stock());
        assertEquals('H', m.tradingState());
        assertEquals('r', m.reserved());
        assertEquals("LUDP", Alpha.decode(m.reason(), 4));
    }

    @Test
    void shouldRoundTripRegShoRestriction()
    {
        final DirectBuffer buffer = encode(RegShoRestriction.LENGTH, (b, o) ->
            header(new RegShoRestriction().wrapForEncode(b, o))
                .stock(STOCK)
                .regShoAction((byte)'2'));

        final RegShoRestriction m = new RegShoRestriction().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.REG_SHO_RESTRICTION);
        assertEquals(STOCK, m.stock());
        assertEquals('2', m.regShoAction());
    }

    @Test
    void shouldRoundTripMarketParticipantPosition()
    {
        final DirectBuffer buffer = encode(MarketParticipantPosition.LENGTH, (b, o) ->
            header(new MarketParticipantPosition().wrapForEncode(b, o))
                .mpid(Alpha.encode4("NITE"))
                .stock(STOCK)
                .primaryMarketMaker((byte)'Y')
                .marketMakerMode((byte)'R')
                .marketParticipantState((byte)'W'));

        final MarketParticipantPosition m = new MarketParticipantPosition().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.MARKET_PARTICIPANT_POSITION);
        assertEquals("NITE", Alpha.decode(m.mpid(), 4));
        assertEquals(STOCK, m.stock());
        assertEquals('Y', m.primaryMarketMaker());
        assertEquals('R', m.marketMakerMode());
        assertEquals('W', m.marketParticipantState());
    }

    @Test
    void shouldRoundTripMwcbDeclineLevel()
    {
        final DirectBuffer buffer = encode(MwcbDeclineLevel.LENGTH, (b, o) ->
            header(new MwcbDeclineLevel().wrapForEncode(b, o))
                .level1(3_014_250_000_000L)
                .level2(0x8000_0000_0000_0001L)
                .level3(-2L));

        final MwcbDeclineLevel m = new MwcbDeclineLevel().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.MWCB_DECLINE_LEVEL);
        assertEquals(3_014_250_000_000L, m.level1());
        assertEquals(0x8000_0000_0000_0001L, m.level2());
        assertEquals(-2L, m.level3());
    }

    @Test
    void shouldRoundTripMwcbStatus()
    {
        final DirectBuffer buffer = encode(MwcbStatus.LENGTH, (b, o) ->
            header(new MwcbStatus().wrapForEncode(b, o))
                .breachedLevel((byte)'3'));

        final MwcbStatus m = new MwcbStatus().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.MWCB_STATUS);
        assertEquals('3', m.breachedLevel());
    }

    @Test
    void shouldRoundTripIpoQuotingPeriodUpdate()
    {
        final DirectBuffer buffer = encode(IpoQuotingPeriodUpdate.LENGTH, (b, o) ->
            header(new IpoQuotingPeriodUpdate().wrapForEncode(b, o))
                .stock(STOCK)
                .ipoQuotationReleaseTime(0xFFFF_FFFEL)
                .ipoQuotationReleaseQualifier((byte)'A')
                .ipoPrice(0xFFFF_FFFFL));

        final IpoQuotingPeriodUpdate m = new IpoQuotingPeriodUpdate().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.IPO_QUOTING_PERIOD_UPDATE);
        assertEquals(STOCK, m.stock());
        assertEquals(0xFFFF_FFFEL, m.ipoQuotationReleaseTime());
        assertEquals('A', m.ipoQuotationReleaseQualifier());
        assertEquals(0xFFFF_FFFFL, m.ipoPrice());
    }

    @Test
    void shouldRoundTripLuldAuctionCollar()
    {
        final DirectBuffer buffer = encode(LuldAuctionCollar.LENGTH, (b, o) ->
            header(new LuldAuctionCollar().wrapForEncode(b, o))
                .stock(STOCK)
                .auctionCollarReferencePrice(1_000_000L)
                .upperAuctionCollarPrice(0xFFFF_FFFFL)
                .lowerAuctionCollarPrice(0x8000_0000L)
                .auctionCollarExtension(0xFFFF_FFFEL));

        final LuldAuctionCollar m = new LuldAuctionCollar().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.LULD_AUCTION_COLLAR);
        assertEquals(STOCK, m.stock());
        assertEquals(1_000_000L, m.auctionCollarReferencePrice());
        assertEquals(0xFFFF_FFFFL, m.upperAuctionCollarPrice());
        assertEquals(0x8000_0000L, m.lowerAuctionCollarPrice());
        assertEquals(0xFFFF_FFFEL, m.auctionCollarExtension());
    }

    @Test
    void shouldRoundTripOperationalHalt()
    {
        final DirectBuffer buffer = encode(OperationalHalt.LENGTH, (b, o) ->
            header(new OperationalHalt().wrapForEncode(b, o))
                .stock(STOCK)
                .marketCode((byte)'X')
                .operationalHaltAction((byte)'T'));

        final OperationalHalt m = new OperationalHalt().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.OPERATIONAL_HALT);
        assertEquals(STOCK, m.stock());
        assertEquals('X', m.marketCode());
        assertEquals('T', m.operationalHaltAction());
    }

    @Test
    void shouldRoundTripAddOrder()
    {
        final DirectBuffer buffer = encode(AddOrder.LENGTH, (b, o) ->
            header(new AddOrder().wrapForEncode(b, o))
                .orderReferenceNumber(0x8000_0000_0000_0001L)
                .side(Side.SELL)
                .shares(0xFFFF_FFFEL)
                .stock(STOCK)
                .price(0xFFFF_FFFFL));

        final AddOrder m = new AddOrder().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.ADD_ORDER);
        assertEquals(0x8000_0000_0000_0001L, m.orderReferenceNumber());
        assertEquals('S', m.side());
        assertEquals(0xFFFF_FFFEL, m.shares());
        assertEquals(STOCK, m.stock());
        assertEquals(0xFFFF_FFFFL, m.price());
    }

    @Test
    void shouldRoundTripAddOrderMpid()
    {
        final DirectBuffer buffer = encode(AddOrderMpid.LENGTH, (b, o) ->
            header(new AddOrderMpid().wrapForEncode(b, o))
                .orderReferenceNumber(-1L)
                .side(Side.BUY)
                .shares(100)
                .stock(STOCK)
                .price(Prices.MAX_PRICE)
                .attribution(Alpha.encode4("GSCO")));

        final AddOrderMpid m = new AddOrderMpid().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.ADD_ORDER_MPID);
        assertEquals(-1L, m.orderReferenceNumber());
        assertEquals('B', m.side());
        assertEquals(100, m.shares());
        assertEquals(STOCK, m.stock());
        assertEquals(Prices.MAX_PRICE, m.price());
        assertEquals("GSCO", Alpha.decode(m.attribution(), 4));
    }

    @Test
    void shouldRoundTripOrderExecuted()
    {
        final DirectBuffer buffer = encode(OrderExecuted.LENGTH, (b, o) ->
            header(new OrderExecuted().wrapForEncode(b, o))
                .orderReferenceNumber(0x8123_4567_89AB_CDEFL)
                .executedShares(0xFFFF_FFFFL)
                .matchNumber(0xFEDC_BA98_7654_3210L));

        final OrderExecuted m = new OrderExecuted().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.ORDER_EXECUTED);
        assertEquals(0x8123_4567_89AB_CDEFL, m.orderReferenceNumber());
        assertEquals(0xFFFF_FFFFL, m.executedShares());
        assertEquals(0xFEDC_BA98_7654_3210L, m.matchNumber());
    }

    @Test
    void shouldRoundTripOrderExecutedWithPrice()
    {
        final DirectBuffer buffer = encode(OrderExecutedWithPrice.LENGTH, (b, o) ->
            header(new OrderExecutedWithPrice().wrapForEncode(b, o))
                .orderReferenceNumber(0x8123_4567_89AB_CDEFL)
                .executedShares(0xFFFF_FFFEL)
                .matchNumber(0xFEDC_BA98_7654_3210L)
                .printable((byte)'N')
                .executionPrice(0xFFFF_FFFFL));

        final OrderExecutedWithPrice m = new OrderExecutedWithPrice().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.ORDER_EXECUTED_WITH_PRICE);
        assertEquals(0x8123_4567_89AB_CDEFL, m.orderReferenceNumber());
        assertEquals(0xFFFF_FFFEL, m.executedShares());
        assertEquals(0xFEDC_BA98_7654_3210L, m.matchNumber());
        assertEquals('N', m.printable());
        assertEquals(0xFFFF_FFFFL, m.executionPrice());
    }

    @Test
    void shouldRoundTripOrderCancel()
    {
        final DirectBuffer buffer = encode(OrderCancel.LENGTH, (b, o) ->
            header(new OrderCancel().wrapForEncode(b, o))
                .orderReferenceNumber(0x8000_0000_0000_0000L)
                .cancelledShares(0xFFFF_FFFFL));

        final OrderCancel m = new OrderCancel().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.ORDER_CANCEL);
        assertEquals(0x8000_0000_0000_0000L, m.orderReferenceNumber());
        assertEquals(0xFFFF_FFFFL, m.cancelledShares());
    }

    @Test
    void shouldRoundTripOrderDelete()
    {
        final DirectBuffer buffer = encode(OrderDelete.LENGTH, (b, o) ->
            header(new OrderDelete().wrapForEncode(b, o))
                .orderReferenceNumber(0xFFFF_FFFF_FFFF_FFFEL));

        final OrderDelete m = new OrderDelete().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.ORDER_DELETE);
        assertEquals(0xFFFF_FFFF_FFFF_FFFEL, m.orderReferenceNumber());
    }

    @Test
    void shouldRoundTripOrderReplace()
    {
        final DirectBuffer buffer = encode(OrderReplace.LENGTH, (b, o) ->
            header(new OrderReplace().wrapForEncode(b, o))
                .originalOrderReferenceNumber(0x8123_4567_89AB_CDEFL)
                .newOrderReferenceNumber(0xFEDC_BA98_7654_3210L)
                .shares(0xFFFF_FFFEL)
                .price(0xFFFF_FFFFL));

        final OrderReplace m = new OrderReplace().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.ORDER_REPLACE);
        assertEquals(0x8123_4567_89AB_CDEFL, m.originalOrderReferenceNumber());
        assertEquals(0xFEDC_BA98_7654_3210L, m.newOrderReferenceNumber());
        assertEquals(0xFFFF_FFFEL, m.shares());
        assertEquals(0xFFFF_FFFFL, m.price());
    }

    @Test
    void shouldRoundTripTrade()
    {
        final DirectBuffer buffer = encode(Trade.LENGTH, (b, o) ->
            header(new Trade().wrapForEncode(b, o))
                .orderReferenceNumber(0x8123_4567_89AB_CDEFL)
                .side(Side.SELL)
                .shares(0xFFFF_FFFEL)
                .stock(STOCK)
                .price(Prices.MARKET_ORDER_PRICE)
                .matchNumber(0xFEDC_BA98_7654_3210L));

        final Trade m = new Trade().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.TRADE);
        assertEquals(0x8123_4567_89AB_CDEFL, m.orderReferenceNumber());
        assertEquals('S', m.side());
        assertEquals(0xFFFF_FFFEL, m.shares());
        assertEquals(STOCK, m.stock());
        assertEquals(Prices.MARKET_ORDER_PRICE, m.price());
        assertEquals(0xFEDC_BA98_7654_3210L, m.matchNumber());
    }

    @Test
    void shouldRoundTripCrossTrade()
    {
        final DirectBuffer buffer = encode(CrossTrade.LENGTH, (b, o) ->
            header(new CrossTrade().wrapForEncode(b, o))
                .shares(0x8000_0001_0000_0002L)
                .stock(STOCK)
                .crossPrice(0xFFFF_FFFFL)
                .matchNumber(0xFEDC_BA98_7654_3210L)
                .crossType((byte)'A'));

        final CrossTrade m = new CrossTrade().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.CROSS_TRADE);
        assertEquals(0x8000_0001_0000_0002L, m.shares());
        assertEquals(STOCK, m.stock());
        assertEquals(0xFFFF_FFFFL, m.crossPrice());
        assertEquals(0xFEDC_BA98_7654_3210L, m.matchNumber());
        assertEquals('A', m.crossType());
    }

    @Test
    void shouldRoundTripBrokenTrade()
    {
        final DirectBuffer buffer = encode(BrokenTrade.LENGTH, (b, o) ->
            header(new BrokenTrade().wrapForEncode(b, o))
                .matchNumber(0xFEDC_BA98_7654_3210L));

        final BrokenTrade m = new BrokenTrade().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.BROKEN_TRADE);
        assertEquals(0xFEDC_BA98_7654_3210L, m.matchNumber());
    }

    @Test
    void shouldRoundTripNoii()
    {
        final DirectBuffer buffer = encode(Noii.LENGTH, (b, o) ->
            header(new Noii().wrapForEncode(b, o))
                .pairedShares(0x8000_0001_0000_0002L)
                .imbalanceShares(0xFFFF_FFFF_FFFF_FFFFL)
                .imbalanceDirection((byte)'P')
                .stock(STOCK)
                .farPrice(Prices.MARKET_ORDER_PRICE)
                .nearPrice(0xFFFF_FFFFL)
                .currentReferencePrice(0x8000_0000L)
                .crossType((byte)'C')
                .priceVariationIndicator((byte)'L'));

        final Noii m = new Noii().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.NOII);
        assertEquals(0x8000_0001_0000_0002L, m.pairedShares());
        assertEquals(0xFFFF_FFFF_FFFF_FFFFL, m.imbalanceShares());
        assertEquals('P', m.imbalanceDirection());
        assertEquals(STOCK, m.stock());
        assertEquals(Prices.MARKET_ORDER_PRICE, m.farPrice());
        assertEquals(0xFFFF_FFFFL, m.nearPrice());
        assertEquals(0x8000_0000L, m.currentReferencePrice());
        assertEquals('C', m.crossType());
        assertEquals('L', m.priceVariationIndicator());
    }

    @Test
    void shouldRoundTripRpii()
    {
        final DirectBuffer buffer = encode(Rpii.LENGTH, (b, o) ->
            header(new Rpii().wrapForEncode(b, o))
                .stock(STOCK)
                .interestFlag((byte)'A'));

        final Rpii m = new Rpii().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.RPII);
        assertEquals(STOCK, m.stock());
        assertEquals('A', m.interestFlag());
    }

    @Test
    void shouldRoundTripDlcrPriceDiscovery()
    {
        final DirectBuffer buffer = encode(DlcrPriceDiscovery.LENGTH, (b, o) ->
            header(new DlcrPriceDiscovery().wrapForEncode(b, o))
                .stock(STOCK)
                .openEligibilityStatus((byte)'Y')
                .minimumAllowablePrice(0x8000_0001L)
                .maximumAllowablePrice(0xFFFF_FFFFL)
                .nearExecutionPrice(0x8000_0003L)
                .nearExecutionTime(0x8000_0000_0000_0004L)
                .lowerPriceRangeCollar(0x8000_0005L)
                .upperPriceRangeCollar(0x8000_0006L));

        final DlcrPriceDiscovery m = new DlcrPriceDiscovery().wrap(buffer, OFFSET);
        assertHeader(m, ItchMessageType.DLCR_PRICE_DISCOVERY);
        assertEquals(STOCK, m.stock());
        assertEquals('Y', m.openEligibilityStatus());
        assertEquals(0x8000_0001L, m.minimumAllowablePrice());
        assertEquals(0xFFFF_FFFFL, m.maximumAllowablePrice());
        assertEquals(0x8000_0003L, m.nearExecutionPrice());
        assertEquals(0x8000_0000_0000_0004L, m.nearExecutionTime());
        assertEquals(0x8000_0005L, m.lowerPriceRangeCollar());
        assertEquals(0x8000_0006L, m.upperPriceRangeCollar());
    }

    private static <T extends ItchMessage<T>> T header(final T message)
    {
        return message.stockLocate(LOCATE).trackingNumber(TRACKING).timestamp(TIMESTAMP);
    }

    private static void assertHeader(final ItchMessage<?> message, final byte type)
    {
        assertEquals(type, message.messageType());
        assertEquals(ItchMessageType.length(type), message.length());
        assertEquals(LOCATE, message.stockLocate());
        assertEquals(TRACKING, message.trackingNumber());
        assertEquals(TIMESTAMP, message.timestamp());
    }

    /**
     * @return a copy of the message encoded over 0xAA garbage, checked against the same encoding
     * over 0x55 garbage.
     */
    private static DirectBuffer encode(final int length, final BiConsumer<MutableDirectBuffer, Integer> encoder)
    {
        final UnsafeBuffer first = filled((byte)0xAA);
        final UnsafeBuffer second = filled((byte)0x55);
        encoder.accept(first, OFFSET);
        encoder.accept(second, OFFSET);
        for (int i = 0; i < length; i++)
        {
            assertEquals(first.getByte(OFFSET + i), second.getByte(OFFSET + i), "no setter wrote byte " + i);
        }
        assertEquals((byte)0xAA, first.getByte(OFFSET + length), "setter wrote past LENGTH " + length);
        assertEquals((byte)0xAA, first.getByte(OFFSET - 1), "setter wrote before the message");
        final byte[] copy = new byte[OFFSET + length];
        first.getBytes(0, copy);
        return new UnsafeBuffer(copy);
    }

    private static UnsafeBuffer filled(final byte value)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[OFFSET + ItchMessageType.MAX_LENGTH + 8]);
        buffer.setMemory(0, buffer.capacity(), value);
        return buffer;
    }
}
