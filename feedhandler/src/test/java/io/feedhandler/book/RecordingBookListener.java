package io.feedhandler.book;

import io.feedhandler.itch50.Prices;

import java.util.ArrayList;
import java.util.List;

/** Writes down what an {@link OrderBooks} tells, one readable line per call. */
final class RecordingBookListener implements BookListener
{
    final List<String> events = new ArrayList<>();

    @Override
    public void onTrade(final OrderBook book, final long orderReference, final byte side, final long price,
        final long shares, final long matchNumber, final boolean withPrice, final boolean printable)
    {
        events.add("trade " + (withPrice ? "C" : "E") + " #" + orderReference + " " + (side == 0 ? "?" : (char)side) + " " +
            shares + "@" + Prices.format(price) + " match " + matchNumber + (printable ? "" : " non-printable"));
    }

    @Override
    public void onTopOfBookChanged(final OrderBook book)
    {
        events.add("quote " + book.locate() + " " + side(book.bestBidPrice(), book.bestBidShares(), book.bestBidOrders()) +
            " / " + side(book.bestAskPrice(), book.bestAskShares(), book.bestAskOrders()));
    }

    @Override
    public void onAnomaly(final BookAnomaly anomaly, final int locate, final long orderReference)
    {
        events.add("anomaly " + anomaly + " " + locate + " #" + orderReference);
    }

    List<String> take()
    {
        final List<String> taken = new ArrayList<>(events);
        events.clear();
        return taken;
    }

    private static String side(final long price, final long shares, final int orders)
    {
        return price == OrderBook.NO_PRICE ? "-" : shares + "@" + Prices.format(price) + "(" + orders + ")";
    }
}
