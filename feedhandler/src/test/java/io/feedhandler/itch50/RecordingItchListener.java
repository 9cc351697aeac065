package io.feedhandler.itch50;

import org.agrona.DirectBuffer;
import org.agrona.collections.LongArrayList;

import java.util.ArrayList;
import java.util.List;

/**
 * Records what an {@link ItchMessageDispatcher} delivered, one line per callback: the callback's name,
 * then the message type, stock locate and offset of the flyweight it got, or the error's details; and
 * the timestamp of every well-formed message.
 */
public final class RecordingItchListener implements ItchListener
{
    private final List<String> events = new ArrayList<>();
    private final LongArrayList timestamps = new LongArrayList();

    /** @return every callback so far, in order. */
    public List<String> events()
    {
        return events;
    }

    /** @return the timestamp of every well-formed message so far, in order. */
    public LongArrayList timestamps()
    {
        return timestamps;
    }

    @Override
    public void onSystemEvent(final SystemEvent message)
    {
        record("onSystemEvent", message);
    }

    @Override
    public void onStockDirectory(final StockDirectory message)
    {
        record("onStockDirectory", message);
    }

    @Override
    public void onStockTradingAction(final StockTradingAction message)
    {
        record("onStockTradingAction", message);
    }

    @Override
    public void onRegShoRestriction(final RegShoRestriction message)
    {
        record("onRegShoRestriction", message);
    }

    @Override
    public void onMarketParticipantPosition(final MarketParticipantPosition message)
    {
        record("onMarketParticipantPosition", message);
    }

    @Override
    public void onMwcbDeclineLevel(final MwcbDeclineLevel message)
    {
        record("onMwcbDeclineLevel", message);
    }

    @Override
    public void onMwcbStatus(final MwcbStatus message)
    {
        record("onMwcbStatus", message);
    }

    @Override
    public void onIpoQuotingPeriodUpdate(final IpoQuotingPeriodUpdate message)
    {
        record("onIpoQuotingPeriodUpdate", message);
    }

    @Override
    public void onLuldAuctionCollar(final LuldAuctionCollar message)
    {
        record("onLuldAuctionCollar", message);
    }

    @Override
    public void onOperationalHalt(final OperationalHalt message)
    {
        record("onOperationalHalt", message);
    }

    @Override
    public void onAddOrder(final AddOrder message)
    {
        record("onAddOrder", message);
    }

    @Override
    public void onAddOrderMpid(final AddOrderMpid message)
    {
        record("onAddOrderMpid", message);
    }

    @Override
    public void onOrderExecuted(final OrderExecuted message)
    {
        record("onOrderExecuted", message);
    }

    @Override
    public void onOrderExecutedWithPrice(final OrderExecutedWithPrice message)
    {
        record("onOrderExecutedWithPrice", message);
    }

    @Override
    public void onOrderCancel(final OrderCancel message)
    {
        record("onOrderCancel", message);
    }

    @Override
    public void onOrderDelete(final OrderDelete message)
    {
        record("onOrderDelete", message);
    }

    @Override
    public void onOrderReplace(final OrderReplace message)
    {
        record("onOrderReplace", message);
    }

    @Override
    public void onTrade(final Trade message)
    {
        record("onTrade", message);
    }

    @Override
    public void onCrossTrade(final CrossTrade message)
    {
        record("onCrossTrade", message);
    }

    @Override
    public void onBrokenTrade(final BrokenTrade message)
    {
        record("onBrokenTrade", message);
    }

    @Override
    public void onNoii(final Noii message)
    {
        record("onNoii", message);
    }

    @Override
    public void onRpii(final Rpii message)
    {
        record("onRpii", message);
    }

    @Override
    public void onDlcrPriceDiscovery(final DlcrPriceDiscovery message)
    {
        record("onDlcrPriceDiscovery", message);
    }

    @Override
    public void onUnknownType(final byte type, final DirectBuffer buffer, final int offset, final int length)
    {
        events.add("onUnknownType " + ItchMessageType.describe(type) + " offset=" + offset + " length=" + length);
    }

    @Override
    public void onLengthMismatch(
        final byte type, final int expectedLength, final DirectBuffer buffer, final int offset, final int length)
    {
        events.add("onLengthMismatch " + ItchMessageType.describe(type) + " expected=" + expectedLength +
            " offset=" + offset + " length=" + length);
    }

    @Override
    public void onEmptyMessage(final DirectBuffer buffer, final int offset)
    {
        events.add("onEmptyMessage offset=" + offset);
    }

    private void record(final String callback, final ItchMessage<?> message)
    {
        timestamps.addLong(message.timestamp());
        events.add(callback + " " + ItchMessageType.describe(message.messageType()) +
            " locate=" + message.stockLocate() + " offset=" + message.offset());
    }
}
