package io.feedhandler.book;

import io.feedhandler.itch50.ItchMessageDispatcher;
import io.feedhandler.itch50.ItchMessageType;
import io.feedhandler.sim.SyntheticMarket;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A generated day of three million messages ({@link SyntheticMarket}: 500 symbols, orders that
 * cross when the reference price drifts) through {@link OrderBooks}, checked message by message
 * against {@link ReferenceBooks} and, at the end, against the generator's own count of live
 * orders. Then the same day again on the same books: the pools create nothing more.
 */
class GeneratedDayBookTest
{
    private static final long SEED = 20191230L;
    private static final int SYMBOLS = 500;
    private static final long MESSAGES = 3_000_000;

    @Test
    void shouldKeepEveryBookConsistentThroughADayAndReuseItsMemoryTheNextDay()
    {
        final Day first = new Day();
        first.run();

        assertTrue(first.crossedMessages > 0, "the generated feed crosses its books now and then");
        assertTrue(first.quotes > MESSAGES / 10, "quotes: " + first.quotes);
        assertTrue(first.peakLiveOrders > 10_000, "peak live orders: " + first.peakLiveOrders);
        assertTrue(first.books.orderPool().created() <= Math.max(1 << 16, first.peakLiveOrders),
            "orders created " + first.books.orderPool().created() + ", never more than the peak live at once " +
            first.peakLiveOrders + " (or the preallocated 65536): fully executed and deleted orders are reused");

        final long ordersCreated = first.books.orderPool().created();
        final long levelsCreated = first.books.levelPool().created();
        first.books.clear();
        assertEquals(0, first.books.liveOrders());
        first.run();

        assertEquals(ordersCreated, first.books.orderPool().created(), "orders created on the second day");
        assertEquals(levelsCreated, first.books.levelPool().created(), "levels created on the second day");
    }

    /** One day through the books under test and the reference, compared after every message. */
    private static final class Day implements BookListener
    {
        final OrderBooks books = new OrderBooks(this);
        final Deque<ReferenceBooks.Quote> quoteQueue = new ArrayDeque<>();
        ReferenceBooks reference;
        SyntheticMarket market;
        long sequence;
        long quotes;
        long crossedMessages;
        int peakLiveOrders;

        /** The same day again, on the same books (cleared by the caller) against a fresh reference. */
        void run()
        {
            reference = new ReferenceBooks(false);
            market = new SyntheticMarket(SEED, SYMBOLS, MESSAGES);
            sequence = 0;
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ItchMessageType.MAX_LENGTH]);
            final ItchMessageDispatcher toReference = new ItchMessageDispatcher(reference);
            final ItchMessageDispatcher toBooks = new ItchMessageDispatcher(new BookBuilder(books));
            int length;
            while ((length = market.next(buffer, 0)) > 0)
            {
                sequence++;
                reference.next(sequence);
                toReference.dispatch(buffer, 0, length);
                toBooks.dispatch(buffer, 0, length);
                check(buffer.getShort(1, ByteOrder.BIG_ENDIAN) & 0xFFFF);
            }
            assertEquals(MESSAGES, sequence);
            assertEquals(market.liveOrders(), books.liveOrders(), "live orders: the generator's own count");
            assertEquals(reference.liveOrders(), books.liveOrders(), "live orders: the reference");
            for (final int locate : reference.locates())
            {
                final OrderBook book = books.book(locate);
                assertEquals(reference.levels(locate, true), RealSampleBookTest.levels(book.bids()), "bids of " + locate);
                assertEquals(reference.levels(locate, false), RealSampleBookTest.levels(book.asks()), "asks of " + locate);
                assertPositive(book.bids());
                assertPositive(book.asks());
            }
        }

        private void check(final int locate)
        {
            for (final ReferenceBooks.Quote expected : reference.lastQuotes())
            {
                final ReferenceBooks.Quote actual = quoteQueue.poll();
                if (!expected.equals(actual))
                {
                    fail("message " + sequence + ": expected quote " + expected + ", the book reported " + actual);
                }
            }
            if (!quoteQueue.isEmpty())
            {
                fail("message " + sequence + ": the book reported " + quoteQueue + " but the top did not change");
            }
            final OrderBook book = books.book(locate);
            if (book == null)
            {
                return;
            }
            final boolean feedCrossed = reference.top(locate).crossed();
            if (book.isCrossed() != feedCrossed)
            {
                fail("message " + sequence + ": book of " + locate + " crossed " + book.isCrossed() + ", the feed's " + feedCrossed);
            }
            if (feedCrossed)
            {
                crossedMessages++;
            }
            if (book.bestBidShares() < 0 || book.bestAskShares() < 0)
            {
                fail("message " + sequence + ": negative size at the top of " + locate);
            }
            peakLiveOrders = Math.max(peakLiveOrders, books.liveOrders());
        }

        private static void assertPositive(final BookSide side)
        {
            for (int rank = 0; rank < side.levels(); rank++)
            {
                assertTrue(side.level(rank).shares() > 0 && side.level(rank).orders() > 0,
                    "level " + side.level(rank).price() + " has " + side.level(rank).shares() + " shares");
            }
        }

        @Override
        public void onTrade(final OrderBook book, final long orderReference, final byte side, final long price,
            final long shares, final long matchNumber, final boolean withPrice, final boolean printable)
        {
        }

        @Override
        public void onTopOfBookChanged(final OrderBook book)
        {
            quotes++;
            quoteQueue.add(new ReferenceBooks.Quote(sequence, book.locate(), RealSampleBookTest.top(book)));
        }

        @Override
        public void onAnomaly(final BookAnomaly anomaly, final int locate, final long orderReference)
        {
            fail("message " + sequence + ": " + anomaly + " for order " + orderReference + ": the generator names only live orders");
        }
    }
}
