package io.feedhandler.pipeline;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.feedhandler.transport.file.FeedFileListener;
import io.feedhandler.transport.moldudp64.MoldUdp64Packet;
import io.feedhandler.transport.moldudp64.MoldUdp64Session;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;

import java.util.concurrent.locks.LockSupport;

/**
 * Puts what a feed file holds onto the ring: one slot per message (payload copied into the slot's
 * own buffer), one per defect and end of session. File replay uses the {@code block} overload
 * policy: when the ring is full, {@code next()} waits for the stages, so nothing is lost.
 *
 * <p>A BinaryFILE has no session: its messages belong to the stream named at construction (the
 * file's name by default). In a capture, each MoldUDP64 session is its own stream.
 */
public final class FileSource implements FeedFileListener
{
    private final RingBuffer<FeedEvent> ring;
    private final StreamRegistry streams;
    private final EpochNanoClock clock;
    private final PipelineCounters counters;
    private final int fileStream;
    private final byte[] lastSession = new byte[MoldUdp64Packet.SESSION_LENGTH];
    private static final long CLAIM_PAUSE_NS = 50_000L;

    private volatile boolean aborted;
    private int packetStream = -1;
    private int lastStream;

    /**
     * @param ring       to publish into.
     * @param streams    stream registry.
     * @param clock      receive timestamps (epoch ns).
     * @param counters   events in are counted here.
     * @param fileStream name of the stream for BinaryFILE messages.
     */
    public FileSource(final RingBuffer<FeedEvent> ring, final StreamRegistry streams, final EpochNanoClock clock,
        final PipelineCounters counters, final String fileStream)
    {
        this.counters = counters;
        this.ring = ring;
        this.streams = streams;
        this.clock = clock;
        this.fileStream = streams.indexOf(fileStream);
        this.lastStream = this.fileStream;
    }

    @Override
    public void onPacket(final MoldUdp64Packet packet, final long sourceOffset)
    {
        final DirectBuffer buffer = packet.buffer();
        final int offset = packet.sessionOffset();
        boolean same = packetStream >= 0;
        for (int i = 0; same && i < lastSession.length; i++)
        {
            same = lastSession[i] == buffer.getByte(offset + i);
        }
        if (!same)
        {
            buffer.getBytes(offset, lastSession);
            packetStream = streams.indexOf(MoldUdp64Session.toDisplayString(lastSession));
        }
        lastStream = packetStream;
    }

    @Override
    public void onMessage(
        final long sequenceNumber, final DirectBuffer buffer, final int offset, final int length, final long sourceOffset)
    {
        final long slot = claim();
        try
        {
            ring.get(slot).loadMessage(packetStream >= 0 ? packetStream : fileStream, sequenceNumber, sourceOffset,
                clock.nanoTime(), buffer, offset, length);
            counters.eventsIn.increment();
        }
        finally
        {
            ring.publish(slot);
        }
    }

    @Override
    public void onEndOfSession(final long sourceOffset)
    {
        final long slot = claim();
        ring.get(slot).loadEndOfSession(lastStream, 0, sourceOffset, clock.nanoTime());
        ring.publish(slot);
    }

    @Override
    public void onDefect(final long sourceOffset, final String reason)
    {
        final long slot = claim();
        final FeedEvent event = ring.get(slot);
        event.clear();
        event.kind = FeedEvent.DEFECT;
        event.stream = -1;
        event.sourceOffset = sourceOffset;
        event.payloadLength = 0;
        event.reason = reason;
        event.receiveTimestampNanos = clock.nanoTime();
        counters.eventsIn.increment();
        ring.publish(slot);
    }

    /**
     * Stop putting events on the ring: a waiting or later claim throws {@link AbortedException}.
     * Called from another thread when the stages have stopped making progress for too long.
     */
    public void abort()
    {
        aborted = true;
    }

    /** Thrown out of the reader's callbacks once the source is aborted; ends the read. */
    public static final class AbortedException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        AbortedException()
        {
            super("file source aborted: the pipeline made no progress", null, false, false);
        }
    }

    private long claim()
    {
        // The block policy: wait for a free slot, but give up when aborted rather than forever.
        while (true)
        {
            if (aborted)
            {
                throw new AbortedException();
            }
            try
            {
                return ring.tryNext();
            }
            catch (final InsufficientCapacityException ex)
            {
                LockSupport.parkNanos(CLAIM_PAUSE_NS);
            }
        }
    }
}
