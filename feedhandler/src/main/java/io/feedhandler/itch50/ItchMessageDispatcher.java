package io.feedhandler.itch50;

import org.agrona.DirectBuffer;

/**
 * Decodes framed ITCH 5.0 messages: checks the type and the length, wraps the preallocated
 * flyweight for the type, and calls the {@link ItchListener}.
 *
 * <pre>
 * framing gives (buffer, offset, length)
 *        |
 *        v
 * +------+------------------------------------------+
 * | type | ... length - 1 bytes ...                 |
 * +------+------------------------------------------+
 *   |
 *   +-- length 0 ..................... onEmptyMessage
 *   +-- not one of the 23 types ...... onUnknownType      (skip it by the framing length)
 *   +-- length != type's LENGTH ...... onLengthMismatch
 *   +-- else ......................... on&lt;Type&gt;(flyweight wrapped over the message)
 * </pre>
 *
 * <p>Nothing is thrown and nothing is allocated per message: a malformed message is reported, counted,
 * and the next one is decoded normally. Enumeration values inside a message are not checked, so codes
 * newer than this decoder pass through. One dispatcher serves one thread.
 */
public final class ItchMessageDispatcher
{
    private final SystemEvent systemEvent = new SystemEvent();
    private final StockDirectory stockDirectory = new StockDirectory();
    private final StockTradingAction stockTradingAction = new StockTradingAction();
    private final RegShoRestriction regShoRestriction = new RegShoRestriction();
    private final MarketParticipantPosition marketParticipantPosition = new MarketParticipantPosition();
    private final MwcbDeclineLevel mwcbDeclineLevel = new MwcbDeclineLevel();
    private final MwcbStatus mwcbStatus = new MwcbStatus();
    private final IpoQuotingPeriodUpdate ipoQuotingPeriodUpdate = new IpoQuotingPeriodUpdate();
    private final LuldAuctionCollar luldAuctionCollar = new LuldAuctionCollar();
    private final OperationalHalt operationalHalt = new OperationalHalt();
    private final AddOrder addOrder = new AddOrder();
    private final AddOrderMpid addOrderMpid = new AddOrderMpid();
    private final OrderExecuted orderExecuted = new OrderExecuted();
    private final OrderExecutedWithPrice orderExecutedWithPrice = new OrderExecutedWithPrice();
    private final OrderCancel orderCancel = new OrderCancel();
    private final OrderDelete orderDelete = new OrderDelete();
    private final OrderReplace orderReplace = new OrderReplace();
    private final Trade trade = new Trade();
    private final CrossTrade crossTrade = new CrossTrade();
    private final BrokenTrade brokenTrade = new BrokenTrade();
    private final Noii noii = new Noii();
    private final Rpii rpii = new Rpii();
    private final DlcrPriceDiscovery dlcrPriceDiscovery = new DlcrPriceDiscovery();
    private final ItchListener listener;
    private long emptyMessages;
    private long unknownTypes;
    private long lengthMismatches;

    /**
     * @param listener receives every message and every malformed message.
     */
    public ItchMessageDispatcher(final ItchListener listener)
    {
        this.listener = listener;
    }

    /**
     * Decode one message and deliver it.
     *
     * @param buffer holding the message.
     * @param offset of the message's type byte.
     * @param length of the message as given by the framing (BinaryFILE, MoldUDP64, SoupBinTCP).
     * @return true if the message went to its typed callback, false if it was reported as malformed.
     * @throws IndexOutOfBoundsException if {@code offset} and {@code length} do not lie inside
     *                                   {@code buffer}: a caller's bug, never the input's fault.
     */
    public boolean dispatch(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length <= 0)
        {
            emptyMessages++;
            listener.onEmptyMessage(buffer, offset);
            return false;
        }
        final byte type = buffer.getByte(offset);
        final int expectedLength = ItchMessageType.length(type);
        if (expectedLength == 0)
        {
            return unknownType(type, buffer, offset, length);
        }
        if (length != expectedLength)
        {
            lengthMismatches++;
            listener.onLengthMismatch(type, expectedLength, buffer, offset, length);
            return false;
        }
        // One explicit check per message, whatever agrona.disable.bounds.checks says: the
        // flyweights' field reads are unchecked in production, and this makes them safe.
        buffer.boundsCheck(offset, length);
        switch (type)
        {
            case ItchMessageType.SYSTEM_EVENT -> listener.onSystemEvent(systemEvent.wrap(buffer, offset));
            case ItchMessageType.STOCK_DIRECTORY -> listener.onStockDirectory(stockDirectory.wrap(buffer, offset));
            case ItchMessageType.STOCK_TRADING_ACTION ->
                listener.onStockTradingAction(stockTradingAction.wrap(buffer, offset));
            case ItchMessageType.REG_SHO_RESTRICTION ->
                listener.onRegShoRestriction(regShoRestriction.wrap(buffer, offset));
            case ItchMessageType.MARKET_PARTICIPANT_POSITION ->
                listener.onMarketParticipantPosition(marketParticipantPosition.wrap(buffer, offset));
            case ItchMessageType.MWCB_DECLINE_LEVEL ->
                listener.onMwcbDeclineLevel(mwcbDeclineLevel.wrap(buffer, offset));
            case ItchMessageType.MWCB_STATUS -> listener.onMwcbStatus(mwcbStatus.wrap(buffer, offset));
            case ItchMessageType.IPO_QUOTING_PERIOD_UPDATE ->
                listener.onIpoQuotingPeriodUpdate(ipoQuotingPeriodUpdate.wrap(buffer, offset));
            case ItchMessageType.LULD_AUCTION_COLLAR ->
                listener.onLuldAuctionCollar(luldAuctionCollar.wrap(buffer, offset));
            case ItchMessageType.OPERATIONAL_HALT -> listener.onOperationalHalt(operationalHalt.wrap(buffer, offset));
            case ItchMessageType.ADD_ORDER -> listener.onAddOrder(addOrder.wrap(buffer, offset));
            case ItchMessageType.ADD_ORDER_MPID -> listener.onAddOrderMpid(addOrderMpid.wrap(buffer, offset));
            case ItchMessageType.ORDER_EXECUTED -> listener.onOrderExecuted(orderExecuted.wrap(buffer, offset));
            case ItchMessageType.ORDER_EXECUTED_WITH_PRICE ->
                listener.onOrderExecutedWithPrice(orderExecutedWithPrice.wrap(buffer, offset));
            case ItchMessageType.ORDER_CANCEL -> listener.onOrderCancel(orderCancel.wrap(buffer, offset));
            case ItchMessageType.ORDER_DELETE -> listener.onOrderDelete(orderDelete.wrap(buffer, offset));
            case ItchMessageType.ORDER_REPLACE -> listener.onOrderReplace(orderReplace.wrap(buffer, offset));
            case ItchMessageType.TRADE -> listener.onTrade(trade.wrap(buffer, offset));
            case ItchMessageType.CROSS_TRADE -> listener.onCrossTrade(crossTrade.wrap(buffer, offset));
            case ItchMessageType.BROKEN_TRADE -> listener.onBrokenTrade(brokenTrade.wrap(buffer, offset));
            case ItchMessageType.NOII -> listener.onNoii(noii.wrap(buffer, offset));
            case ItchMessageType.RPII -> listener.onRpii(rpii.wrap(buffer, offset));
            case ItchMessageType.DLCR_PRICE_DISCOVERY ->
                listener.onDlcrPriceDiscovery(dlcrPriceDiscovery.wrap(buffer, offset));
            default ->
            {
                // Only reached if ItchMessageType learns a type this switch does not know.
                return unknownType(type, buffer, offset, length);
            }
        }
        return true;
    }

    /** @return messages of length 0 seen so far. */
    public long emptyMessages()
    {
        return emptyMessages;
    }

    /** @return messages with a type byte that is not ITCH 5.0 seen so far. */
    public long unknownTypes()
    {
        return unknownTypes;
    }

    /** @return messages whose framing length differed from their type's fixed length seen so far. */
    public long lengthMismatches()
    {
        return lengthMismatches;
    }

    private boolean unknownType(final byte type, final DirectBuffer buffer, final int offset, final int length)
    {
        unknownTypes++;
        listener.onUnknownType(type, buffer, offset, length);
        return false;
    }
}
