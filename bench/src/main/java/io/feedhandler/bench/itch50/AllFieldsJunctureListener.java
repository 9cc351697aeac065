package io.feedhandler.bench.itch50;

import com.paritytrading.juncture.nasdaq.itch50.ITCH50;
import com.paritytrading.juncture.nasdaq.itch50.ITCH50Listener;

/**
 * Reads every field juncture decodes, the reference counterpart of {@link AllFieldsItchListener}.
 * juncture has no DLCR (O) message, and reads Cross Trade shares as 4 bytes (the specification says 8).
 */
public final class AllFieldsJunctureListener implements ITCH50Listener
{
    /** Fold of every field read; consumed by the benchmark. */
    public long sum;

    @Override
    public void systemEvent(final ITCH50.SystemEvent message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.eventCode;
    }

    @Override
    public void stockDirectory(final ITCH50.StockDirectory message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.stock + message.marketCategory + message.financialStatusIndicator + message.roundLotSize
            + message.roundLotsOnly + message.issueClassification + message.issueSubType + message.authenticity
            + message.shortSaleThresholdIndicator + message.ipoFlag + message.luldReferencePriceTier + message.etpFlag
            + message.etpLeverageFactor + message.inverseIndicator;
    }

    @Override
    public void stockTradingAction(final ITCH50.StockTradingAction message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.stock + message.tradingState + message.reserved + message.reason;
    }

    @Override
    public void regSHORestriction(final ITCH50.RegSHORestriction message)
    {
        sum += message.locateCode + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.stock + message.regSHOAction;
    }

    @Override
    public void marketParticipantPosition(final ITCH50.MarketParticipantPosition message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.mpid + message.stock + message.primaryMarketMaker + message.marketMakerMode
            + message.marketParticipantState;
    }

    @Override
    public void mwcbDeclineLevel(final ITCH50.MWCBDeclineLevel message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.level1 + message.level2 + message.level3;
    }

    @Override
    public void mwcbStatus(final ITCH50.MWCBStatus message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.breachedLevel;
    }

    @Override
    public void ipoQuotingPeriodUpdate(final ITCH50.IPOQuotingPeriodUpdate message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.stock + message.ipoQuotationReleaseTime + message.ipoQuotationReleaseQualifier
            + message.ipoPrice;
    }

    @Override
    public void luldAuctionCollar(final ITCH50.LULDAuctionCollar message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.stock + message.auctionCollarReferencePrice + message.upperAuctionCollarPrice
            + message.lowerAuctionCollarPrice + message.auctionCollarExtension;
    }

    @Override
    public void operationalHalt(final ITCH50.OperationalHalt message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.stock + message.marketCode + message.operationalHaltAction;
    }

    @Override
    public void addOrder(final ITCH50.AddOrder message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.orderReferenceNumber + message.buySellIndicator + message.shares + message.stock + message.price;
    }

    @Override
    public void addOrderMPID(final ITCH50.AddOrderMPID message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.orderReferenceNumber + message.buySellIndicator + message.shares + message.stock + message.price
            + message.attribution;
    }

    @Override
    public void orderExecuted(final ITCH50.OrderExecuted message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.orderReferenceNumber + message.executedShares + message.matchNumber;
    }

    @Override
    public void orderExecutedWithPrice(final ITCH50.OrderExecutedWithPrice message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.orderReferenceNumber + message.executedShares + message.matchNumber + message.printable
            + message.executionPrice;
    }

    @Override
    public void orderCancel(final ITCH50.OrderCancel message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.orderReferenceNumber + message.canceledShares;
    }

    @Override
    public void orderDelete(final ITCH50.OrderDelete message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.orderReferenceNumber;
    }

    @Override
    public void orderReplace(final ITCH50.OrderReplace message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.originalOrderReferenceNumber + message.newOrderReferenceNumber + message.shares + message.price;
    }

    @Override
    public void trade(final ITCH50.Trade message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.orderReferenceNumber + message.buySellIndicator + message.shares + message.stock + message.price
            + message.matchNumber;
    }

    @Override
    public void crossTrade(final ITCH50.CrossTrade message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.shares + message.stock + message.crossPrice + message.matchNumber + message.crossType;
    }

    @Override
    public void brokenTrade(final ITCH50.BrokenTrade message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.matchNumber;
    }

    @Override
    public void noii(final ITCH50.NOII message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.pairedShares + message.imbalanceShares + message.imbalanceDirection + message.stock
            + message.farPrice + message.nearPrice + message.currentReferencePrice + message.crossType
            + message.priceVariationIndicator;
    }

    @Override
    public void rpii(final ITCH50.RPII message)
    {
        sum += message.stockLocate + message.trackingNumber + message.timestampHigh + message.timestampLow
            + message.stock + message.interestFlag;
    }
}
