package io.feedhandler.bench.itch50;

import io.feedhandler.itch50.AddOrder;
import io.feedhandler.itch50.AddOrderMpid;
import io.feedhandler.itch50.BrokenTrade;
import io.feedhandler.itch50.CrossTrade;
import io.feedhandler.itch50.DlcrPriceDiscovery;
import io.feedhandler.itch50.IpoQuotingPeriodUpdate;
import io.feedhandler.itch50.ItchListener;
import io.feedhandler.itch50.LuldAuctionCollar;
import io.feedhandler.itch50.MarketParticipantPosition;
import io.feedhandler.itch50.MwcbDeclineLevel;
import io.feedhandler.itch50.MwcbStatus;
import io.feedhandler.itch50.Noii;
import io.feedhandler.itch50.OperationalHalt;
import io.feedhandler.itch50.OrderCancel;
import io.feedhandler.itch50.OrderDelete;
import io.feedhandler.itch50.OrderExecuted;
import io.feedhandler.itch50.OrderExecutedWithPrice;
import io.feedhandler.itch50.OrderReplace;
import io.feedhandler.itch50.RegShoRestriction;
import io.feedhandler.itch50.Rpii;
import io.feedhandler.itch50.StockDirectory;
import io.feedhandler.itch50.StockTradingAction;
import io.feedhandler.itch50.SystemEvent;
import io.feedhandler.itch50.Trade;

/**
 * Reads every field of every ITCH 5.0 message and folds it into {@link #sum}, so that the JIT cannot
 * skip a read; the counterpart of {@link AllFieldsJunctureListener}, which does the same through
 * juncture, for a like-for-like comparison of decoders.
 */
public final class AllFieldsItchListener implements ItchListener
{
    /** Fold of every field read; consumed by the benchmark. */
    public long sum;

    @Override
    public void onSystemEvent(final SystemEvent message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.eventCode();
    }

    @Override
    public void onStockDirectory(final StockDirectory message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.stock()
            + message.marketCategory() + message.financialStatusIndicator() + message.roundLotSize()
            + message.roundLotsOnly() + message.issueClassification() + message.issueSubType()
            + message.authenticity() + message.shortSaleThresholdIndicator() + message.ipoFlag()
            + message.luldReferencePriceTier() + message.etpFlag() + message.etpLeverageFactor()
            + message.inverseIndicator();
    }

    @Override
    public void onStockTradingAction(final StockTradingAction message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.stock()
            + message.tradingState() + message.reserved() + message.reason();
    }

    @Override
    public void onRegShoRestriction(final RegShoRestriction message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.stock()
            + message.regShoAction();
    }

    @Override
    public void onMarketParticipantPosition(final MarketParticipantPosition message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.mpid()
            + message.stock() + message.primaryMarketMaker() + message.marketMakerMode()
            + message.marketParticipantState();
    }

    @Override
    public void onMwcbDeclineLevel(final MwcbDeclineLevel message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.level1()
            + message.level2() + message.level3();
    }

    @Override
    public void onMwcbStatus(final MwcbStatus message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.breachedLevel();
    }

    @Override
    public void onIpoQuotingPeriodUpdate(final IpoQuotingPeriodUpdate message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.stock()
            + message.ipoQuotationReleaseTime() + message.ipoQuotationReleaseQualifier() + message.ipoPrice();
    }

    @Override
    public void onLuldAuctionCollar(final LuldAuctionCollar message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.stock()
            + message.auctionCollarReferencePrice() + message.upperAuctionCollarPrice()
            + message.lowerAuctionCollarPrice() + message.auctionCollarExtension();
    }

    @Override
    public void onOperationalHalt(final OperationalHalt message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.stock()
            + message.marketCode() + message.operationalHaltAction();
    }

    @Override
    public void onAddOrder(final AddOrder message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.orderReferenceNumber()
            + message.side() + message.shares() + message.stock() + message.price();
    }

    @Override
    public void onAddOrderMpid(final AddOrderMpid message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.orderReferenceNumber()
            + message.side() + message.shares() + message.stock() + message.price() + message.attribution();
    }

    @Override
    public void onOrderExecuted(final OrderExecuted message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.orderReferenceNumber()
            + message.executedShares() + message.matchNumber();
    }

    @Override
    public void onOrderExecutedWithPrice(final OrderExecutedWithPrice message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.orderReferenceNumber()
            + message.executedShares() + message.matchNumber() + message.printable() + message.executionPrice();
    }

    @Override
    public void onOrderCancel(final OrderCancel message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.orderReferenceNumber()
            + message.cancelledShares();
    }

    @Override
    public void onOrderDelete(final OrderDelete message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.orderReferenceNumber();
    }

    @Override
    public void onOrderReplace(final OrderReplace message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp()
            + message.originalOrderReferenceNumber() + message.newOrderReferenceNumber() + message.shares()
            + message.price();
    }

    @Override
    public void onTrade(final Trade message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.orderReferenceNumber()
            + message.side() + message.shares() + message.stock() + message.price() + message.matchNumber();
    }

    @Override
    public void onCrossTrade(final CrossTrade message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.shares()
            + message.stock() + message.crossPrice() + message.matchNumber() + message.crossType();
    }

    @Override
    public void onBrokenTrade(final BrokenTrade message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.matchNumber();
    }

    @Override
    public void onNoii(final Noii message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.pairedShares()
            + message.imbalanceShares() + message.imbalanceDirection() + message.stock() + message.farPrice()
            + message.nearPrice() + message.currentReferencePrice() + message.crossType()
            + message.priceVariationIndicator();
    }

    @Override
    public void onRpii(final Rpii message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.stock()
            + message.interestFlag();
    }

    @Override
    public void onDlcrPriceDiscovery(final DlcrPriceDiscovery message)
    {
        sum += message.stockLocate() + message.trackingNumber() + message.timestamp() + message.stock()
            + message.openEligibilityStatus() + message.minimumAllowablePrice() + message.maximumAllowablePrice()
            + message.nearExecutionPrice() + message.nearExecutionTime() + message.lowerPriceRangeCollar()
            + message.upperPriceRangeCollar();
    }
}
