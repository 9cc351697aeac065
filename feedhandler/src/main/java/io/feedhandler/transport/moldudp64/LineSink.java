package io.feedhandler.transport.moldudp64;

import org.agrona.DirectBuffer;

/**
 * Where the {@link LineArbiter} (and the SoupBinTCP session client) delivers the feed, in sequence order, once per sequence number:
 * the ring in the daemon, a recording list in tests. Every call comes from the line thread. No
 * method may block: a {@code false} answer means "the ring is full, try later".
 */
public interface LineSink
{
    /** Why a gap was given up, for its status record. */
    enum GapReason
    {
        /** Every re-request went unanswered. */
        UNANSWERED,
        /** The reorder buffer filled up behind the gap. */
        REORDER_BUFFER_FULL,
        /** A new session started before the gap was filled. */
        SESSION_ENDED,
        /** A SoupBinTCP server started after the sequence number asked for at login. */
        NOT_REPLAYED
    }

    /**
     * A session appears for the first time.
     *
     * @param session its 10 bytes as sent.
     * @return the stream index its events carry.
     */
    int session(byte[] session);

    /** @return the most messages one {@link #tryClaim} can ever reserve (the ring's size). */
    int capacity();

    /**
     * Reserve room for messages, delivered next with {@link #message} and made visible by {@link #publish()}.
     *
     * @param count messages.
     * @return false if there is no room for all of them (nothing reserved).
     */
    boolean tryClaim(int count);

    /**
     * One message into the next reserved slot.
     *
     * @param stream         stream index.
     * @param sequence       its sequence number.
     * @param buffer         holding the message.
     * @param offset         of its first byte.
     * @param storedLength   bytes available at offset.
     * @param length         the message's length as framed (more than storedLength if it was cut).
     * @param receiveNanos   when the packet carrying it was read from its socket (epoch ns).
     */
    void message(int stream, long sequence, DirectBuffer buffer, int offset, int storedLength, int length, long receiveNanos);

    /** Make the reserved messages visible. */
    void publish();

    /**
     * Sequence numbers from..to are given up: they will never be delivered.
     *
     * @param stream stream index.
     * @param from   first.
     * @param to     last, inclusive.
     * @param reason why.
     * @param nowNanos the time (epoch ns).
     * @return false if the ring is full (nothing published).
     */
    boolean gap(int stream, long from, long to, GapReason reason, long nowNanos);

    /**
     * The ring was full and the {@code shed} policy dropped from..to.
     *
     * @param stream stream index.
     * @param from   first.
     * @param to     last, inclusive.
     * @param nowNanos the time (epoch ns).
     * @return false if the ring is full.
     */
    boolean shed(int stream, long from, long to, long nowNanos);

    /**
     * A line has been silent for longer than the stale limit.
     *
     * @param stream       stream index of the current session.
     * @param line         {@link LineArbiter#LINE_A} or {@link LineArbiter#LINE_B}.
     * @param nextExpected the next sequence number expected.
     * @param nowNanos     the time (epoch ns).
     * @return false if the ring is full.
     */
    boolean staleLine(int stream, int line, long nextExpected, long nowNanos);

    /**
     * Everything of the session up to its end has been delivered or given up.
     *
     * @param stream stream index.
     * @param next   the end-of-session packet's sequence number (last message + 1).
     * @param nowNanos the time (epoch ns).
     * @return false if the ring is full.
     */
    boolean endOfSession(int stream, long next, long nowNanos);

    /**
     * A datagram that is not a valid MoldUDP64 packet, for the DLQ: its raw bytes (the sink may
     * keep only the first ones, and the length), why, and where. Must not block or allocate.
     *
     * @param line     {@link LineArbiter#LINE_A}, {@link LineArbiter#LINE_B} or {@link LineArbiter#RETRANSMISSION}.
     * @param buffer   holding the datagram.
     * @param offset   of its first byte.
     * @param length   of the datagram.
     * @param reason   a sentence naming the line and the defect (a constant: keep it, do not copy it).
     * @param position the datagram's number on its line, from 1.
     * @param nowNanos when it was read (epoch ns).
     * @return false if the ring is full (not sent; the arbiter counts and logs it anyway).
     */
    default boolean malformed(final int line, final DirectBuffer buffer, final int offset, final int length,
        final String reason, final long position, final long nowNanos)
    {
        return true;
    }
}
