package io.feedhandler.transport.file;

import io.feedhandler.transport.moldudp64.MoldUdp64Packet;
import org.agrona.DirectBuffer;

/**
 * What a {@link FeedFileReader} finds in a file, in file order.
 *
 * <p>Buffers passed in are only valid during the call: a listener that keeps bytes copies them.
 * Source offsets are byte offsets in the (uncompressed) input, so an operator can find the bytes
 * with {@code xxd -s}: for gzip files they count decompressed bytes.
 */
public interface FeedFileListener
{
    /**
     * One message, framed but not interpreted (a MoldUDP64 capture may carry a non-ITCH dialect).
     *
     * @param sequenceNumber MoldUDP64 sequence number of the message, or for BinaryFILE its 1-based
     *                       position in the file (the n-th record is message n).
     * @param buffer         holding the message.
     * @param offset         of the message's first byte (its type) in {@code buffer}.
     * @param length         framing length of the message.
     * @param sourceOffset   byte offset of the message's framing (length prefix) in the input.
     */
    void onMessage(long sequenceNumber, DirectBuffer buffer, int offset, int length, long sourceOffset);

    /**
     * A well-formed MoldUDP64 packet, before its messages (captures only).
     *
     * @param packet       wrapped over the packet; valid during the call.
     * @param sourceOffset byte offset of the packet's UDP payload in the input.
     */
    default void onPacket(final MoldUdp64Packet packet, final long sourceOffset)
    {
    }

    /**
     * A BinaryFILE record of length 0: the end-of-session marker.
     *
     * @param sourceOffset byte offset of the marker.
     */
    default void onEndOfSession(final long sourceOffset)
    {
    }

    /**
     * A frame in a capture that is not an IPv4/UDP datagram (other traffic is normal in a tap's
     * capture: counted, not an error). IPv4 fragments and frames of an unsupported link type are
     * skipped too. A UDP datagram that is not a well-formed MoldUDP64 packet is a defect instead.
     *
     * @param sourceOffset byte offset of the frame's record in the capture.
     */
    default void onSkippedFrame(final long sourceOffset)
    {
    }

    /**
     * Malformed input. After a defect that destroys the framing the reader stops; otherwise it
     * goes on with the next frame.
     *
     * @param sourceOffset byte offset of the defect.
     * @param reason       a sentence a person can act on.
     */
    void onDefect(long sourceOffset, String reason);
}
