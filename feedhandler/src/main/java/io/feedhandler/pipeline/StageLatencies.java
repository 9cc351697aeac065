package io.feedhandler.pipeline;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

/**
 * How long a message takes to reach each point of the pipeline, in nanoseconds, as three
 * HdrHistogram {@link Recorder}s (wait-free, no allocation per value; readers take interval
 * histograms from any thread):
 *
 * <pre>
 * origin --> ring published (LineSource, line thread)
 *        --> send() returned for the event's records (Publisher)
 *        --> broker acknowledged, per record (Publisher's callback, producer I/O thread)
 * </pre>
 *
 * <p>The origin is the wire receive time taken at the socket read ({@link Origin#RECEIVE}, the
 * daemon's default), or, for the latency harness, the time the sender intended to send the packet,
 * which it stamps into each message's ITCH timestamp as nanoseconds since midnight UTC
 * ({@link Origin#INTENDED_SEND_TIME}). Measured from the intended time, a message that waited in
 * the socket buffer while the line thread was stalled is charged its wait: no coordinated
 * omission. Only a harness sender stamps so; a real feed's timestamps are Eastern time.
 */
public final class StageLatencies
{
    /** Values above this (one minute) are recorded as this. */
    public static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(1);

    private static final long DAY_NANOS = TimeUnit.DAYS.toNanos(1);
    private static final int ITCH_TIMESTAMP_OFFSET = 5;
    private static final int ITCH_HEADER_LENGTH = 11;

    /** Where latency is measured from. */
    public enum Origin
    {
        /** The socket read that received the packet (epoch ns, the event's receive timestamp). */
        RECEIVE,
        /** The sender's intended send time, stamped by the harness into the ITCH timestamp (ns since midnight UTC). */
        INTENDED_SEND_TIME
    }

    private final Origin origin;
    private final Recorder toRing = new Recorder(HIGHEST_NANOS, 3);
    private final Recorder toSendReturned = new Recorder(HIGHEST_NANOS, 3);
    private final Recorder toAck = new Recorder(HIGHEST_NANOS, 3);
    // Everything since the start, for the metrics endpoint; an interval read adds to it too.
    private final Histogram totalToRing = new Histogram(HIGHEST_NANOS, 3);
    private final Histogram totalToSendReturned = new Histogram(HIGHEST_NANOS, 3);
    private final Histogram totalToAck = new Histogram(HIGHEST_NANOS, 3);

    /** @param origin where latency is measured from. */
    public StageLatencies(final Origin origin)
    {
        this.origin = origin;
    }

    /** @return where latency is measured from. */
    public Origin origin()
    {
        return origin;
    }

    /**
     * @param event an event on the ring.
     * @return the epoch nanoseconds its latency is measured from.
     */
    public long originNanos(final FeedEvent event)
    {
        if (origin == Origin.RECEIVE || event.kind != FeedEvent.MESSAGE || event.payloadLength < ITCH_HEADER_LENGTH)
        {
            return event.receiveTimestampNanos;
        }
        final long timeOfDay = ((long)(event.payload.getShort(ITCH_TIMESTAMP_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF) << 32) |
            (event.payload.getInt(ITCH_TIMESTAMP_OFFSET + 2, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL);
        return epochOfTimeOfDay(timeOfDay, event.receiveTimestampNanos);
    }

    /**
     * @param timeOfDayNanos nanoseconds since midnight UTC.
     * @param nearEpochNanos an epoch time within half a day of it.
     * @return the epoch nanoseconds of that time of day nearest to {@code nearEpochNanos}.
     */
    static long epochOfTimeOfDay(final long timeOfDayNanos, final long nearEpochNanos)
    {
        long epoch = nearEpochNanos - Math.floorMod(nearEpochNanos, DAY_NANOS) + timeOfDayNanos;
        if (epoch - nearEpochNanos > DAY_NANOS / 2)
        {
            epoch -= DAY_NANOS;
        }
        else if (nearEpochNanos - epoch > DAY_NANOS / 2)
        {
            epoch += DAY_NANOS;
        }
        return epoch;
    }

    /**
     * @param event an event just published to the ring.
     * @param nowNanos epoch nanoseconds after the publish.
     */
    public void ringPublished(final FeedEvent event, final long nowNanos)
    {
        toRing.recordValue(clamp(nowNanos - originNanos(event)));
    }

    /**
     * @param originNanos the event's {@link #originNanos}.
     * @param nowNanos    epoch nanoseconds after its last {@code send()} returned.
     */
    public void sendReturned(final long originNanos, final long nowNanos)
    {
        toSendReturned.recordValue(clamp(nowNanos - originNanos));
    }

    /**
     * @param originNanos the record's event's {@link #originNanos}.
     * @param nowNanos    epoch nanoseconds in the acknowledgement callback.
     */
    public void acknowledged(final long originNanos, final long nowNanos)
    {
        toAck.recordValue(clamp(nowNanos - originNanos));
    }

    /** @return origin to ring published, nanoseconds, since the last interval read of it. */
    public synchronized Histogram toRing()
    {
        return interval(toRing, totalToRing);
    }

    /** @return origin to {@code send()} returned, nanoseconds, per event, since the last interval read of it. */
    public synchronized Histogram toSendReturned()
    {
        return interval(toSendReturned, totalToSendReturned);
    }

    /** @return origin to broker acknowledgement, nanoseconds, per record, since the last interval read of it. */
    public synchronized Histogram toAck()
    {
        return interval(toAck, totalToAck);
    }

    /**
     * Everything recorded since the start (or {@link #reset()}), for the metrics endpoint. Interval
     * reads and this share the recorders: every value lands in the totals exactly once, and an
     * interval read sees what was recorded since the previous read of either kind.
     *
     * @return copies: origin to ring, to {@code send()} returned, to acknowledgement.
     */
    public synchronized Histogram[] totals()
    {
        interval(toRing, totalToRing);
        interval(toSendReturned, totalToSendReturned);
        interval(toAck, totalToAck);
        return new Histogram[] {totalToRing.copy(), totalToSendReturned.copy(), totalToAck.copy()};
    }

    private static Histogram interval(final Recorder recorder, final Histogram total)
    {
        final Histogram interval = recorder.getIntervalHistogram();
        total.add(interval);
        return interval;
    }

    /** Forget what was recorded so far (e.g. after a warm-up). */
    public synchronized void reset()
    {
        toRing.reset();
        toSendReturned.reset();
        toAck.reset();
        totalToRing.reset();
        totalToSendReturned.reset();
        totalToAck.reset();
    }

    private static long clamp(final long nanos)
    {
        return Math.max(0, Math.min(HIGHEST_NANOS, nanos));
    }
}
