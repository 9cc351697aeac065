package io.feedhandler.book;

import com.typesafe.config.Config;
import io.feedhandler.TestData;
import io.feedhandler.itch50.ItchMessageDispatcher;
import io.feedhandler.transport.file.FeedFile;
import io.feedhandler.transport.file.FeedFileListener;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every real ITCH 5.0 sample with order events, replayed through {@link OrderBooks} and through
 * {@link ReferenceBooks} (plain collections, first principles): the quote stream (sequence,
 * locate, best prices, sizes and order counts) must match message by message, and every book's
 * every level at the end.
 */
class RealSampleBookTest
{
    private static final String ORDER_TYPES = "AFECXDU";

    @TestFactory
    List<DynamicTest> shouldBuildTheSameBooksAndQuotesAsTheReferenceModelFromEveryRealSample()
    {
        final List<DynamicTest> tests = new ArrayList<>();
        for (final Config entry : TestData.manifestFiles())
        {
            final Map<String, Long> types = TestData.types(entry);
            if (!"itch50".equals(entry.getString("dialect")) || types.keySet().stream().noneMatch(ORDER_TYPES::contains))
            {
                continue;
            }
            final String file = entry.getString("path");
            tests.add(DynamicTest.dynamicTest(file, () -> assertSameAsReference(replay(file))));
        }
        assertTrue(tests.size() >= 20, "real samples with order events: " + tests.size());
        return tests;
    }

    @Test
    void shouldHaveBuiltRealBooksFromTheNasdaqSnippet() throws Exception
    {
        final Replay replay = replay("itch50/nasdaq-12302019-snippet.itch50");

        assertSameAsReference(replay);
        final long booksWithBothSides = replay.reference.locates().stream()
            .filter(locate -> !replay.reference.levels(locate, true).isEmpty() && !replay.reference.levels(locate, false).isEmpty())
            .count();
        assertTrue(booksWithBothSides > 10, "two-sided books at the end of the snippet: " + booksWithBothSides);
        assertTrue(replay.reference.quotes.size() > 100, "quotes: " + replay.reference.quotes.size());
        assertEquals(replay.reference.executionTrades, replay.trades, "E of known orders and every C make trades");
        assertFalse(replay.anomalies.isEmpty(), "a file that starts at 09:30 names orders added before it");
    }

    private static void assertSameAsReference(final Replay replay)
    {
        assertEquals(replay.reference.quotes, replay.quotes, "quote stream");
        assertEquals(replay.reference.executionTrades, replay.trades, "execution trades");
        assertEquals(replay.reference.liveOrders(), replay.books.liveOrders(), "live orders");
        for (final int locate : replay.reference.locates())
        {
            final OrderBook book = replay.books.book(locate);
            assertEquals(replay.reference.levels(locate, true), levels(book.bids()), "bids of locate " + locate);
            assertEquals(replay.reference.levels(locate, false), levels(book.asks()), "asks of locate " + locate);
        }
    }

    static List<ReferenceBooks.Level> levels(final BookSide side)
    {
        final List<ReferenceBooks.Level> levels = new ArrayList<>();
        for (int rank = 0; rank < side.levels(); rank++)
        {
            final PriceLevel level = side.level(rank);
            levels.add(new ReferenceBooks.Level(level.price(), level.shares(), level.orders()));
        }
        return levels;
    }

    private static Replay replay(final String file) throws Exception
    {
        final Replay replay = new Replay();
        try (FeedFile feed = FeedFile.open(TestData.path(file), replay))
        {
            while (feed.poll(1024))
            {
                // reads to the end
            }
        }
        return replay;
    }

    /** Both books, fed the same messages; the quotes the real one reports, with the message's sequence. */
    private static final class Replay implements FeedFileListener, BookListener
    {
        final ReferenceBooks reference = new ReferenceBooks(true);
        final OrderBooks books = new OrderBooks(this);
        final ItchMessageDispatcher toReference = new ItchMessageDispatcher(reference);
        final ItchMessageDispatcher toBooks = new ItchMessageDispatcher(new BookBuilder(books));
        final List<ReferenceBooks.Quote> quotes = new ArrayList<>();
        final List<BookAnomaly> anomalies = new ArrayList<>();
        long trades;
        long sequence;

        @Override
        public void onMessage(final long sequenceNumber, final DirectBuffer buffer, final int offset, final int length,
            final long sourceOffset)
        {
            sequence = sequenceNumber;
            reference.next(sequenceNumber);
            toReference.dispatch(buffer, offset, length);
            toBooks.dispatch(buffer, offset, length);
        }

        @Override
        public void onDefect(final long sourceOffset, final String reason)
        {
        }

        @Override
        public void onTrade(final OrderBook book, final long orderReference, final byte side, final long price,
            final long shares, final long matchNumber, final boolean withPrice, final boolean printable)
        {
            trades++;
        }

        @Override
        public void onTopOfBookChanged(final OrderBook book)
        {
            quotes.add(new ReferenceBooks.Quote(sequence, book.locate(), top(book)));
        }

        @Override
        public void onAnomaly(final BookAnomaly anomaly, final int locate, final long orderReference)
        {
            anomalies.add(anomaly);
        }
    }

    static ReferenceBooks.Top top(final OrderBook book)
    {
        return new ReferenceBooks.Top(book.bestBidPrice(), book.bestBidShares(), book.bestBidOrders(),
            book.bestAskPrice(), book.bestAskShares(), book.bestAskOrders());
    }
}
