package io.feedhandler.avro;

import io.feedhandler.itch50.AddOrder;
import io.feedhandler.itch50.AddOrderMpid;
import io.feedhandler.itch50.BrokenTrade;
import io.feedhandler.itch50.CrossTrade;
import io.feedhandler.itch50.DlcrPriceDiscovery;
import io.feedhandler.itch50.IpoQuotingPeriodUpdate;
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
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Every encode method of every encoder, as a list of actions over one ITCH message buffer (read
 * through the flyweights, whatever it holds) and one output buffer: for the tests that must cover
 * them all (allocation, longest encoding).
 */
final class EveryEncoding
{
    /** Depth levels per side in the depth quote. */
    static final int DEPTH = 5;

    /**
     * @param name      encoder and source, e.g. {@code OrderEvent from A}.
     * @param maxLength the encoder's promise for this record, from its {@code maxEncodedLength}.
     * @param encode    encodes once at offset 0 of the output, returns the length.
     */
    record Encoding(String name, int maxLength, IntSupplier encode)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }

    private EveryEncoding()
    {
    }

    /**
     * @param input  holding an ITCH message (of any content) at offset 0.
     * @param header the common fields.
     * @param output to encode into at offset 0.
     * @param price  the price for the quote's levels (any long the book could hold).
     * @return one action per encode method.
     */
    static List<Encoding> all(
        final DirectBuffer input, final RecordHeader header, final MutableDirectBuffer output, final long price)
    {
        final OrderEventEncoder orders = new OrderEventEncoder();
        final TradeEncoder trades = new TradeEncoder();
        final QuoteEncoder quotes = new QuoteEncoder();
        final ReferenceDataEncoder referenceData = new ReferenceDataEncoder();
        final StatusEncoder status = new StatusEncoder();
        final byte[] detail = "line A and B both silent for 2000 ms; re-request sent".getBytes(StandardCharsets.UTF_8);
        final QuoteLevels bids = new QuoteLevels(DEPTH);
        final QuoteLevels asks = new QuoteLevels(DEPTH);
        for (int i = 0; i < DEPTH; i++)
        {
            bids.add(price, price, (int)price);
            asks.add(price, price, (int)price);
        }

        final AddOrder addOrder = new AddOrder().wrap(input, 0);
        final AddOrderMpid addOrderMpid = new AddOrderMpid().wrap(input, 0);
        final OrderExecuted orderExecuted = new OrderExecuted().wrap(input, 0);
        final OrderExecutedWithPrice orderExecutedWithPrice = new OrderExecutedWithPrice().wrap(input, 0);
        final OrderCancel orderCancel = new OrderCancel().wrap(input, 0);
        final OrderDelete orderDelete = new OrderDelete().wrap(input, 0);
        final OrderReplace orderReplace = new OrderReplace().wrap(input, 0);
        final Trade trade = new Trade().wrap(input, 0);
        final CrossTrade crossTrade = new CrossTrade().wrap(input, 0);
        final StockDirectory stockDirectory = new StockDirectory().wrap(input, 0);
        final SystemEvent systemEvent = new SystemEvent().wrap(input, 0);
        final StockTradingAction stockTradingAction = new StockTradingAction().wrap(input, 0);
        final RegShoRestriction regShoRestriction = new RegShoRestriction().wrap(input, 0);
        final MarketParticipantPosition marketParticipantPosition = new MarketParticipantPosition().wrap(input, 0);
        final MwcbDeclineLevel mwcbDeclineLevel = new MwcbDeclineLevel().wrap(input, 0);
        final MwcbStatus mwcbStatus = new MwcbStatus().wrap(input, 0);
        final IpoQuotingPeriodUpdate ipoQuotingPeriodUpdate = new IpoQuotingPeriodUpdate().wrap(input, 0);
        final LuldAuctionCollar luldAuctionCollar = new LuldAuctionCollar().wrap(input, 0);
        final OperationalHalt operationalHalt = new OperationalHalt().wrap(input, 0);
        final Noii noii = new Noii().wrap(input, 0);
        final Rpii rpii = new Rpii().wrap(input, 0);
        final DlcrPriceDiscovery dlcrPriceDiscovery = new DlcrPriceDiscovery().wrap(input, 0);
        final BrokenTrade brokenTrade = new BrokenTrade().wrap(input, 0);

        final int orderMax = OrderEventEncoder.maxEncodedLength(header);
        final int tradeMax = TradeEncoder.maxEncodedLength(header);
        final int statusMax = StatusEncoder.maxEncodedLength(header, 0);
        final int lineEventMax = StatusEncoder.maxEncodedLength(header, detail.length);
        final List<Encoding> all = new ArrayList<>();
        all.add(new Encoding("OrderEvent from A", orderMax, () -> orders.encode(header, addOrder, output, 0)));
        all.add(new Encoding("OrderEvent from F", orderMax, () -> orders.encode(header, addOrderMpid, output, 0)));
        all.add(new Encoding("OrderEvent from E", orderMax, () -> orders.encode(header, orderExecuted, output, 0)));
        all.add(new Encoding("OrderEvent from C", orderMax, () -> orders.encode(header, orderExecutedWithPrice, output, 0)));
        all.add(new Encoding("OrderEvent from X", orderMax, () -> orders.encode(header, orderCancel, output, 0)));
        all.add(new Encoding("OrderEvent from D", orderMax, () -> orders.encode(header, orderDelete, output, 0)));
        all.add(new Encoding("OrderEvent from U", orderMax, () -> orders.encode(header, orderReplace, output, 0)));
        all.add(new Encoding("Trade from P", tradeMax, () -> trades.encode(header, trade, output, 0)));
        all.add(new Encoding("Trade from Q", tradeMax, () -> trades.encode(header, crossTrade, output, 0)));
        all.add(new Encoding("Trade from E", tradeMax, () -> trades.encode(header, orderExecuted, price, (byte)0xFF, output, 0)));
        all.add(new Encoding("Trade from C", tradeMax, () -> trades.encode(header, orderExecutedWithPrice, (byte)0x80, output, 0)));
        all.add(new Encoding("Trade from primitives", tradeMax, () -> trades.encodeExecution(
            header, TradeSource.EXECUTION, price, price, price, (byte)0xFF, true, price, output, 0)));
        all.add(new Encoding("Quote top of book", QuoteEncoder.maxEncodedLength(header, 0),
            () -> quotes.encode(header, price, price, (int)price, price, price, (int)price, output, 0)));
        all.add(new Encoding("Quote depth", QuoteEncoder.maxEncodedLength(header, 2 * DEPTH),
            () -> quotes.encode(header, bids, asks, output, 0)));
        all.add(new Encoding("ReferenceData from R", ReferenceDataEncoder.maxEncodedLength(header),
            () -> referenceData.encode(header, stockDirectory, output, 0)));
        all.add(new Encoding("Status from S", statusMax, () -> status.encode(header, systemEvent, output, 0)));
        all.add(new Encoding("Status from H", statusMax, () -> status.encode(header, stockTradingAction, output, 0)));
        all.add(new Encoding("Status from Y", statusMax, () -> status.encode(header, regShoRestriction, output, 0)));
        all.add(new Encoding("Status from L", statusMax, () -> status.encode(header, marketParticipantPosition, output, 0)));
        all.add(new Encoding("Status from V", statusMax, () -> status.encode(header, mwcbDeclineLevel, output, 0)));
        all.add(new Encoding("Status from W", statusMax, () -> status.encode(header, mwcbStatus, output, 0)));
        all.add(new Encoding("Status from K", statusMax, () -> status.encode(header, ipoQuotingPeriodUpdate, output, 0)));
        all.add(new Encoding("Status from J", statusMax, () -> status.encode(header, luldAuctionCollar, output, 0)));
        all.add(new Encoding("Status from h", statusMax, () -> status.encode(header, operationalHalt, output, 0)));
        all.add(new Encoding("Status from I", statusMax, () -> status.encode(header, noii, output, 0)));
        all.add(new Encoding("Status from N", statusMax, () -> status.encode(header, rpii, output, 0)));
        all.add(new Encoding("Status from O", statusMax, () -> status.encode(header, dlcrPriceDiscovery, output, 0)));
        all.add(new Encoding("Status from B", statusMax, () -> status.encode(header, brokenTrade, output, 0)));
        all.add(new Encoding("Status GAP", lineEventMax, () -> status.encodeGap(header, price, price, detail, output, 0)));
        all.add(new Encoding("Status GAP_RECOVERED", lineEventMax,
            () -> status.encodeGapRecovered(header, price, price, detail, output, 0)));
        all.add(new Encoding("Status LOCAL_OVERLOAD", lineEventMax,
            () -> status.encodeLocalOverload(header, price, price, detail, output, 0)));
        all.add(new Encoding("Status STALE_LINE", lineEventMax, () -> status.encodeStaleLine(header, detail, output, 0)));
        return all;
    }
}
