package io.feedhandler.transport.moldudp64;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A/B arbitration of one MoldUDP64 feed: packets from line A, line B and the re-request socket
 * come in (on one thread, so nothing here locks), each sequence number goes out once, in order,
 * to the {@link LineSink}.
 *
 * <pre>
 * line A ---+                     in order, once          +--> sink (ring)
 * line B ---+--> first copy wins -----------------------+-+
 * answers --+        |  ahead of a gap                  |
 *                    +--> reorder buffer (bounded) -----+
 *                    |  missing
 *                    +--> GapRecovery (re-request; give up -> GAP record)
 * </pre>
 *
 * <ul>
 *   <li><b>Arbitration</b>: a message below the next expected number, or already held, is a
 *       duplicate of its line (counted per line); otherwise this line's copy wins.</li>
 *   <li><b>Gaps</b>: a packet beyond the highest number seen opens a missing range; messages after
 *       it wait in the reorder buffer (a slot per sequence number, {@code capacity} of them) while
 *       {@link GapRecovery} gets it back. A range given up is reported once through
 *       {@link LineSink#gap} and the messages after it flow on. A message that does not fit the
 *       buffer gives up the oldest range; if that does not make room (the ring is full), the
 *       message is dropped and becomes a missing range itself.</li>
 *   <li><b>Ring full</b>: never waits. {@code recover}: the packet is held in the reorder buffer and
 *       delivered when the ring has room (on the next packet or timer tick); what does not fit is
 *       re-requested. {@code shed}: dropped, and one {@link LineSink#shed} record names the range.</li>
 *   <li><b>Heartbeats and end of session</b> carry the next sequence number: a higher one than
 *       seen means the last packets were lost. End of session is reported once everything before
 *       it is delivered or given up; the session's later packets are duplicates.</li>
 *   <li><b>Session change</b> (a new day): what is missing from the old session is given up, what
 *       is held is delivered, and the new session starts at 1. Late packets of the old session,
 *       and answers for another session, are counted and ignored.</li>
 *   <li><b>Stale line</b>: a line silent for longer than the limit is reported once per silence
 *       (after the session is known, until it ends).</li>
 * </ul>
 *
 * <p>Nothing is allocated per packet or message: the reorder buffer is one preallocated arena.
 */
public final class LineArbiter
{
    /** Index of line A. */
    public static final int LINE_A = 0;
    /** Index of line B. */
    public static final int LINE_B = 1;
    /** Index of the re-request socket (answers). */
    public static final int RETRANSMISSION = 2;

    /** Bytes kept per held message: the largest ITCH 5.0 message is 50; longer ones are cut (and fail downstream). */
    public static final int SLOT_BYTES = 128;
    /** Messages claimed at once from the reorder buffer at most (and never more than the ring holds). */
    private static final int MAX_RUN = 256;
    private static final Logger LOG = LogManager.getLogger(LineArbiter.class);

    private final MoldUdp64Packet packet = new MoldUdp64Packet();
    private static final String[] LINE_NAMES = {"line A", "line B", "re-request socket"};
    private static final long MALFORMED_LOG_INTERVAL_NANOS = 10_000_000_000L;
    private static final String[][] MALFORMED_REASONS = new String[3][MoldUdp64Packet.Validity.values().length];

    static
    {
        for (int line = 0; line < 3; line++)
        {
            for (final MoldUdp64Packet.Validity validity : MoldUdp64Packet.Validity.values())
            {
                MALFORMED_REASONS[line][validity.ordinal()] = "malformed MoldUDP64 datagram on " + LINE_NAMES[line] + ": " +
                    validity.reason();
            }
        }
    }

    private final LineSink sink;
    private final GapRecovery recovery;
    private final LineCounters counters;
    private final boolean shed;
    private final long staleAfterNanos;
    private final long firstSequence;
    private String resumeSession;
    private long resumeNext;
    private final int maxRun;

    private final int mask;
    private final long[] held;
    private final int[] heldLength;
    private final long[] heldReceived;
    private final UnsafeBuffer arena;
    private int heldCount;

    private final byte[] session = new byte[MoldUdp64Packet.SESSION_LENGTH];
    private final byte[] previousSession = new byte[MoldUdp64Packet.SESSION_LENGTH];
    private boolean hasSession;
    private boolean hasPrevious;
    private int stream = -1;
    private long next;
    private long highest;
    private long endSequence;
    private boolean ended;
    private boolean blocked;
    private long shedFrom;
    private long shedTo;
    private final long[] lastPacketNanos = new long[2];
    /** Datagrams read per line (A, B, re-request socket): a malformed one's position for the DLQ. */
    private final long[] datagrams = new long[3];
    private final long[] lastMalformedLogNanos = new long[3];
    private final long[] malformedSinceLog = new long[3];
    private final boolean[] staleReported = new boolean[2];

    /**
     * @param sink             where messages and line events go.
     * @param recovery         gets missing ranges back.
     * @param counters         what is counted.
     * @param shed             true: the {@code shed} overload policy; false: {@code recover}.
     * @param reorderCapacity  messages the reorder buffer holds (rounded up to a power of two).
     * @param staleAfterMillis silence after which a line is stale.
     * @param firstSequence    0: start at the first packet seen; N: expect N first.
     */
    public LineArbiter(final LineSink sink, final GapRecovery recovery, final LineCounters counters, final boolean shed,
        final int reorderCapacity, final long staleAfterMillis, final long firstSequence)
    {
        this.sink = sink;
        this.recovery = recovery;
        this.counters = counters;
        this.shed = shed;
        this.staleAfterNanos = staleAfterMillis * 1_000_000L;
        this.firstSequence = firstSequence;
        this.maxRun = Math.max(1, Math.min(MAX_RUN, sink.capacity()));
        final int capacity = 1 << (32 - Integer.numberOfLeadingZeros(Math.max(16, reorderCapacity) - 1));
        this.mask = capacity - 1;
        this.held = new long[capacity];
        this.heldLength = new int[capacity];
        this.heldReceived = new long[capacity];
        this.arena = new UnsafeBuffer(new byte[capacity * SLOT_BYTES]);
    }

    /**
     * A datagram that is not a valid MoldUDP64 packet: counted, sent to the DLQ through the sink
     * with its raw bytes, a reason naming the line, and its position (the datagram's number on that
     * line, from 1), and logged at most once per {@link #MALFORMED_LOG_INTERVAL_NANOS} per line with
     * the count since. Allocates nothing (reasons are built once); the sink copies the bytes.
     */
    private void malformed(final int line, final DirectBuffer buffer, final int offset, final int length,
        final MoldUdp64Packet.Validity validity, final long nowNanos)
    {
        counters.malformed[line].increment();
        final boolean queued = sink.malformed(line, buffer, offset, length, MALFORMED_REASONS[line][validity.ordinal()],
            datagrams[line], nowNanos);
        if (!queued)
        {
            // A live line never waits for the ring; the datagram is counted, not held.
            counters.malformedNotDeadLettered[line].increment();
        }
        malformedSinceLog[line]++;
        if (lastMalformedLogNanos[line] == 0 || nowNanos - lastMalformedLogNanos[line] >= MALFORMED_LOG_INTERVAL_NANOS)
        {
            LOG.warn("{}: {} ({} bytes, datagram {} on the line); {} malformed since the last report{}",
                LINE_NAMES[line], validity.reason(), length, datagrams[line], malformedSinceLog[line],
                queued ? ", sent to the DLQ" : "; ring full: this one was not sent to the DLQ");
            lastMalformedLogNanos[line] = nowNanos;
            malformedSinceLog[line] = 0;
        }
    }

    /**
     * @param line {@link #LINE_A} or {@link #LINE_B}.
     * @return true while the line has been reported stale and has sent nothing since. For the
     * metrics gauge: another thread may read it one packet late.
     */
    public boolean stale(final int line)
    {
        return staleReported[line];
    }

    /**
     * One datagram from a line or the re-request socket.
     *
     * @param line     {@link #LINE_A}, {@link #LINE_B} or {@link #RETRANSMISSION}.
     * @param buffer   holding the datagram.
     * @param offset   of its first byte.
     * @param length   of the datagram.
     * @param nowNanos when it was read from the socket (epoch ns); also the arbiter's clock.
     */
    public void onPacket(final int line, final DirectBuffer buffer, final int offset, final int length, final long nowNanos)
    {
        counters.packets[line].increment();
        datagrams[line]++;
        final MoldUdp64Packet.Validity validity = packet.wrap(buffer, offset, length);
        if (validity != MoldUdp64Packet.Validity.OK)
        {
            malformed(line, buffer, offset, length, validity, nowNanos);
            return;
        }
        if (line != RETRANSMISSION)
        {
            lastPacketNanos[line] = nowNanos;
            staleReported[line] = false;
        }
        if (!inSession(line, buffer, offset, nowNanos))
        {
            return;
        }
        if (ended)
        {
            counters.duplicates[line].add(packet.blockCount());
            return;
        }
        final long sequence = packet.sequenceNumber();
        if (packet.isHeartbeat() || packet.isEndOfSession())
        {
            seen(sequence, sequence - 1, nowNanos);
            if (packet.isEndOfSession())
            {
                endSequence = sequence;
            }
            drain(nowNanos);
            return;
        }
        final int count = packet.blockCount();
        final long last = sequence + count - 1;
        seen(sequence, last, nowNanos);
        if (last < next)
        {
            counters.duplicates[line].add(count);
            return;
        }
        if (sequence <= next && heldCount == 0)
        {
            if (shedTo != 0 || blocked)
            {
                drain(nowNanos);
            }
            if (shedTo == 0 && !blocked && last - next < maxRun && deliverDirect(line, sequence, last, nowNanos))
            {
                afterPacket(line, nowNanos);
                return;
            }
            if (shed && shedTo != 0)
            {
                // The ring is still full and the record of what was shed still waits: shed this too.
                counters.duplicates[line].add(next - sequence);
                shed(next, last);
                recovery.arrived(sequence, last, nowNanos);
                next = last + 1;
                return;
            }
        }
        hold(line, sequence, nowNanos);
        drain(nowNanos);
        afterPacket(line, nowNanos);
    }

    /**
     * The line thread's timer (every millisecond or so): requests due, gaps given up, held messages
     * the full ring refused, stale lines, end of session.
     *
     * @param nowNanos now (epoch ns, the clock of {@link #onPacket}).
     */
    public void onTimer(final long nowNanos)
    {
        if (!hasSession)
        {
            return;
        }
        recovery.poll(nowNanos);
        drain(nowNanos);
        if (ended)
        {
            return;
        }
        for (int line = LINE_A; line <= LINE_B; line++)
        {
            if (!staleReported[line] && nowNanos - lastPacketNanos[line] > staleAfterNanos)
            {
                if (sink.staleLine(stream, line, next, nowNanos))
                {
                    staleReported[line] = true;
                    counters.stale[line].increment();
                    LOG.warn("line {} has sent nothing for more than {} ms (session {}, next expected {})",
                        line == LINE_A ? "A" : "B", staleAfterNanos / 1_000_000L, MoldUdp64Session.toDisplayString(session), next);
                }
                else
                {
                    counters.ringFull.increment();
                }
            }
        }
    }

    /**
     * Resume after a checkpoint (before the first packet): if the first session seen is this one,
     * expect this sequence number first, so what the lines show later is held and the range before
     * it re-requested; if it is another session (a new trading day), the checkpoint is not applied
     * (a log line says so) and {@code firstSequence} holds.
     *
     * @param session      the session named in the checkpoint (trimmed).
     * @param nextSequence the first sequence number wanted: 1 to rebuild the books from the
     *                     session's start (what {@code run} does), or watermark + 1.
     */
    public void resume(final String session, final long nextSequence)
    {
        resumeSession = session;
        resumeNext = nextSequence;
    }

    /** @return the next sequence number to deliver (0 before the first session). */
    public long nextExpected()
    {
        return next;
    }

    /** @return messages held in the reorder buffer. */
    public int held()
    {
        return heldCount;
    }

    /** @return true once the current session's end was delivered. */
    public boolean ended()
    {
        return ended;
    }

    /** @return the stream index of the current session, -1 before the first. */
    public int stream()
    {
        return stream;
    }

    private void afterPacket(final int line, final long nowNanos)
    {
        if (line == RETRANSMISSION)
        {
            // An answer that filled the front of a range asks for the rest at once.
            recovery.poll(nowNanos);
        }
    }

    private boolean inSession(final int line, final DirectBuffer buffer, final int offset, final long nowNanos)
    {
        if (!hasSession)
        {
            if (line == RETRANSMISSION)
            {
                counters.otherSession.increment();
                return false;
            }
            long start = firstSequence > 0 ? firstSequence : packet.sequenceNumber();
            if (resumeSession != null)
            {
                final byte[] seen = new byte[MoldUdp64Packet.SESSION_LENGTH];
                buffer.getBytes(offset, seen);
                final String live = MoldUdp64Session.toDisplayString(seen);
                if (live.equals(resumeSession))
                {
                    start = resumeNext;
                    LOG.info("resuming session {} from the checkpoint at sequence number {}", live, resumeNext);
                }
                else
                {
                    LOG.warn("checkpoint of session {} (next {}) not applied: the live session is {} (a new trading day)",
                        resumeSession, resumeNext, live);
                }
                resumeSession = null;
            }
            start(buffer, offset, start, nowNanos);
            return true;
        }
        if (same(session, buffer, offset))
        {
            return true;
        }
        if (line == RETRANSMISSION || (hasPrevious && same(previousSession, buffer, offset)))
        {
            counters.otherSession.increment();
            return false;
        }
        changeSession(buffer, offset, nowNanos);
        return true;
    }

    private void changeSession(final DirectBuffer buffer, final int offset, final long nowNanos)
    {
        counters.sessionChanges.increment();
        while (recovery.size() > 0 && !blocked)
        {
            recovery.giveUpFirst(LineSink.GapReason.SESSION_ENDED);
            drain(nowNanos);
        }
        drain(nowNanos);
        if (blocked || heldCount > 0 || recovery.size() > 0 || shedTo != 0)
        {
            counters.localLoss.add(heldCount);
            LOG.error("session {} replaced by a new one while the ring was full: {} held messages and {} missing ranges of " +
                "it are dropped without a status record", MoldUdp64Session.toDisplayString(session), heldCount, recovery.size());
        }
        System.arraycopy(session, 0, previousSession, 0, session.length);
        hasPrevious = true;
        start(buffer, offset, 1, nowNanos);
    }

    private void start(final DirectBuffer buffer, final int offset, final long first, final long nowNanos)
    {
        buffer.getBytes(offset, session, 0, session.length);
        hasSession = true;
        stream = sink.session(session.clone());
        recovery.session(session);
        next = first;
        highest = first - 1;
        endSequence = 0;
        ended = false;
        blocked = false;
        shedFrom = 0;
        shedTo = 0;
        java.util.Arrays.fill(held, 0);
        heldCount = 0;
        lastPacketNanos[LINE_A] = nowNanos;
        lastPacketNanos[LINE_B] = nowNanos;
        staleReported[LINE_A] = false;
        staleReported[LINE_B] = false;
        LOG.info("session {} starts at sequence number {}", MoldUdp64Session.toDisplayString(session), first);
    }

    private static boolean same(final byte[] name, final DirectBuffer buffer, final int offset)
    {
        for (int i = 0; i < name.length; i++)
        {
            if (name[i] != buffer.getByte(offset + i))
            {
                return false;
            }
        }
        return true;
    }

    /** A packet covering first..last (last = first - 1 for heartbeats) arrived: what lies before it is missing. */
    private void seen(final long first, final long last, final long nowNanos)
    {
        if (last > highest)
        {
            if (first > highest + 1)
            {
                recovery.missing(highest + 1, first - 1, nowNanos);
            }
            highest = last;
        }
    }

    private boolean deliverDirect(final int line, final long sequence, final long last, final long nowNanos)
    {
        final int fresh = (int)(last - next + 1);
        if (!sink.tryClaim(fresh))
        {
            counters.ringFull.increment();
            if (!shed)
            {
                return false;
            }
            counters.duplicates[line].add(next - sequence);
            shed(next, last);
            recovery.arrived(sequence, last, nowNanos);
            next = last + 1;
            return true;
        }
        final DirectBuffer buffer = packet.buffer();
        long s = sequence;
        for (int block = packet.firstBlock(), i = 0, count = packet.blockCount(); i < count; i++, s++)
        {
            if (s >= next)
            {
                final int length = packet.blockLength(block);
                sink.message(stream, s, buffer, block + 2, length, length, nowNanos);
            }
            block = packet.nextBlock(block);
        }
        sink.publish();
        counters.duplicates[line].add(next - sequence);
        counters.firstCopies[line].add(fresh);
        if (recovery.size() > 0)
        {
            recovery.arrived(next, last, nowNanos);
        }
        next = last + 1;
        maybeEnd(nowNanos);
        return true;
    }

    private void hold(final int line, final long sequence, final long nowNanos)
    {
        final DirectBuffer buffer = packet.buffer();
        long runFrom = 0;
        long runTo = -1;
        long lostFrom = 0;
        long lostTo = -1;
        long s = sequence;
        for (int block = packet.firstBlock(), i = 0, count = packet.blockCount(); i < count; i++, s++, block = packet.nextBlock(block))
        {
            final int slot = (int)(s & mask);
            if (s < next || held[slot] == s)
            {
                counters.duplicates[line].increment();
                continue;
            }
            while (s - next > mask && recovery.firstFrom() != GapRecovery.NONE && !blocked)
            {
                recovery.giveUpFirst(LineSink.GapReason.REORDER_BUFFER_FULL);
                drain(nowNanos);
            }
            if (s - next > mask)
            {
                counters.localLoss.increment();
                if (lostTo == s - 1)
                {
                    lostTo = s;
                }
                else
                {
                    lostFrom = s;
                    lostTo = s;
                }
                continue;
            }
            if (s < next)
            {
                counters.duplicates[line].increment();
                continue;
            }
            final int length = packet.blockLength(block);
            arena.putBytes(slot * SLOT_BYTES, buffer, block + 2, Math.min(length, SLOT_BYTES));
            held[slot] = s;
            heldLength[slot] = length;
            heldReceived[slot] = nowNanos;
            heldCount++;
            counters.firstCopies[line].increment();
            if (runTo == s - 1)
            {
                runTo = s;
            }
            else
            {
                if (runTo >= runFrom)
                {
                    recovery.arrived(runFrom, runTo, nowNanos);
                }
                runFrom = s;
                runTo = s;
            }
        }
        if (runTo >= runFrom)
        {
            recovery.arrived(runFrom, runTo, nowNanos);
        }
        if (lostTo >= lostFrom)
        {
            // The line thread could not hold them (ring and reorder buffer full): get them back
            // like a network loss (policy recover).
            recovery.missing(lostFrom, lostTo, nowNanos);
        }
    }

    private void drain(final long nowNanos)
    {
        while (true)
        {
            if (shedTo != 0)
            {
                if (!sink.shed(stream, shedFrom, shedTo, nowNanos))
                {
                    counters.ringFull.increment();
                    blocked = true;
                    return;
                }
                shedFrom = 0;
                shedTo = 0;
            }
            final long gapFrom = recovery.firstFrom();
            if (gapFrom <= next)
            {
                final LineSink.GapReason reason = recovery.firstGivenUp();
                if (reason == null)
                {
                    break;
                }
                final long gapTo = recovery.firstTo();
                if (!sink.gap(stream, gapFrom, gapTo, reason, nowNanos))
                {
                    counters.ringFull.increment();
                    blocked = true;
                    return;
                }
                counters.gapsGivenUp.increment();
                counters.messagesGivenUp.add(gapTo - gapFrom + 1);
                LOG.warn("session {}: sequence numbers {} to {} given up ({})", MoldUdp64Session.toDisplayString(session),
                    gapFrom, gapTo, reason);
                recovery.removeFirst();
                next = Math.max(next, gapTo + 1);
                continue;
            }
            int run = 0;
            while (run < maxRun && run < heldCount && held[(int)((next + run) & mask)] == next + run)
            {
                run++;
            }
            if (run == 0)
            {
                break;
            }
            if (!sink.tryClaim(run))
            {
                counters.ringFull.increment();
                if (!shed)
                {
                    blocked = true;
                    return;
                }
                for (int i = 0; i < run; i++)
                {
                    held[(int)((next + i) & mask)] = 0;
                }
                heldCount -= run;
                shed(next, next + run - 1);
                next += run;
                continue;
            }
            for (int i = 0; i < run; i++)
            {
                final long s = next + i;
                final int slot = (int)(s & mask);
                final int length = heldLength[slot];
                sink.message(stream, s, arena, slot * SLOT_BYTES, Math.min(length, SLOT_BYTES), length, heldReceived[slot]);
                held[slot] = 0;
            }
            sink.publish();
            heldCount -= run;
            next += run;
        }
        blocked = false;
        maybeEnd(nowNanos);
    }

    private void shed(final long from, final long to)
    {
        counters.shed.add(to - from + 1);
        if (shedTo == 0)
        {
            shedFrom = from;
        }
        shedTo = to;
    }

    private void maybeEnd(final long nowNanos)
    {
        if (endSequence != 0 && !ended && next >= endSequence && recovery.size() == 0 && shedTo == 0 && heldCount == 0)
        {
            if (sink.endOfSession(stream, endSequence, nowNanos))
            {
                ended = true;
                counters.sessionsEnded.increment();
                LOG.info("session {} ended at sequence number {}", MoldUdp64Session.toDisplayString(session), endSequence);
            }
            else
            {
                counters.ringFull.increment();
            }
        }
    }
}
