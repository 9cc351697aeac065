package io.feedhandler.book;

/**
 * Every order book of a feed: one {@link OrderBook} per stock locate (1..65535, created on first
 * use), and one map from order reference to {@link Order} across all of them (ITCH reference
 * numbers are unique per day across locates). Applies A, F, E, C, X, D and U; tells a
 * {@link BookListener} about trades, top-of-book changes and anomalies.
 *
 * <pre>
 *  reference --OrderMap-----------> Order --level--> PriceLevel (in a BookSide of an OrderBook)
 *  locate    --OrderBook[65536]----> OrderBook { bids, asks }
 *  OrderPool, LevelPool: free lists, grow only when empty (counted)
 * </pre>
 *
 * <p>Single-threaded. Allocates nothing in steady state: orders and levels come from pools, the
 * {@link OrderMap} is open-addressed over the orders' own primitive keys (it grows while a day
 * ramps up, then stays).
 */
public final class OrderBooks
{
    /** Locates are uint16; 0 is market-wide and never has a book. */
    public static final int MAX_LOCATE = 65_535;

    private static final int PREALLOCATED_ORDERS = 1 << 16;
    private static final int PREALLOCATED_LEVELS = 1 << 14;

    private final OrderBook[] books = new OrderBook[MAX_LOCATE + 1];
    private final OrderMap orders;
    private final OrderPool orderPool;
    private final LevelPool levelPool = new LevelPool(PREALLOCATED_LEVELS);
    private final BookListener listener;
    private final int depthLevels;
    private final int watchedLevels;

    /**
     * Top-of-book changes only, default sizes.
     *
     * @param listener told about trades, top-of-book changes and anomalies.
     */
    public OrderBooks(final BookListener listener)
    {
        this(listener, 0, PREALLOCATED_ORDERS);
    }

    /**
     * @param listener       told about trades, book changes and anomalies.
     * @param depthLevels    levels per side the listener publishes beyond the top; a change within
     *                       them is reported too. 0: top of book only.
     * @param expectedOrders live orders to size the pool and map for up front.
     */
    public OrderBooks(final BookListener listener, final int depthLevels, final int expectedOrders)
    {
        if (depthLevels < 0)
        {
            throw new IllegalArgumentException("depth levels must be 0 or more, got " + depthLevels);
        }
        this.listener = listener;
        this.depthLevels = depthLevels;
        this.watchedLevels = Math.max(1, depthLevels);
        this.orderPool = new OrderPool(expectedOrders);
        this.orders = new OrderMap(expectedOrders);
    }

    /** @return levels per side watched beyond the top (0: top only). */
    public int depthLevels()
    {
        return depthLevels;
    }

    /**
     * @param locate a stock locate.
     * @return its book, or null if nothing has named or used the locate.
     */
    public OrderBook book(final int locate)
    {
        return books[locate];
    }

    /**
     * @param reference an order reference number.
     * @return the live order, or null.
     */
    public Order order(final long reference)
    {
        return orders.get(reference);
    }

    /** @return live orders across all books. */
    public int liveOrders()
    {
        return orders.size();
    }

    /** @return the order pool (its counts show whether memory stays flat). */
    public OrderPool orderPool()
    {
        return orderPool;
    }

    /** @return the level pool. */
    public LevelPool levelPool()
    {
        return levelPool;
    }

    /**
     * Stock Directory (R), or any message that names the locate's stock: the book exists from now on.
     *
     * @param locate the stock locate.
     * @param symbol 8 alpha bytes packed big-endian.
     * @return the book.
     */
    public OrderBook name(final int locate, final long symbol)
    {
        final OrderBook book = bookOf(locate);
        book.symbol(symbol);
        return book;
    }

    /**
     * Add Order (A, F).
     *
     * @param locate    stock locate.
     * @param reference new order reference.
     * @param side      {@code 'B'} or {@code 'S'}.
     * @param shares    displayed shares.
     * @param price     display price, price(4).
     */
    public void add(final int locate, final long reference, final byte side, final long shares, final long price)
    {
        final OrderBook book = bookOf(locate);
        place(book, locate, reference, side, shares, price);
        settle(book);
    }

    /**
     * Order Executed (E): at the order's display price.
     *
     * @param locate      stock locate of the message.
     * @param reference   the resting order.
     * @param shares      executed shares.
     * @param matchNumber match number.
     */
    public void execute(final int locate, final long reference, final long shares, final long matchNumber)
    {
        final Order order = orders.get(reference);
        if (order == null)
        {
            listener.onAnomaly(BookAnomaly.UNKNOWN_ORDER, locate, reference);
            return;
        }
        final OrderBook book = order.level.book;
        listener.onTrade(book, reference, order.level.side, order.level.price, shares, matchNumber, false, true);
        take(order, locate, shares);
        settle(book);
    }

    /**
     * Order Executed With Price (C): a trade is reported even for an unknown order (its side 0),
     * since the message carries the price.
     *
     * @param locate      stock locate of the message.
     * @param reference   the resting order.
     * @param shares      executed shares.
     * @param matchNumber match number.
     * @param price       execution price, price(4).
     * @param printable   the message's Printable flag is 'Y'.
     */
    public void executeWithPrice(final int locate, final long reference, final long shares, final long matchNumber,
        final long price, final boolean printable)
    {
        final Order order = orders.get(reference);
        if (order == null)
        {
            listener.onTrade(bookOf(locate), reference, (byte)0, price, shares, matchNumber, true, printable);
            listener.onAnomaly(BookAnomaly.UNKNOWN_ORDER, locate, reference);
            return;
        }
        final OrderBook book = order.level.book;
        listener.onTrade(book, reference, order.level.side, price, shares, matchNumber, true, printable);
        take(order, locate, shares);
        settle(book);
    }

    /**
     * Order Cancel (X): part of an order's shares.
     *
     * @param locate    stock locate of the message.
     * @param reference the order.
     * @param shares    cancelled shares.
     */
    public void cancel(final int locate, final long reference, final long shares)
    {
        final Order order = orders.get(reference);
        if (order == null)
        {
            listener.onAnomaly(BookAnomaly.UNKNOWN_ORDER, locate, reference);
            return;
        }
        final OrderBook book = order.level.book;
        take(order, locate, shares);
        settle(book);
    }

    /**
     * Order Delete (D).
     *
     * @param locate    stock locate of the message.
     * @param reference the order.
     */
    public void delete(final int locate, final long reference)
    {
        final Order order = orders.remove(reference);
        if (order == null)
        {
            listener.onAnomaly(BookAnomaly.UNKNOWN_ORDER, locate, reference);
            return;
        }
        final OrderBook book = order.level.book;
        book.remove(order, levelPool, watchedLevels);
        orderPool.release(order);
        settle(book);
    }

    /**
     * Order Replace (U): the original goes, a new order with the original's side (and book) comes,
     * at the back of its level's queue.
     *
     * @param locate            stock locate of the message.
     * @param originalReference the order replaced.
     * @param newReference      the new order's reference.
     * @param shares            the new order's shares.
     * @param price             the new order's price, price(4).
     */
    public void replace(final int locate, final long originalReference, final long newReference, final long shares,
        final long price)
    {
        final Order original = orders.remove(originalReference);
        if (original == null)
        {
            listener.onAnomaly(BookAnomaly.UNKNOWN_ORDER, locate, originalReference);
            return;
        }
        final OrderBook book = original.level.book;
        final byte side = original.level.side;
        book.remove(original, levelPool, watchedLevels);
        orderPool.release(original);
        place(book, locate, newReference, side, shares, price);
        settle(book);
    }

    /**
     * @param action given every live order (allocates nothing itself; for tools and tests).
     */
    public void forEachOrder(final java.util.function.Consumer<Order> action)
    {
        orders.forEach(action);
    }

    /** Empty every book (a new day): orders and levels go back to their pools. */
    public void clear()
    {
        orders.forEach(orderPool::release);
        orders.clear();
        for (final OrderBook book : books)
        {
            if (book != null)
            {
                book.clear(levelPool);
            }
        }
    }

    private OrderBook bookOf(final int locate)
    {
        OrderBook book = books[locate];
        if (book == null)
        {
            book = new OrderBook(locate);
            books[locate] = book;
        }
        return book;
    }

    private void place(final OrderBook book, final int locate, final long reference, final byte side, final long shares,
        final long price)
    {
        final Order order = orderPool.acquire();
        order.reference = reference;
        final Order previous = orders.put(order);
        if (previous != null)
        {
            listener.onAnomaly(BookAnomaly.DUPLICATE_REFERENCE, locate, reference);
            final OrderBook previousBook = previous.level.book;
            previousBook.remove(previous, levelPool, watchedLevels);
            orderPool.release(previous);
            if (previousBook != book)
            {
                settle(previousBook);
            }
        }
        book.add(order, side, price, shares, levelPool, watchedLevels);
    }

    private void take(final Order order, final int locate, final long shares)
    {
        if (shares < order.shares)
        {
            order.level.book.reduce(order, shares, watchedLevels);
            return;
        }
        if (shares > order.shares)
        {
            listener.onAnomaly(BookAnomaly.OVERSIZED_REDUCTION, locate, order.reference);
        }
        orders.remove(order.reference);
        order.level.book.remove(order, levelPool, watchedLevels);
        orderPool.release(order);
    }

    private void settle(final OrderBook book)
    {
        if (book.isTouched())
        {
            final boolean topChanged = book.topChangedSinceReported();
            if (topChanged || depthLevels > 0)
            {
                listener.onTopOfBookChanged(book);
            }
        }
    }
}
