package io.feedhandler.book;

import io.feedhandler.itch50.Side;

/**
 * The full-depth book of one stock locate: every displayed order, aggregated by price on two
 * {@link BookSide}s. Changed only by {@link OrderBooks}; read by anyone on the same thread.
 *
 * <pre>
 *            bids (best last)                 asks (best last)
 *   +------+--------+--------+       +------+--------+--------+
 *   | rank | price  | shares |       | rank | price  | shares |      each level: shares, orders
 *   |  0   | 100.25 |   300  |       |  0   | 100.30 |   500  |      each order -> its level
 *   |  1   | 100.20 |  1200  |       |  1   | 100.35 |   100  |
 *   +------+--------+--------+       +------+--------+--------+
 * </pre>
 *
 * <p>It remembers the top of book it last reported, so a change that leaves best prices, sizes
 * and order counts as they were (a replace at the same price and size) reports nothing.
 */
public final class OrderBook
{
    /** Price of an empty side in the top-of-book accessors. */
    public static final long NO_PRICE = -1;

    private final int locate;
    private final BookSide bids = new BookSide(this, Side.BUY);
    private final BookSide asks = new BookSide(this, Side.SELL);
    private long symbol;
    private long orders;

    /** A change reached a watched level of the bid side since the last report. */
    boolean bidTouched;
    /** A change reached a watched level of the ask side since the last report. */
    boolean askTouched;
    private long reportedBidPrice = NO_PRICE;
    private long reportedBidShares;
    private int reportedBidOrders;
    private long reportedAskPrice = NO_PRICE;
    private long reportedAskShares;
    private int reportedAskOrders;

    OrderBook(final int locate)
    {
        this.locate = locate;
    }

    /** @return the stock locate this book belongs to. */
    public int locate()
    {
        return locate;
    }

    /** @return the stock symbol (8 alpha bytes packed big-endian), or 0 while the feed has not named it. */
    public long symbol()
    {
        return symbol;
    }

    void symbol(final long symbol)
    {
        this.symbol = symbol;
    }

    /** @return the bid side. */
    public BookSide bids()
    {
        return bids;
    }

    /** @return the ask side. */
    public BookSide asks()
    {
        return asks;
    }

    /**
     * @param side {@code 'B'} or anything else for the ask side.
     * @return that side.
     */
    public BookSide side(final byte side)
    {
        return side == Side.BUY ? bids : asks;
    }

    /** @return displayed orders on the book. */
    public long orders()
    {
        return orders;
    }

    /** @return best bid price, price(4), or {@link #NO_PRICE}. */
    public long bestBidPrice()
    {
        final PriceLevel best = bids.best();
        return best == null ? NO_PRICE : best.price;
    }

    /** @return shares at the best bid, 0 when empty. */
    public long bestBidShares()
    {
        final PriceLevel best = bids.best();
        return best == null ? 0 : best.shares;
    }

    /** @return orders at the best bid, 0 when empty. */
    public int bestBidOrders()
    {
        final PriceLevel best = bids.best();
        return best == null ? 0 : best.orders;
    }

    /** @return best ask price, price(4), or {@link #NO_PRICE}. */
    public long bestAskPrice()
    {
        final PriceLevel best = asks.best();
        return best == null ? NO_PRICE : best.price;
    }

    /** @return shares at the best ask, 0 when empty. */
    public long bestAskShares()
    {
        final PriceLevel best = asks.best();
        return best == null ? 0 : best.shares;
    }

    /** @return orders at the best ask, 0 when empty. */
    public int bestAskOrders()
    {
        final PriceLevel best = asks.best();
        return best == null ? 0 : best.orders;
    }

    /** @return true if the best bid is at or above the best ask (locked or crossed). */
    public boolean isCrossed()
    {
        final PriceLevel bid = bids.best();
        final PriceLevel ask = asks.best();
        return bid != null && ask != null && bid.price >= ask.price;
    }

    void add(final Order order, final byte side, final long price, final long shares, final LevelPool pool,
        final int watchedLevels)
    {
        final BookSide bookSide = side(side);
        final PriceLevel level = bookSide.levelAt(price, pool);
        level.shares += shares;
        level.orders++;
        order.level = level;
        order.shares = shares;
        orders++;
        touch(bookSide, level, watchedLevels);
    }

    /** Take shares off an order that keeps resting (shares below its remaining). */
    void reduce(final Order order, final long shares, final int watchedLevels)
    {
        final PriceLevel level = order.level;
        order.shares -= shares;
        level.shares -= shares;
        touch(side(level.side), level, watchedLevels);
    }

    /** Take an order off the book (its level goes when it was the last order there). */
    void remove(final Order order, final LevelPool pool, final int watchedLevels)
    {
        final PriceLevel level = order.level;
        final BookSide bookSide = side(level.side);
        touch(bookSide, level, watchedLevels);
        level.shares -= order.shares;
        level.orders--;
        orders--;
        if (level.orders == 0)
        {
            bookSide.remove(level, pool);
        }
        order.level = null;
        order.shares = 0;
    }

    /** Empty both sides and forget the reported top (a new day). */
    void clear(final LevelPool pool)
    {
        bids.clear(pool);
        asks.clear(pool);
        orders = 0;
        bidTouched = false;
        askTouched = false;
        reportedBidPrice = NO_PRICE;
        reportedBidShares = 0;
        reportedBidOrders = 0;
        reportedAskPrice = NO_PRICE;
        reportedAskShares = 0;
        reportedAskOrders = 0;
    }

    /** @return true if a change reached a watched level since the last report. */
    boolean isTouched()
    {
        return bidTouched | askTouched;
    }

    private void touch(final BookSide bookSide, final PriceLevel level, final int watchedLevels)
    {
        if (bookSide.isAmongBest(level, watchedLevels))
        {
            if (bookSide == bids)
            {
                bidTouched = true;
            }
            else
            {
                askTouched = true;
            }
        }
    }

    /**
     * Only a touched side can have a new top, so only its best level is read (the other side's
     * level stays out of the cache).
     *
     * @return true, and the top remembered as reported, if the top of book differs from the one
     * last reported. Clears the touched marks.
     */
    boolean topChangedSinceReported()
    {
        boolean changed = false;
        if (bidTouched)
        {
            bidTouched = false;
            final PriceLevel best = bids.best();
            final long price = best == null ? NO_PRICE : best.price;
            final long shares = best == null ? 0 : best.shares;
            final int count = best == null ? 0 : best.orders;
            if (price != reportedBidPrice || shares != reportedBidShares || count != reportedBidOrders)
            {
                reportedBidPrice = price;
                reportedBidShares = shares;
                reportedBidOrders = count;
                changed = true;
            }
        }
        if (askTouched)
        {
            askTouched = false;
            final PriceLevel best = asks.best();
            final long price = best == null ? NO_PRICE : best.price;
            final long shares = best == null ? 0 : best.shares;
            final int count = best == null ? 0 : best.orders;
            if (price != reportedAskPrice || shares != reportedAskShares || count != reportedAskOrders)
            {
                reportedAskPrice = price;
                reportedAskShares = shares;
                reportedAskOrders = count;
                changed = true;
            }
        }
        return changed;
    }
}
