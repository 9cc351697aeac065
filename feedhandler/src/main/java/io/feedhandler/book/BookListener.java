package io.feedhandler.book;

/**
 * What {@link OrderBooks} tells as it applies order events, on the thread that applies them and
 * before the call that caused it returns. For one message, in this order: at most one trade, then
 * at most one quote change. The book and its levels may be read during the call, not kept.
 */
public interface BookListener
{
    /**
     * An execution of a resting order (E or C).
     *
     * @param book           where the order rested (for a C whose order is unknown, the message's locate's).
     * @param orderReference the resting order (uint64 bits).
     * @param side           the resting order's side, or 0 when the order is unknown (C only).
     * @param price          E: the order's display price; C: the execution price. price(4).
     * @param shares         executed shares, as the message says.
     * @param matchNumber    the match number (uint64 bits).
     * @param withPrice      true for C (Order Executed With Price).
     * @param printable      E: always true; C: the message's Printable flag is 'Y'.
     */
    void onTrade(OrderBook book, long orderReference, byte side, long price, long shares, long matchNumber,
        boolean withPrice, boolean printable);

    /**
     * The top of the book changed: best price, size or order count of either side. With depth
     * levels watched ({@link OrderBooks#OrderBooks(BookListener, int, int)}), also any change
     * within that many levels of the top.
     *
     * @param book the changed book.
     */
    void onTopOfBookChanged(OrderBook book);

    /**
     * An order event the book could not apply as sent (a file that starts mid-day, a lost
     * message). The book stays consistent (see {@link BookAnomaly}); the caller counts it.
     *
     * @param anomaly        what did not fit.
     * @param locate         the message's stock locate.
     * @param orderReference the order reference the message names (uint64 bits).
     */
    void onAnomaly(BookAnomaly anomaly, int locate, long orderReference);
}
