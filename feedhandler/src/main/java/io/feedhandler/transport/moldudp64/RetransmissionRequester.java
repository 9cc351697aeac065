package io.feedhandler.transport.moldudp64;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * The MoldUDP64 re-request strategy of {@link GapRecovery}: keeps the missing ranges in order and
 * asks the re-request server for them, with
 * <ul>
 *   <li>a delay before the first request, so the other line can fill the gap first (A/B skew,
 *       reordering);</li>
 *   <li>a timeout per request, doubled after each unanswered try up to a ceiling (exponential
 *       backoff), and a cap on tries, after which the range is given up;</li>
 *   <li>a cap on requests waiting for an answer, across all ranges, and on messages per request:
 *       an answer holds one datagram's worth, so a large gap is asked for piece by piece, and an
 *       answer that fills the front of a range asks for the rest at once (no timer wait).</li>
 * </ul>
 *
 * <p>Ranges live in parallel primitive arrays sorted by first sequence number: no allocation after
 * construction. When the table is full, a new range is merged into the last one (some numbers
 * already held are then asked for again, and ignored as duplicates when they come).
 */
public final class RetransmissionRequester implements GapRecovery
{
    /** Sends one 20-byte request packet to the re-request server. */
    @FunctionalInterface
    public interface RequestSender
    {
        /**
         * @param request the packet.
         * @param length  its length ({@link MoldUdp64RequestPacket#LENGTH}).
         */
        void send(UnsafeBuffer request, int length);
    }

    /** Ranges tracked at most; beyond it, new ranges merge into the last. */
    public static final int MAX_RANGES = 4096;
    private static final int MAX_BACKOFF_SHIFT = 20;

    private final long[] from = new long[MAX_RANGES];
    private final long[] to = new long[MAX_RANGES];
    private final int[] tries = new int[MAX_RANGES];
    private final long[] due = new long[MAX_RANGES];
    private final LineSink.GapReason[] givenUp = new LineSink.GapReason[MAX_RANGES];
    private final boolean[] requested = new boolean[MAX_RANGES];
    private final byte[] session = new byte[MoldUdp64Packet.SESSION_LENGTH];
    private final UnsafeBuffer request = new UnsafeBuffer(new byte[MoldUdp64RequestPacket.LENGTH]);
    private final RequestSender sender;
    private final LineCounters counters;
    private final long delayNanos;
    private final long timeoutNanos;
    private final long maxTimeoutNanos;
    private final int retries;
    private final int maxOutstanding;
    private final int maxPerRequest;
    private int size;

    /**
     * @param sender          sends request packets.
     * @param counters        requests, timeouts, recoveries and give-ups are counted here.
     * @param delayMillis     wait for the other line before the first request.
     * @param timeoutMillis   first timeout of a request.
     * @param maxTimeoutMillis longest timeout after backoff.
     * @param retries         tries after the first before giving up.
     * @param maxOutstanding  requests awaiting an answer at most.
     * @param maxPerRequest   messages per request at most.
     */
    public RetransmissionRequester(final RequestSender sender, final LineCounters counters, final long delayMillis,
        final long timeoutMillis, final long maxTimeoutMillis, final int retries, final int maxOutstanding,
        final int maxPerRequest)
    {
        this.sender = sender;
        this.counters = counters;
        this.delayNanos = delayMillis * 1_000_000L;
        this.timeoutNanos = timeoutMillis * 1_000_000L;
        this.maxTimeoutNanos = maxTimeoutMillis * 1_000_000L;
        this.retries = retries;
        this.maxOutstanding = maxOutstanding;
        this.maxPerRequest = maxPerRequest;
    }

    @Override
    public void session(final byte[] session)
    {
        System.arraycopy(session, 0, this.session, 0, this.session.length);
        size = 0;
    }

    @Override
    public void missing(final long first, final long last, final long nowNanos)
    {
        if (first > last)
        {
            return;
        }
        counters.gapsOpened.increment();
        int i = size;
        while (i > 0 && from[i - 1] > first)
        {
            i--;
        }
        // Touching or overlapping the range before: extend it.
        if (i > 0 && to[i - 1] >= first - 1)
        {
            to[i - 1] = Math.max(to[i - 1], last);
            mergeForward(i - 1);
            return;
        }
        if (size == MAX_RANGES)
        {
            to[size - 1] = Math.max(to[size - 1], last);
            return;
        }
        shiftUp(i);
        from[i] = first;
        to[i] = last;
        tries[i] = 0;
        requested[i] = false;
        givenUp[i] = null;
        due[i] = nowNanos + delayNanos;
        mergeForward(i);
    }

    @Override
    public void arrived(final long first, final long last, final long nowNanos)
    {
        for (int i = 0; i < size && from[i] <= last; i++)
        {
            if (to[i] < first)
            {
                continue;
            }
            if (first <= from[i] && last >= to[i])
            {
                if (requested[i])
                {
                    counters.gapsRecovered.increment();
                }
                remove(i);
                i--;
            }
            else if (first <= from[i])
            {
                from[i] = last + 1;
                progress(i, nowNanos);
            }
            else if (last >= to[i])
            {
                to[i] = first - 1;
            }
            else if (size < MAX_RANGES)
            {
                shiftUp(i + 1);
                from[i + 1] = last + 1;
                to[i + 1] = to[i];
                tries[i + 1] = tries[i];
                due[i + 1] = due[i];
                requested[i + 1] = requested[i];
                givenUp[i + 1] = givenUp[i];
                to[i] = first - 1;
                i++;
            }
        }
    }

    @Override
    public void poll(final long nowNanos)
    {
        int outstanding = 0;
        for (int i = 0; i < size; i++)
        {
            if (givenUp[i] == null && tries[i] > 0 && due[i] > nowNanos)
            {
                outstanding++;
            }
        }
        for (int i = 0; i < size; i++)
        {
            if (givenUp[i] != null || due[i] > nowNanos)
            {
                continue;
            }
            if (tries[i] > retries)
            {
                counters.requestTimeouts.increment();
                givenUp[i] = LineSink.GapReason.UNANSWERED;
                continue;
            }
            if (outstanding >= maxOutstanding)
            {
                continue;
            }
            if (tries[i] > 0)
            {
                counters.requestTimeouts.increment();
            }
            final int count = (int)Math.min(to[i] - from[i] + 1, maxPerRequest);
            sender.send(request, MoldUdp64RequestPacket.encode(request, 0, session, from[i], count));
            counters.requests.increment();
            counters.requestedMessages.add(count);
            requested[i] = true;
            due[i] = nowNanos + Math.min(timeoutNanos << Math.min(tries[i], MAX_BACKOFF_SHIFT), maxTimeoutNanos);
            tries[i]++;
            outstanding++;
        }
    }

    @Override
    public long firstFrom()
    {
        return size == 0 ? NONE : from[0];
    }

    @Override
    public long firstTo()
    {
        return to[0];
    }

    @Override
    public LineSink.GapReason firstGivenUp()
    {
        return size == 0 ? null : givenUp[0];
    }

    @Override
    public void giveUpFirst(final LineSink.GapReason reason)
    {
        if (size > 0 && givenUp[0] == null)
        {
            givenUp[0] = reason;
        }
    }

    @Override
    public void removeFirst()
    {
        if (size > 0)
        {
            remove(0);
        }
    }

    @Override
    public int size()
    {
        return size;
    }

    /**
     * @param index of a range, 0 the lowest.
     * @return its first sequence number.
     */
    public long from(final int index)
    {
        return from[index];
    }

    /**
     * @param index of a range.
     * @return its last sequence number.
     */
    public long to(final int index)
    {
        return to[index];
    }

    private void progress(final int i, final long nowNanos)
    {
        // The server answers, or the other line caught up: ask for the rest now, with fresh tries.
        if (requested[i] && givenUp[i] == null)
        {
            tries[i] = 0;
            due[i] = nowNanos;
        }
    }

    private void mergeForward(final int i)
    {
        while (i + 1 < size && from[i + 1] <= to[i] + 1)
        {
            to[i] = Math.max(to[i], to[i + 1]);
            remove(i + 1);
        }
    }

    private void shiftUp(final int i)
    {
        final int moved = size - i;
        System.arraycopy(from, i, from, i + 1, moved);
        System.arraycopy(to, i, to, i + 1, moved);
        System.arraycopy(tries, i, tries, i + 1, moved);
        System.arraycopy(due, i, due, i + 1, moved);
        System.arraycopy(requested, i, requested, i + 1, moved);
        System.arraycopy(givenUp, i, givenUp, i + 1, moved);
        size++;
    }

    private void remove(final int i)
    {
        final int moved = size - i - 1;
        System.arraycopy(from, i + 1, from, i, moved);
        System.arraycopy(to, i + 1, to, i, moved);
        System.arraycopy(tries, i + 1, tries, i, moved);
        System.arraycopy(due, i + 1, due, i, moved);
        System.arraycopy(requested, i + 1, requested, i, moved);
        System.arraycopy(givenUp, i + 1, givenUp, i, moved);
        size--;
        givenUp[size] = null;
    }
}
