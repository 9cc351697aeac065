package io.feedhandler.bench.book;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reference: the book as it is usually first written in Java, with the JDK's collections
 * (a {@code HashMap<Long, Order>} and, per locate and side, a {@code TreeMap<Long, Level>}), doing
 * the same work as {@code OrderBooks}: A F E C X D U, a trade per execution, a top-of-book check
 * after each event. It boxes keys and allocates an order per add and a level per new price.
 */
final class NaiveOrderBooks
{
    private static final class Order
    {
        final int locate;
        final byte side;
        final long price;
        long shares;

        Order(final int locate, final byte side, final long price, final long shares)
        {
            this.locate = locate;
            this.side = side;
            this.price = price;
            this.shares = shares;
        }
    }

    private static final class Level
    {
        long shares;
        int orders;
    }

    private static final class Book
    {
        final TreeMap<Long, Level> bids = new TreeMap<>();
        final TreeMap<Long, Level> asks = new TreeMap<>();
        long bidPrice = -1;
        long bidShares;
        int bidOrders;
        long askPrice = -1;
        long askShares;
        int askOrders;
    }

    private final Map<Long, Order> orders = new HashMap<>();
    private final Book[] books = new Book[65_536];
    long trades;
    long quotes;

    void add(final int locate, final long reference, final byte side, final long shares, final long price)
    {
        final Order previous = orders.put(reference, new Order(locate, side, price, shares));
        if (previous != null)
        {
            take(previous, previous.shares);
            checkTop(previous.locate);
        }
        final Level level = side(locate, side).computeIfAbsent(price, p -> new Level());
        level.shares += shares;
        level.orders++;
        checkTop(locate);
    }

    void execute(final long reference, final long shares)
    {
        final Order order = orders.get(reference);
        if (order != null)
        {
            trades++;
            reduce(reference, order, shares);
        }
    }

    void executeWithPrice(final long reference, final long shares)
    {
        trades++;
        final Order order = orders.get(reference);
        if (order != null)
        {
            reduce(reference, order, shares);
        }
    }

    void cancel(final long reference, final long shares)
    {
        final Order order = orders.get(reference);
        if (order != null)
        {
            reduce(reference, order, shares);
        }
    }

    void delete(final long reference)
    {
        final Order order = orders.remove(reference);
        if (order != null)
        {
            take(order, order.shares);
            checkTop(order.locate);
        }
    }

    void replace(final long reference, final long newReference, final long shares, final long price)
    {
        final Order order = orders.remove(reference);
        if (order != null)
        {
            take(order, order.shares);
            add(order.locate, newReference, order.side, shares, price);
        }
    }

    void clear()
    {
        orders.clear();
        java.util.Arrays.fill(books, null);
    }

    private void reduce(final long reference, final Order order, final long shares)
    {
        if (shares >= order.shares)
        {
            orders.remove(reference);
            take(order, order.shares);
        }
        else
        {
            order.shares -= shares;
            side(order.locate, order.side).get(order.price).shares -= shares;
        }
        checkTop(order.locate);
    }

    private void take(final Order order, final long shares)
    {
        final TreeMap<Long, Level> side = side(order.locate, order.side);
        final Level level = side.get(order.price);
        level.shares -= shares;
        if (shares >= order.shares)
        {
            level.orders--;
            if (level.orders == 0)
            {
                side.remove(order.price);
            }
        }
    }

    private void checkTop(final int locate)
    {
        final Book book = book(locate);
        final Map.Entry<Long, Level> bid = book.bids.lastEntry();
        final Map.Entry<Long, Level> ask = book.asks.firstEntry();
        final long bidPrice = bid == null ? -1 : bid.getKey();
        final long bidShares = bid == null ? 0 : bid.getValue().shares;
        final int bidOrders = bid == null ? 0 : bid.getValue().orders;
        final long askPrice = ask == null ? -1 : ask.getKey();
        final long askShares = ask == null ? 0 : ask.getValue().shares;
        final int askOrders = ask == null ? 0 : ask.getValue().orders;
        if (bidPrice != book.bidPrice || bidShares != book.bidShares || bidOrders != book.bidOrders ||
            askPrice != book.askPrice || askShares != book.askShares || askOrders != book.askOrders)
        {
            book.bidPrice = bidPrice;
            book.bidShares = bidShares;
            book.bidOrders = bidOrders;
            book.askPrice = askPrice;
            book.askShares = askShares;
            book.askOrders = askOrders;
            quotes++;
        }
    }

    private TreeMap<Long, Level> side(final int locate, final byte side)
    {
        final Book book = book(locate);
        return side == 'B' ? book.bids : book.asks;
    }

    private Book book(final int locate)
    {
        Book book = books[locate];
        if (book == null)
        {
            book = new Book();
            books[locate] = book;
        }
        return book;
    }
}
