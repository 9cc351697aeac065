package io.feedhandler.book;

import io.feedhandler.itch50.AddOrder;
import io.feedhandler.itch50.AddOrderMpid;
import io.feedhandler.itch50.ItchListener;
import io.feedhandler.itch50.OrderCancel;
import io.feedhandler.itch50.OrderDelete;
import io.feedhandler.itch50.OrderExecuted;
import io.feedhandler.itch50.OrderExecutedWithPrice;
import io.feedhandler.itch50.OrderReplace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The expectations, worked out from first principles with plain Java collections and nothing of
 * the code under test: a HashMap of live orders and, per locate, a TreeMap of price to shares and
 * order count per side, rebuilt message by message from the ITCH rules (E at the order's price,
 * C at its own, X takes shares, D and a full execution remove the order, U keeps the side). What
 * the feed does not make sense of gets the book's documented treatment: ignored if the order is
 * unknown, the order removed if more shares go than it has, an old order dropped if its
 * reference is added again. Call {@link #next} before each message.
 */
public final class ReferenceBooks implements ItchListener
{
    /** Top of book: prices -1 for an empty side. */
    public record Top(long bidPrice, long bidShares, long bidOrders, long askPrice, long askShares, long askOrders)
    {
        static final Top EMPTY = new Top(-1, 0, 0, -1, 0, 0);

        /** @return true if the bid is at or above the ask. */
        public boolean crossed()
        {
            return bidPrice >= 0 && askPrice >= 0 && bidPrice >= askPrice;
        }
    }

    /** A top-of-book change and the message that caused it. */
    public record Quote(long sequence, int locate, Top top)
    {
    }

    /** A level: price, shares, orders. */
    public record Level(long price, long shares, long orders)
    {
    }

    private static final class Resting
    {
        int locate;
        byte side;
        long price;
        long shares;
    }

    private long sequence;
    /** Top-of-book changes in feed order. */
    public final List<Quote> quotes = new ArrayList<>();
    /** Executions that make a trade: E of a known order and every C. */
    public long executionTrades;
    /** Their sequence numbers, in feed order. */
    public final List<Long> executionTradeSequences = new ArrayList<>();
    /** Those that are printable. */
    public long printableExecutionTrades;
    /** Per locate, the match number of its last execution trade (E of a known order, or C). */
    public final Map<Integer, Long> lastExecutionMatch = new HashMap<>();

    private final Map<Long, Resting> orders = new HashMap<>();
    private final Map<Integer, TreeMap<Long, long[]>> bids = new HashMap<>();
    private final Map<Integer, TreeMap<Long, long[]>> asks = new HashMap<>();
    private final Map<Integer, Top> reported = new HashMap<>();
    private final Set<Integer> touched = new LinkedHashSet<>();
    private final boolean keepQuotes;

    /** @param keepQuotes whether to keep every quote in {@link #quotes} (a long day: keep only the last per locate). */
    public ReferenceBooks(final boolean keepQuotes)
    {
        this.keepQuotes = keepQuotes;
    }

    /** @return live orders. */
    public int liveOrders()
    {
        return orders.size();
    }

    /**
     * @param reference an order reference.
     * @return its remaining shares, or -1 if it is not live.
     */
    public long shares(final long reference)
    {
        final Resting order = orders.get(reference);
        return order == null ? -1 : order.shares;
    }

    /** @return locates that have had a book. */
    public Set<Integer> locates()
    {
        final Set<Integer> locates = new java.util.TreeSet<>(bids.keySet());
        locates.addAll(asks.keySet());
        return locates;
    }

    /**
     * @param locate a stock locate.
     * @param buy    bid side if true.
     * @return its levels from the best outwards.
     */
    public List<Level> levels(final int locate, final boolean buy)
    {
        final TreeMap<Long, long[]> side = (buy ? bids : asks).get(locate);
        if (side == null)
        {
            return List.of();
        }
        final List<Level> levels = new ArrayList<>();
        (buy ? side.descendingMap() : side).forEach((price, level) -> levels.add(new Level(price, level[0], level[1])));
        return Collections.unmodifiableList(levels);
    }

    /**
     * @param locate a stock locate.
     * @return its top of book now.
     */
    public Top top(final int locate)
    {
        final TreeMap<Long, long[]> bid = bids.get(locate);
        final TreeMap<Long, long[]> ask = asks.get(locate);
        final Map.Entry<Long, long[]> best = bid == null ? null : bid.lastEntry();
        final Map.Entry<Long, long[]> offer = ask == null ? null : ask.firstEntry();
        return new Top(
            best == null ? -1 : best.getKey(), best == null ? 0 : best.getValue()[0], best == null ? 0 : best.getValue()[1],
            offer == null ? -1 : offer.getKey(), offer == null ? 0 : offer.getValue()[0], offer == null ? 0 : offer.getValue()[1]);
    }

    /**
     * @return the quotes the last message caused, in the order the books changed (already in
     * {@link #quotes} when kept).
     */
    public List<Quote> lastQuotes()
    {
        return lastQuotes;
    }

    private final List<Quote> lastQuotes = new ArrayList<>();

    /**
     * @param file a feed file.
     * @return the reference books after every message of it.
     * @throws java.io.IOException if it cannot be read.
     */
    public static ReferenceBooks of(final java.nio.file.Path file) throws java.io.IOException
    {
        final ReferenceBooks books = new ReferenceBooks(true);
        final io.feedhandler.itch50.ItchMessageDispatcher dispatcher = new io.feedhandler.itch50.ItchMessageDispatcher(books);
        try (io.feedhandler.transport.file.FeedFile feed = io.feedhandler.transport.file.FeedFile.open(file,
            new io.feedhandler.transport.file.FeedFileListener()
            {
                @Override
                public void onMessage(final long sequenceNumber, final org.agrona.DirectBuffer buffer, final int offset,
                    final int length, final long sourceOffset)
                {
                    books.next(sequenceNumber);
                    dispatcher.dispatch(buffer, offset, length);
                }

                @Override
                public void onDefect(final long sourceOffset, final String reason)
                {
                }
            }))
        {
            while (feed.poll(1024))
            {
                // to the end
            }
        }
        return books;
    }

    /**
     * @param message the ITCH messages of a session, sequence number 1 first.
     * @param count   how many of them.
     * @return the reference books after every one of them, quotes kept.
     */
    public static ReferenceBooks of(final io.feedhandler.sim.MessageStore message, final long count)
    {
        final ReferenceBooks books = new ReferenceBooks(true);
        final io.feedhandler.itch50.ItchMessageDispatcher dispatcher = new io.feedhandler.itch50.ItchMessageDispatcher(books);
        for (long sequence = 1; sequence <= count; sequence++)
        {
            books.next(sequence);
            dispatcher.dispatch(message.buffer(), message.offset(sequence), message.length(sequence));
        }
        return books;
    }

    /** @return every quote as {@link #line(org.apache.avro.generic.GenericRecord)} writes a published one. */
    public List<String> quoteLines()
    {
        final List<String> lines = new ArrayList<>();
        for (final Quote quote : quotes)
        {
            final Top top = quote.top();
            lines.add(quote.sequence() + " " + quote.locate() + " " + price(top.bidPrice()) + " " + top.bidShares() + " " +
                top.bidOrders() + " " + price(top.askPrice()) + " " + top.askShares() + " " + top.askOrders());
        }
        return lines;
    }

    /**
     * @param quote a quote record decoded against schemas/Quote.avsc.
     * @return "sequence locate bidPrice bidSize bidOrders askPrice askSize askOrders", as {@link #quoteLines()}.
     */
    public static String line(final org.apache.avro.generic.GenericRecord quote)
    {
        return quote.get("sequence") + " " + quote.get("stockLocate") + " " + decimal(quote.get("bidPrice")) + " " +
            quote.get("bidSize") + " " + quote.get("bidOrders") + " " + decimal(quote.get("askPrice")) + " " +
            quote.get("askSize") + " " + quote.get("askOrders");
    }

    private static String price(final long price)
    {
        return price < 0 ? "null" : java.math.BigDecimal.valueOf(price, 4).toPlainString();
    }

    private static String decimal(final Object bytes)
    {
        if (bytes == null)
        {
            return "null";
        }
        final java.nio.ByteBuffer buffer = ((java.nio.ByteBuffer)bytes).duplicate();
        final byte[] unscaled = new byte[buffer.remaining()];
        buffer.get(unscaled);
        return new java.math.BigDecimal(new java.math.BigInteger(unscaled), 4).toPlainString();
    }

    /**
     * Before each message, order event or not.
     *
     * @param sequence the message's sequence number.
     */
    public void next(final long sequence)
    {
        this.sequence = sequence;
        lastQuotes.clear();
    }

    @Override
    public void onAddOrder(final AddOrder message)
    {
        begin();
        add(message.stockLocate(), message.orderReferenceNumber(), message.side(), message.price(), message.shares());
        end();
    }

    @Override
    public void onAddOrderMpid(final AddOrderMpid message)
    {
        begin();
        add(message.stockLocate(), message.orderReferenceNumber(), message.side(), message.price(), message.shares());
        end();
    }

    @Override
    public void onOrderExecuted(final OrderExecuted message)
    {
        begin();
        if (orders.containsKey(message.orderReferenceNumber()))
        {
            lastExecutionMatch.put(orders.get(message.orderReferenceNumber()).locate, message.matchNumber());
            executionTrades++;
            executionTradeSequences.add(sequence);
            printableExecutionTrades++;
            take(message.orderReferenceNumber(), message.executedShares());
        }
        end();
    }

    @Override
    public void onOrderExecutedWithPrice(final OrderExecutedWithPrice message)
    {
        begin();
        final Resting resting = orders.get(message.orderReferenceNumber());
        lastExecutionMatch.put(resting == null ? message.stockLocate() : resting.locate, message.matchNumber());
        executionTrades++;
        executionTradeSequences.add(sequence);
        if (message.printable() == 'Y')
        {
            printableExecutionTrades++;
        }
        take(message.orderReferenceNumber(), message.executedShares());
        end();
    }

    @Override
    public void onOrderCancel(final OrderCancel message)
    {
        begin();
        take(message.orderReferenceNumber(), message.cancelledShares());
        end();
    }

    @Override
    public void onOrderDelete(final OrderDelete message)
    {
        begin();
        final Resting order = orders.get(message.orderReferenceNumber());
        if (order != null)
        {
            take(message.orderReferenceNumber(), order.shares);
        }
        end();
    }

    @Override
    public void onOrderReplace(final OrderReplace message)
    {
        begin();
        final Resting order = orders.get(message.originalOrderReferenceNumber());
        if (order != null)
        {
            final int locate = order.locate;
            final byte side = order.side;
            take(message.originalOrderReferenceNumber(), order.shares);
            add(locate, message.newOrderReferenceNumber(), side, message.price(), message.shares());
        }
        end();
    }

    private void begin()
    {
        touched.clear();
        lastQuotes.clear();
    }

    private void end()
    {
        for (final int locate : touched)
        {
            final Top now = top(locate);
            if (!now.equals(reported.getOrDefault(locate, Top.EMPTY)))
            {
                reported.put(locate, now);
                final Quote quote = new Quote(sequence, locate, now);
                lastQuotes.add(quote);
                if (keepQuotes)
                {
                    quotes.add(quote);
                }
            }
        }
    }

    private void add(final int locate, final long reference, final byte side, final long price, final long shares)
    {
        if (orders.containsKey(reference))
        {
            take(reference, orders.get(reference).shares);
        }
        final Resting order = new Resting();
        order.locate = locate;
        order.side = side;
        order.price = price;
        order.shares = shares;
        orders.put(reference, order);
        final long[] level = side(locate, side).computeIfAbsent(price, p -> new long[2]);
        level[0] += shares;
        level[1]++;
        (side == 'B' ? asks : bids).computeIfAbsent(locate, l -> new TreeMap<>());
        touched.add(locate);
    }

    /** Shares leave an order; all of them or more, and it is gone. */
    private void take(final long reference, final long shares)
    {
        final Resting order = orders.get(reference);
        if (order == null)
        {
            return;
        }
        touched.add(order.locate);
        final TreeMap<Long, long[]> side = side(order.locate, order.side);
        final long[] level = side.get(order.price);
        if (shares < order.shares)
        {
            order.shares -= shares;
            level[0] -= shares;
            return;
        }
        level[0] -= order.shares;
        level[1]--;
        if (level[1] == 0)
        {
            side.remove(order.price);
        }
        orders.remove(reference);
    }

    private TreeMap<Long, long[]> side(final int locate, final byte side)
    {
        return (side == 'B' ? bids : asks).computeIfAbsent(locate, l -> new TreeMap<>());
    }
}
