package io.feedhandler.transport.moldudp64;

/**
 * How missing sequence numbers are got back: the one interface the {@link LineArbiter} talks to,
 * so a strategy can be swapped (MoldUDP64 re-request today; a SoupBinTCP replay or a snapshot plus
 * buffered incrementals tomorrow) without touching arbitration, the ring or the publisher.
 *
 * <p>It keeps the missing ranges of the current session, in order, none below the arbiter's next
 * expected number. All calls come from the line thread.
 */
public interface GapRecovery
{
    /** Returned by {@link #firstFrom()} when nothing is missing. */
    long NONE = Long.MAX_VALUE;

    /**
     * A new session: forget everything, ask for its sequence numbers from now on.
     *
     * @param session its 10 bytes.
     */
    void session(byte[] session);

    /**
     * Sequence numbers found missing (beyond what arrived so far, or dropped locally).
     *
     * @param from     first.
     * @param to       last, inclusive.
     * @param nowNanos now.
     */
    void missing(long from, long to, long nowNanos);

    /**
     * Sequence numbers arrived (from a line or an answer); any of them that were missing are not.
     *
     * @param from     first.
     * @param to       last, inclusive.
     * @param nowNanos now.
     */
    void arrived(long from, long to, long nowNanos);

    /**
     * Ask for what is due, give up what is out of tries. Called on the line thread's timer and
     * after an answer.
     *
     * @param nowNanos now.
     */
    void poll(long nowNanos);

    /** @return first sequence number of the lowest missing range, or {@link #NONE}. */
    long firstFrom();

    /** @return last sequence number of the lowest missing range (valid when {@link #firstFrom()} is not NONE). */
    long firstTo();

    /** @return why the lowest range was given up, or null while it is still being recovered. */
    LineSink.GapReason firstGivenUp();

    /**
     * Give the lowest range up now.
     *
     * @param reason why.
     */
    void giveUpFirst(LineSink.GapReason reason);

    /** Forget the lowest range (reported by the arbiter after it was given up). */
    void removeFirst();

    /** @return number of missing ranges. */
    int size();
}
