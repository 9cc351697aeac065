package io.feedhandler.transport.file;

import io.feedhandler.transport.file.frame.CapturedFrame;
import io.feedhandler.transport.file.frame.Ipv4Packet;
import io.feedhandler.transport.file.frame.LinkLayer;
import io.feedhandler.transport.moldudp64.MoldUdp64Packet;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Records what a reader tells its listener, in order, as values tests can compare. Attached to a
 * {@link CaptureReader}, it also records the frame number and timestamp of each packet.
 */
public final class RecordingListener implements FeedFileListener
{
    /**
     * @param sequenceNumber as passed.
     * @param type           the message's first byte.
     * @param length         as passed.
     * @param sourceOffset   as passed.
     */
    public record Message(long sequenceNumber, char type, int length, long sourceOffset)
    {
    }

    /**
     * @param frame          frame number from the reader (0 if none attached).
     * @param session        the session as displayed.
     * @param sequenceNumber the packet's.
     * @param messageCount   the packet's raw count (0 heartbeat, 0xFFFF end of session).
     * @param sourceOffset   as passed.
     * @param timestampNanos capture timestamp from the reader.
     */
    public record Packet(long frame, String session, long sequenceNumber, int messageCount, long sourceOffset,
        long timestampNanos)
    {
    }

    /**
     * @param sourceOffset as passed.
     */
    public record Skipped(long sourceOffset)
    {
    }

    /**
     * @param sourceOffset as passed.
     * @param reason       as passed.
     */
    public record Defect(long sourceOffset, String reason)
    {
    }

    private final List<Object> events = new ArrayList<>();
    private final List<byte[]> messageBytes = new ArrayList<>();
    private final List<String> udpFlows = new ArrayList<>();
    private final List<Integer> vlanIds = new ArrayList<>();
    private CaptureReader reader;

    /**
     * @param reader whose current frame to record with each packet.
     * @return this.
     */
    public RecordingListener attach(final CaptureReader reader)
    {
        this.reader = reader;
        return this;
    }

    @Override
    public void onMessage(
        final long sequenceNumber, final DirectBuffer buffer, final int offset, final int length, final long sourceOffset)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        messageBytes.add(bytes);
        events.add(new Message(sequenceNumber, length == 0 ? '\0' : (char)(bytes[0] & 0xFF), length, sourceOffset));
    }

    @Override
    public void onPacket(final MoldUdp64Packet packet, final long sourceOffset)
    {
        events.add(new Packet(
            reader == null ? 0 : reader.frameNumber(),
            packet.sessionAsString(),
            packet.sequenceNumber(),
            packet.messageCount(),
            sourceOffset,
            reader == null ? CaptureReader.NO_TIMESTAMP : reader.timestampNanos()));
        if (reader != null)
        {
            final CapturedFrame frame = reader.frame();
            udpFlows.add(
                Ipv4Packet.toDisplayString(frame.ipv4().sourceAddress()) + ":" +
                frame.udp().sourcePort() + "->" +
                Ipv4Packet.toDisplayString(frame.ipv4().destinationAddress()) + ":" +
                frame.udp().destinationPort());
            recordVlan();
        }
    }

    @Override
    public void onSkippedFrame(final long sourceOffset)
    {
        events.add(new Skipped(sourceOffset));
        if (reader != null)
        {
            recordVlan();
        }
    }

    @Override
    public void onDefect(final long sourceOffset, final String reason)
    {
        events.add(new Defect(sourceOffset, reason));
    }

    /** @return every event, in order. */
    public List<Object> events()
    {
        return events;
    }

    /** @return the messages. */
    public List<Message> messages()
    {
        return only(Message.class);
    }

    /** @return the bytes of each message, in order. */
    public List<byte[]> messageBytes()
    {
        return messageBytes;
    }

    /** @return the packets. */
    public List<Packet> packets()
    {
        return only(Packet.class);
    }

    /** @return the skipped frames. */
    public List<Skipped> skipped()
    {
        return only(Skipped.class);
    }

    /** @return the defects. */
    public List<Defect> defects()
    {
        return only(Defect.class);
    }

    /** @return per packet, its UDP flow as {@code src:port->dst:port}. */
    public List<String> udpFlows()
    {
        return udpFlows;
    }

    /** @return per tagged frame (packet or skipped), its outer VLAN id. */
    public List<Integer> vlanIds()
    {
        return vlanIds;
    }

    private void recordVlan()
    {
        final LinkLayer linkLayer = reader.frame().linkLayer();
        if (linkLayer.vlanCount() > 0)
        {
            vlanIds.add(linkLayer.outerVlanId());
        }
    }

    private <T> List<T> only(final Class<T> type)
    {
        final List<T> found = new ArrayList<>();
        for (final Object event : events)
        {
            if (type.isInstance(event))
            {
                found.add(type.cast(event));
            }
        }
        return found;
    }
}
