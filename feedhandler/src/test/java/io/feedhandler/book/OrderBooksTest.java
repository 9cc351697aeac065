package io.feedhandler.book;

import io.feedhandler.itch50.Side;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The book's rules, one ITCH order event at a time, as a recording listener hears them. */
class OrderBooksTest
{
    private static final int LOCATE = 7;

    private final RecordingBookListener listener = new RecordingBookListener();
    private final OrderBooks books = new OrderBooks(listener);

    @Test
    void shouldReportTheTopOfBookWhenAnAddMakesANewBestLevel()
    {
        books.add(LOCATE, 1, Side.BUY, 100, 1_000_000);
        books.add(LOCATE, 2, Side.SELL, 200, 1_001_000);
        books.add(LOCATE, 3, Side.BUY, 300, 1_000_500);

        assertEquals(List.of(
            "quote 7 100@100.0000(1) / -",
            "quote 7 100@100.0000(1) / 200@100.1000(1)",
            "quote 7 300@100.0500(1) / 200@100.1000(1)"), listener.take());
    }

    @Test
    void shouldStayQuietWhenAChangeIsBelowTheTop()
    {
        books.add(LOCATE, 1, Side.BUY, 100, 1_000_000);
        listener.take();

        books.add(LOCATE, 2, Side.BUY, 300, 990_000);
        books.cancel(LOCATE, 2, 100);
        books.delete(LOCATE, 2);

        assertEquals(List.of(), listener.take());
        assertEquals(1, books.book(LOCATE).bids().levels());
    }

    @Test
    void shouldAggregateOrdersAtOnePriceAndCountThem()
    {
        books.add(LOCATE, 1, Side.SELL, 100, 1_001_000);
        books.add(LOCATE, 2, Side.SELL, 250, 1_001_000);

        assertEquals(List.of("quote 7 - / 100@100.1000(1)", "quote 7 - / 350@100.1000(2)"), listener.take());
        final PriceLevel best = books.book(LOCATE).asks().best();
        assertEquals(350, best.shares());
        assertEquals(2, best.orders());
    }

    @Test
    void shouldTradeAnExecutionAtTheRestingOrdersPriceAndSideThenQuote()
    {
        books.add(LOCATE, 1, Side.SELL, 300, 1_001_000);
        listener.take();

        books.execute(LOCATE, 1, 100, 55);

        assertEquals(List.of("trade E #1 S 100@100.1000 match 55", "quote 7 - / 200@100.1000(1)"), listener.take());
        assertEquals(200, books.order(1).shares());
    }

    @Test
    void shouldTradeAnExecutionWithPriceAtItsOwnPriceAndKeepItsPrintableFlag()
    {
        books.add(LOCATE, 1, Side.BUY, 300, 1_000_000);
        listener.take();

        books.executeWithPrice(LOCATE, 1, 300, 56, 999_900, false);

        assertEquals(List.of("trade C #1 B 300@99.9900 match 56 non-printable", "quote 7 - / -"), listener.take());
        assertNull(books.order(1), "a fully executed order is gone");
        assertEquals(0, books.liveOrders());
    }

    @Test
    void shouldReplaceAnOrderOnTheSameSideAtTheNewPriceAndSize()
    {
        books.add(LOCATE, 1, Side.BUY, 100, 1_000_000);
        books.add(LOCATE, 2, Side.BUY, 100, 990_000);
        listener.take();

        books.replace(LOCATE, 1, 3, 500, 980_000);

        assertEquals(List.of("quote 7 100@99.0000(1) / -"), listener.take());
        assertNull(books.order(1));
        assertEquals(Side.BUY, books.order(3).side());
        assertEquals(980_000, books.order(3).price());
        assertEquals(500, books.order(3).shares());
        assertEquals(2, books.book(LOCATE).bids().levels());
    }

    @Test
    void shouldNotQuoteAReplaceThatLeavesTheTopAsItWas()
    {
        books.add(LOCATE, 1, Side.BUY, 100, 1_000_000);
        listener.take();

        books.replace(LOCATE, 1, 2, 100, 1_000_000);

        assertEquals(List.of(), listener.take());
        assertEquals(100, books.order(2).shares());
    }

    @Test
    void shouldCountAnEventForAnUnknownOrderAndChangeNothing()
    {
        books.add(LOCATE, 1, Side.BUY, 100, 1_000_000);
        listener.take();

        books.execute(LOCATE, 99, 10, 1);
        books.cancel(LOCATE, 99, 10);
        books.delete(LOCATE, 99);
        books.replace(LOCATE, 99, 100, 10, 1_000_000);

        assertEquals(List.of(
            "anomaly UNKNOWN_ORDER 7 #99", "anomaly UNKNOWN_ORDER 7 #99", "anomaly UNKNOWN_ORDER 7 #99",
            "anomaly UNKNOWN_ORDER 7 #99"), listener.take());
        assertEquals(1, books.liveOrders());
        assertNull(books.order(100), "the replacement of an unknown order cannot be placed: its side is unknown");
    }

    @Test
    void shouldStillTradeAnExecutionWithPriceOfAnUnknownOrderWithoutASide()
    {
        books.executeWithPrice(LOCATE, 99, 10, 5, 1_000_000, true);

        assertEquals(List.of("trade C #99 ? 10@100.0000 match 5", "anomaly UNKNOWN_ORDER 7 #99"), listener.take());
    }

    @Test
    void shouldRemoveAnOrderExecutedBeyondItsSharesAndCountIt()
    {
        books.add(LOCATE, 1, Side.SELL, 100, 1_001_000);
        books.add(LOCATE, 2, Side.SELL, 50, 1_001_000);
        listener.take();

        books.execute(LOCATE, 1, 150, 9);

        assertEquals(List.of("trade E #1 S 150@100.1000 match 9", "anomaly OVERSIZED_REDUCTION 7 #1",
            "quote 7 - / 50@100.1000(1)"), listener.take());
        assertNull(books.order(1));
        assertEquals(50, books.book(LOCATE).bestAskShares(), "the level lost the order's remaining shares, no more");
    }

    @Test
    void shouldReplaceALiveOrderWhoseReferenceIsAddedAgain()
    {
        books.add(LOCATE, 1, Side.SELL, 100, 1_001_000);
        listener.take();

        books.add(LOCATE, 1, Side.SELL, 70, 1_002_000);

        assertEquals(List.of("anomaly DUPLICATE_REFERENCE 7 #1", "quote 7 - / 70@100.2000(1)"), listener.take());
        assertEquals(1, books.liveOrders());
        assertEquals(1, books.book(LOCATE).asks().levels());
    }

    @Test
    void shouldKeepLevelsSortedWithTheBestFirstWhateverTheOrderOfArrival()
    {
        final long[] prices = {1_000_000, 1_030_000, 990_000, 1_010_000, 1_020_000, 980_000, 1_005_000, 1_040_000,
            970_000, 1_015_000, 1_025_000, 960_000};
        for (int i = 0; i < prices.length; i++)
        {
            books.add(LOCATE, 100 + i, Side.BUY, 100, prices[i]);
            books.add(LOCATE, 200 + i, Side.SELL, 100, prices[i] + 1_000_000);
        }
        final BookSide bids = books.book(LOCATE).bids();
        final BookSide asks = books.book(LOCATE).asks();
        assertEquals(prices.length, bids.levels());
        for (int rank = 1; rank < bids.levels(); rank++)
        {
            assertTrue(bids.level(rank - 1).price() > bids.level(rank).price(), "bids descend from the best");
            assertTrue(asks.level(rank - 1).price() < asks.level(rank).price(), "asks ascend from the best");
        }
        assertEquals(1_040_000, bids.best().price());
        assertEquals(1_960_000, asks.best().price());
    }

    @Test
    void shouldReportDepthChangesWithinTheWatchedLevels()
    {
        final OrderBooks deep = new OrderBooks(listener, 2, 16);
        deep.add(LOCATE, 1, Side.BUY, 100, 1_000_000);
        deep.add(LOCATE, 2, Side.BUY, 100, 990_000);
        deep.add(LOCATE, 3, Side.BUY, 100, 980_000);
        listener.take();

        deep.cancel(LOCATE, 2, 50);
        deep.cancel(LOCATE, 3, 50);

        assertEquals(List.of("quote 7 100@100.0000(1) / -"), listener.take(), "rank 1 is watched, rank 2 is not");
    }

    @Test
    void shouldQuoteTheFirstTopOfANewDayEvenIfYesterdaysWasTheSame()
    {
        books.add(LOCATE, 1, Side.BUY, 100, 1_000_000);
        listener.take();

        books.clear();
        books.add(LOCATE, 1, Side.BUY, 100, 1_000_000);

        assertEquals(List.of("quote 7 100@100.0000(1) / -"), listener.take());
        assertEquals(1, books.book(LOCATE).orders());
    }

    @Test
    void shouldReuseOrdersAndLevelsFromThePoolsOnceWarm()
    {
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < 100_000; i++)
            {
                books.add(LOCATE, round * 1_000_000L + i, (i & 1) == 0 ? Side.BUY : Side.SELL, 100, 1_000_000 + i % 500 * 100);
            }
            for (int i = 0; i < 100_000; i++)
            {
                books.delete(LOCATE, round * 1_000_000L + i);
            }
            if (round == 0)
            {
                listener.take();
            }
        }
        final long ordersCreated = books.orderPool().created();
        final long levelsCreated = books.levelPool().created();
        for (int i = 0; i < 100_000; i++)
        {
            books.add(LOCATE, 9_000_000L + i, Side.BUY, 100, 1_000_000 + i % 500 * 100);
            books.delete(LOCATE, 9_000_000L + i);
        }
        assertEquals(ordersCreated, books.orderPool().created());
        assertEquals(levelsCreated, books.levelPool().created());
        assertEquals(0, books.liveOrders());
    }
}
