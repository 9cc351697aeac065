package io.feedhandler.pipeline;

import com.lmax.disruptor.RingBuffer;
import io.feedhandler.avro.RecordSchema;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.avro.SingleObjectEncoding;
import io.feedhandler.itch50.AllocationMeter;
import io.feedhandler.sim.MessageStore;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stage latency recorders, fed by the real LineSource and Publisher, with a clock the test sets. */
class StageLatenciesTest
{
    private static final long DAY = TimeUnit.DAYS.toNanos(1);
    private static final long RECEIVED = 1_763_900_000_000_000_000L;

    private final long[] now = {RECEIVED};
    private final RingBuffer<FeedEvent> ring = RingBuffer.createSingleProducer(FeedEvent::new, 64);
    private final PipelineCounters counters = new PipelineCounters();
    private final StreamRegistry streams = new StreamRegistry();

    @Test
    void shouldRecordReceiveToRingForEveryMessageOfAPacket()
    {
        final StageLatencies latencies = new StageLatencies(StageLatencies.Origin.RECEIVE);
        final LineSource source = new LineSource(ring, streams, counters, 2000, latencies, () -> now[0]);
        final UnsafeBuffer message = new UnsafeBuffer("S.........O".getBytes(StandardCharsets.US_ASCII));
        final int stream = source.session("SESSION001".getBytes(StandardCharsets.US_ASCII));

        assertTrue(source.tryClaim(3));
        for (int i = 1; i <= 3; i++)
        {
            source.message(stream, i, message, 0, message.capacity(), message.capacity(), RECEIVED);
        }
        now[0] = RECEIVED + 1_500;
        source.publish();

        final Histogram toRing = latencies.toRing();
        assertEquals(3, toRing.getTotalCount());
        assertTrue(toRing.valuesAreEquivalent(1_500, toRing.getMaxValue()), "max " + toRing.getMaxValue());
        assertEquals(0, latencies.toRing().getTotalCount(), "an interval histogram: read once");
    }

    @Test
    void shouldMeasureFromTheIntendedSendTimeStampedInTheItchTimestamp()
    {
        final StageLatencies latencies = new StageLatencies(StageLatencies.Origin.INTENDED_SEND_TIME);
        final UnsafeBuffer message = new UnsafeBuffer(new byte[36]);
        message.putByte(0, (byte)'A');
        // Sent 40 us late, received 3 us after that: measured from the intended time, 43 us.
        final long intended = RECEIVED - 43_000;
        putUint48(message, 5, Math.floorMod(intended, DAY));
        final FeedEvent event = new FeedEvent();
        event.loadMessage(0, 1, 0, RECEIVED, message, 0, message.capacity());

        assertEquals(intended, latencies.originNanos(event));
        latencies.ringPublished(event, RECEIVED + 1_000);
        assertTrue(latencies.toRing().valuesAreEquivalent(44_000, 44_000));
    }

    @Test
    void shouldFindTheTimeOfDayAcrossMidnight()
    {
        final long midnight = RECEIVED - Math.floorMod(RECEIVED, DAY);
        assertEquals(midnight - 1_000, StageLatencies.epochOfTimeOfDay(DAY - 1_000, midnight + 5_000));
        assertEquals(midnight + 1_000, StageLatencies.epochOfTimeOfDay(1_000, midnight - 5_000));
        assertEquals(midnight + 7, StageLatencies.epochOfTimeOfDay(7, midnight + 9));
    }

    @Test
    void shouldRecordSendReturnedPerEventAndAcknowledgementPerRecordInThePublisher()
    {
        final StageLatencies latencies = new StageLatencies(StageLatencies.Origin.RECEIVE);
        final RecordSchemas schemas = RecordSchemas.fromClassPath();
        final String[] topics = new String[RecordSchema.values().length];
        final String[] schemaNames = new String[RecordSchema.values().length];
        for (final RecordSchema kind : RecordSchema.values())
        {
            topics[kind.ordinal()] = "t-" + kind.ordinal();
            schemaNames[kind.ordinal()] = kind.fullName();
        }
        final SymbolTable symbols = new SymbolTable("NASDAQ");
        final Sequencer sequencer = new Sequencer(counters);
        final RecordEncoderStage encoder = new RecordEncoderStage("NASDAQ", LocalDate.of(2019, 12, 30),
            ZoneId.of("America/New_York"), new SingleObjectEncoding(schemas), streams, symbols);
        final MessageStore day = MessageStore.generated(1, 5, 200);
        final int stream = streams.indexOf("S1");
        try (MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()))
        {
            final Publisher publisher = new Publisher(producer, topics, "dlq", streams, symbols, counters, "NASDAQ",
                "test", schemaNames, () -> now[0], latencies);
            final FeedEvent event = new FeedEvent();
            long withRecords = 0;
            for (int sequence = 1; sequence <= day.count(); sequence++)
            {
                event.loadMessage(stream, sequence, 0, RECEIVED, day.buffer(), day.offset(sequence), day.length(sequence));
                sequencer.onEvent(event, sequence, true);
                encoder.onEvent(event, sequence, true);
                withRecords += event.records.count() > 0 ? 1 : 0;
                now[0] = RECEIVED + 2_000;
                publisher.onEvent(event, sequence, true);
                now[0] = RECEIVED;
            }

            final Histogram toSend = latencies.toSendReturned();
            final Histogram toAck = latencies.toAck();
            assertTrue(withRecords > 100, withRecords + " events with records");
            assertEquals(withRecords, toSend.getTotalCount(), "one value per event with records");
            assertEquals(counters.recordsAcked.sum(), toAck.getTotalCount(), "one value per record acknowledged");
            assertTrue(toSend.valuesAreEquivalent(2_000, toSend.getMaxValue()));
            assertTrue(toAck.valuesAreEquivalent(2_000, toAck.getMinValue()), "MockProducer acks inside send()");
        }
    }

    @Test
    void shouldAllocateNothingToRecord()
    {
        final StageLatencies latencies = new StageLatencies(StageLatencies.Origin.INTENDED_SEND_TIME);
        final LineSource source = new LineSource(ring, streams, counters, 2000, latencies, () -> now[0]);
        final UnsafeBuffer message = new UnsafeBuffer(new byte[36]);
        message.putByte(0, (byte)'A');
        putUint48(message, 5, Math.floorMod(RECEIVED - 10_000, DAY));
        final int stream = source.session("SESSION001".getBytes(StandardCharsets.US_ASCII));
        final long[] sequence = {0};

        final long allocated = AllocationMeter.steadyStateAllocation(() ->
        {
            for (int packet = 0; packet < 1_000; packet++)
            {
                source.tryClaim(4);
                for (int i = 0; i < 4; i++)
                {
                    source.message(stream, ++sequence[0], message, 0, message.capacity(), message.capacity(), RECEIVED);
                }
                now[0] = RECEIVED + 1_000 + (packet & 0xFFFF) * 100L;
                source.publish();
                final FeedEvent event = ring.get(sequence[0] - 1);
                final long origin = latencies.originNanos(event);
                latencies.sendReturned(origin, now[0] + 500);
                latencies.acknowledged(origin, now[0] + 5_000_000);
            }
        });

        assertEquals(0, allocated, "bytes allocated recording 4,000 messages' latencies");
        assertTrue(latencies.toAck().getTotalCount() > 0);
    }

    private static void putUint48(final UnsafeBuffer buffer, final int offset, final long value)
    {
        buffer.putShort(offset, (short)(value >>> 32), ByteOrder.BIG_ENDIAN);
        buffer.putInt(offset + 2, (int)value, ByteOrder.BIG_ENDIAN);
    }
}
