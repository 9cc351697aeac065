package io.feedhandler.app;

import io.feedhandler.itch50.ItchMessageType;
import io.feedhandler.transport.file.FeedFileListener;
import io.feedhandler.transport.moldudp64.MoldUdp64Packet;
import io.feedhandler.transport.moldudp64.MoldUdp64Session;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts what one feed file holds, for {@code feedhandler stats}: ITCH 5.0 messages by type,
 * MoldUDP64 sessions with their sequence ranges, heartbeats, end-of-session packets and gaps, and
 * every defect with its byte offset.
 *
 * <p>A message counts only if its type is ITCH 5.0 and its framing length is the type's length;
 * anything else is a defect, and reading goes on with the next message since the framing is intact.
 */
final class FileStatistics implements FeedFileListener
{
    /** Defects kept for the report; the count goes on past it. */
    static final int MAX_REPORTED_DEFECTS = 100;

    private static final int TIMESTAMP_OFFSET = 5;

    private final long[] types = new long[256];
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final List<Defect> defects = new ArrayList<>();
    private final byte[] sessionBytes = new byte[MoldUdp64Packet.SESSION_LENGTH];
    private Session current;
    private long messages;
    private long defectCount;
    private long skippedFrames;
    private long endOfSessionMarker = -1;
    private long firstTimestamp = -1;
    private long lastTimestamp = -1;

    record Defect(long offset, String reason)
    {
    }

    /** One MoldUDP64 session's sequence accounting. */
    static final class Session
    {
        final String name;
        long firstSequence = -1;
        long lastSequence = -1;
        long nextExpected = -1;
        long packets;
        long heartbeats;
        long endOfSession;
        long duplicates;
        final List<long[]> gaps = new ArrayList<>();

        Session(final String name)
        {
            this.name = name;
        }

        void onData(final long sequence, final int count)
        {
            packets++;
            if (firstSequence < 0)
            {
                firstSequence = sequence;
            }
            advanceTo(sequence, count);
            lastSequence = Math.max(lastSequence, sequence + count - 1);
        }

        void onControl(final long nextSequence, final boolean endOfSession)
        {
            if (endOfSession)
            {
                this.endOfSession++;
            }
            else
            {
                heartbeats++;
            }
            // A control packet's sequence number is the next one to be sent: a higher one than
            // expected is the only sign that the last data packet before a quiet spell was lost.
            advanceTo(nextSequence, 0);
        }

        private void advanceTo(final long sequence, final int count)
        {
            if (nextExpected >= 0)
            {
                if (sequence > nextExpected)
                {
                    gaps.add(new long[] {nextExpected, sequence - 1});
                }
                else if (sequence < nextExpected)
                {
                    duplicates += Math.min(count, nextExpected - sequence);
                }
            }
            nextExpected = Math.max(nextExpected, sequence + count);
        }
    }

    @Override
    public void onPacket(final MoldUdp64Packet packet, final long sourceOffset)
    {
        final Session session = session(packet);
        if (packet.isHeartbeat() || packet.isEndOfSession())
        {
            session.onControl(packet.sequenceNumber(), packet.isEndOfSession());
        }
        else
        {
            session.onData(packet.sequenceNumber(), packet.messageCount());
        }
    }

    @Override
    public void onMessage(
        final long sequenceNumber, final DirectBuffer buffer, final int offset, final int length, final long sourceOffset)
    {
        final byte type = buffer.getByte(offset);
        final int expected = ItchMessageType.length(type);
        if (expected == 0)
        {
            onDefect(sourceOffset, "message type '" + ItchMessageType.describe(type) + "' unknown (" + length + " bytes skipped)");
            return;
        }
        if (expected != length)
        {
            onDefect(sourceOffset, "message type '" + ItchMessageType.describe(type) + "' is " + expected +
                " bytes but its length prefix says " + length);
            return;
        }
        messages++;
        types[type & 0xFF]++;
        final long timestamp = ((long)(buffer.getShort(offset + TIMESTAMP_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF) << 32) |
            (buffer.getInt(offset + TIMESTAMP_OFFSET + 2, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL);
        if (firstTimestamp < 0)
        {
            firstTimestamp = timestamp;
        }
        lastTimestamp = timestamp;
    }

    @Override
    public void onEndOfSession(final long sourceOffset)
    {
        endOfSessionMarker = sourceOffset;
    }

    @Override
    public void onSkippedFrame(final long sourceOffset)
    {
        skippedFrames++;
    }

    @Override
    public void onDefect(final long sourceOffset, final String reason)
    {
        defectCount++;
        if (defects.size() < MAX_REPORTED_DEFECTS)
        {
            defects.add(new Defect(sourceOffset, reason));
        }
    }

    long messages()
    {
        return messages;
    }

    long defectCount()
    {
        return defectCount;
    }

    List<Defect> defects()
    {
        return defects;
    }

    /**
     * @param file   as the user named it.
     * @param format detected format's display name.
     * @param bytes  size of the file on disk.
     * @return the report, one JSON object on one line.
     */
    String toJson(final String file, final String format, final long bytes)
    {
        final Json json = new Json().beginObject()
            .field("file", file)
            .field("format", format)
            .field("bytes", bytes)
            .field("messages", messages);
        json.key("types").beginObject();
        for (int i = 0; i < ItchMessageType.ALL.length(); i++)
        {
            final char type = ItchMessageType.ALL.charAt(i);
            if (types[type] != 0)
            {
                json.field(String.valueOf(type), types[type]);
            }
        }
        json.endObject();
        optional(json, "firstTimestampNs", firstTimestamp);
        optional(json, "lastTimestampNs", lastTimestamp);
        json.key("sessions").beginArray();
        for (final Session session : sessions.values())
        {
            json.beginObject()
                .field("session", session.name)
                .field("firstSequence", session.firstSequence)
                .field("lastSequence", session.lastSequence)
                .field("packets", session.packets)
                .field("heartbeats", session.heartbeats)
                .field("endOfSession", session.endOfSession)
                .field("duplicates", session.duplicates);
            json.key("gaps").beginArray();
            for (final long[] gap : session.gaps)
            {
                json.beginArray().value(gap[0]).value(gap[1]).endArray();
            }
            json.endArray().endObject();
        }
        json.endArray();
        json.field("skippedFrames", skippedFrames);
        optional(json, "endOfSessionMarker", endOfSessionMarker);
        json.field("errorCount", defectCount);
        json.key("errors").beginArray();
        for (final Defect defect : defects)
        {
            json.beginObject().field("offset", defect.offset()).field("reason", defect.reason()).endObject();
        }
        return json.endArray().endObject().toString();
    }

    private static void optional(final Json json, final String name, final long value)
    {
        if (value < 0)
        {
            json.key(name).nullValue();
        }
        else
        {
            json.field(name, value);
        }
    }

    private Session session(final MoldUdp64Packet packet)
    {
        final DirectBuffer buffer = packet.buffer();
        final int offset = packet.sessionOffset();
        if (current != null)
        {
            boolean same = true;
            for (int i = 0; i < sessionBytes.length; i++)
            {
                if (sessionBytes[i] != buffer.getByte(offset + i))
                {
                    same = false;
                    break;
                }
            }
            if (same)
            {
                return current;
            }
        }
        buffer.getBytes(offset, sessionBytes);
        current = sessions.computeIfAbsent(MoldUdp64Session.toDisplayString(sessionBytes), Session::new);
        return current;
    }
}
