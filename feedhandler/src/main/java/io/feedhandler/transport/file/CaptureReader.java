package io.feedhandler.transport.file;

import io.feedhandler.transport.file.frame.CapturedFrame;
import io.feedhandler.transport.moldudp64.MoldUdp64Packet;
import org.agrona.DirectBuffer;

import java.io.InputStream;

/**
 * What the pcap and pcapng readers share: each captured frame is decoded down to its UDP payload
 * ({@link CapturedFrame}), which is taken as a MoldUDP64 packet and handed to the listener with its
 * messages.
 *
 * <p>Per frame, the listener sees exactly one of:
 * <ul>
 *     <li>{@link FeedFileListener#onSkippedFrame} at the record's offset: not IPv4/UDP, an IPv4
 *     fragment, or an unsupported link type;</li>
 *     <li>{@link FeedFileListener#onDefect} at the record's offset: the frame is cut by the snap
 *     length before the end of its UDP datagram, or its IPv4/UDP headers are malformed;</li>
 *     <li>{@link FeedFileListener#onDefect} at the UDP payload's offset: the payload is not a
 *     well-formed MoldUDP64 packet ("MoldUDP64 packet in frame N: ...");</li>
 *     <li>{@link FeedFileListener#onPacket} at the UDP payload's offset, then
 *     {@link FeedFileListener#onMessage} for each message block at the block's offset (none for a
 *     heartbeat or end of session).</li>
 * </ul>
 * None of these ends the read: the capture's own framing is intact. Every UDP datagram is taken for
 * MoldUDP64, whatever its addresses and ports, so other UDP traffic in a capture shows up as defects.
 *
 * <p>During those calls {@link #frameNumber()}, {@link #timestampNanos()} and {@link #frame()}
 * describe the current frame.
 */
public abstract class CaptureReader extends FeedFileReader
{
    /** What {@link #timestampNanos()} returns for a frame without a timestamp (pcapng Simple Packet Block). */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private final CapturedFrame frame = new CapturedFrame();
    private final MoldUdp64Packet packet = new MoldUdp64Packet();
    private long frameNumber;
    private long timestampNanos = NO_TIMESTAMP;

    /**
     * @param in       the capture; not closed by the reader.
     * @param listener receives what the reader finds.
     */
    protected CaptureReader(final InputStream in, final FeedFileListener listener)
    {
        super(in, listener);
    }

    /** @return 1-based number of the current frame (as Wireshark numbers them); 0 before the first. */
    public final long frameNumber()
    {
        return frameNumber;
    }

    /**
     * @return capture timestamp of the current frame in nanoseconds since the epoch (UTC), or
     * {@link #NO_TIMESTAMP}.
     */
    public final long timestampNanos()
    {
        return timestampNanos;
    }

    /** @return the current frame's headers (link layer, IPv4, UDP), as far as they were decoded. */
    public final CapturedFrame frame()
    {
        return frame;
    }

    /**
     * Count a frame that cannot be decoded at all (e.g. its interface is unknown).
     *
     * @param timestampNanos its capture timestamp, or {@link #NO_TIMESTAMP}.
     * @return its frame number.
     */
    protected final long countFrame(final long timestampNanos)
    {
        this.timestampNanos = timestampNanos;
        return ++frameNumber;
    }

    /**
     * Count one captured frame, decode it and tell the listener what it holds.
     *
     * @param linkType         LINKTYPE_ value of the frame's interface.
     * @param timestampNanos   capture timestamp, or {@link #NO_TIMESTAMP}.
     * @param buffer           holding the frame.
     * @param offset           of the frame's first byte in {@code buffer}.
     * @param capturedLength   bytes of the frame in the capture.
     * @param originalLength   length of the frame on the wire.
     * @param recordOffset     source offset of the frame's record (pcap record header, pcapng block).
     * @param frameSourceOffset source offset of the frame's first byte.
     */
    protected final void readFrame(
        final int linkType,
        final long timestampNanos,
        final DirectBuffer buffer,
        final int offset,
        final int capturedLength,
        final int originalLength,
        final long recordOffset,
        final long frameSourceOffset)
    {
        final long frameNumber = countFrame(timestampNanos);
        final CapturedFrame.Verdict verdict = frame.decode(linkType, buffer, offset, capturedLength, originalLength);
        if (verdict.isSkipped())
        {
            listener.onSkippedFrame(recordOffset);
            return;
        }
        if (verdict.isDefect())
        {
            listener.onDefect(recordOffset, "frame " + frameNumber + ": " + frame.describe());
            return;
        }
        final int payloadOffset = frame.payloadOffset();
        final long payloadSourceOffset = frameSourceOffset + (payloadOffset - offset);
        final MoldUdp64Packet.Validity validity = packet.wrap(buffer, payloadOffset, frame.payloadLength());
        if (validity != MoldUdp64Packet.Validity.OK)
        {
            listener.onDefect(payloadSourceOffset, "MoldUDP64 packet in frame " + frameNumber + ": " + validity.reason());
            return;
        }
        listener.onPacket(packet, payloadSourceOffset);
        final long sequenceNumber = packet.sequenceNumber();
        final int blockCount = packet.blockCount();
        int blockOffset = packet.firstBlock();
        for (int k = 0; k < blockCount; k++)
        {
            final int length = packet.blockLength(blockOffset);
            listener.onMessage(sequenceNumber + k, buffer, blockOffset + 2, length, frameSourceOffset + (blockOffset - offset));
            blockOffset = packet.nextBlock(blockOffset);
        }
    }
}
