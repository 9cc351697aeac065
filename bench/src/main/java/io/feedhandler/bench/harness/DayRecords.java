package io.feedhandler.bench.harness;

import io.feedhandler.avro.RecordSchema;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.avro.SingleObjectEncoding;
import io.feedhandler.config.Profile;
import io.feedhandler.config.TradingDay;
import io.feedhandler.kafka.Topics;
import io.feedhandler.pipeline.FeedEvent;
import io.feedhandler.pipeline.PipelineCounters;
import io.feedhandler.pipeline.Publisher;
import io.feedhandler.pipeline.RecordEncoderStage;
import io.feedhandler.pipeline.ReplayJob;
import io.feedhandler.pipeline.Sequencer;
import io.feedhandler.pipeline.StageLatencies;
import io.feedhandler.pipeline.StreamRegistry;
import io.feedhandler.pipeline.SymbolTable;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The exact records the handler publishes for a BinaryFILE day (topic, key, headers, value),
 * found without Kafka: every message goes through the sequencer, the encoder stage and the
 * publisher on this thread, in ring order, and the publisher hands its records to a
 * {@link MockProducer} that keeps them. The reference producer sends as many records as large as
 * their average value; the bare producer sends these very records.
 *
 * @param messages messages in the day.
 * @param records  what the publisher sent, in order.
 */
record DayRecords(long messages, List<ProducerRecord<byte[], byte[]>> records)
{
    private static final int PREFIX_LENGTH = 2;

    /**
     * The figures the reference needs, without the records themselves.
     *
     * @param messages    messages in the day.
     * @param records     records the handler publishes for them.
     * @param valueSize   average value size in bytes, rounded.
     * @param keySize     average key size in bytes.
     * @param headerSize  average bytes of header keys and values per record.
     */
    record Summary(long messages, long records, int valueSize, double keySize, double headerSize)
    {
    }

    /** @return counts and average sizes. */
    Summary summary()
    {
        return new Summary(messages, records.size(), averageValueSize(), averageKeySize(), averageHeaderSize());
    }

    /** @return average value size in bytes, rounded: the reference's record size. */
    int averageValueSize()
    {
        return (int)Math.round(records.stream().mapToLong(record -> record.value().length).average().orElse(0));
    }

    /** @return average key size in bytes. */
    double averageKeySize()
    {
        return records.stream().mapToLong(record -> record.key() == null ? 0 : record.key().length).average().orElse(0);
    }

    /** @return average bytes of header keys and values per record. */
    double averageHeaderSize()
    {
        return records.stream().mapToLong(record ->
        {
            long bytes = 0;
            for (final Header header : record.headers())
            {
                bytes += header.key().length() + (header.value() == null ? 0 : header.value().length);
            }
            return bytes;
        }).average().orElse(0);
    }

    /**
     * @param day     a BinaryFILE in memory: 2-byte big-endian length, then the message.
     * @param file    its name, for the stream name and the trading day, as {@code ReplayJob} takes them.
     * @param profile exchange, topics and trading day, as the replay will use them.
     * @return the day's records.
     */
    static DayRecords capture(final byte[] day, final Path file, final Profile profile)
    {
        final String exchange = profile.exchange();
        final TradingDay tradingDay = profile.tradingDay(file, Clock.systemUTC());
        final RecordSchemas schemas = RecordSchemas.fromClassPath();
        final Topics topics = Topics.of(profile);
        final String[] topicByKind = new String[RecordSchema.values().length];
        final String[] schemaNames = new String[RecordSchema.values().length];
        for (final RecordSchema kind : RecordSchema.values())
        {
            topicByKind[kind.ordinal()] = topics.topic(kind.dataType());
            // As ReplayJob names them.
            schemaNames[kind.ordinal()] = kind.fullName() + ";fingerprint=" + Long.toHexString(schemas.fingerprint(kind));
        }
        final PipelineCounters counters = new PipelineCounters();
        final StreamRegistry streams = new StreamRegistry();
        final SymbolTable symbols = new SymbolTable(exchange);
        final int stream = streams.indexOf(ReplayJob.streamName(file));
        final Sequencer sequencer = new Sequencer(counters);
        final RecordEncoderStage encoder = new RecordEncoderStage(exchange, tradingDay.date(), tradingDay.zone(),
            new SingleObjectEncoding(schemas), streams, symbols);
        final OffsetEpochNanoClock clock = new OffsetEpochNanoClock();
        try (MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()))
        {
            final Publisher publisher = new Publisher(producer, topicByKind, topics.dlq(), streams, symbols, counters,
                exchange, file.getFileName().toString(), schemaNames, clock, new StageLatencies(StageLatencies.Origin.RECEIVE));
            final UnsafeBuffer buffer = new UnsafeBuffer(day);
            final FeedEvent event = new FeedEvent();
            long messages = 0;
            int position = 0;
            while (position < day.length)
            {
                final int length = buffer.getShort(position, ByteOrder.BIG_ENDIAN) & 0xFFFF;
                messages++;
                event.loadMessage(stream, messages, position, clock.nanoTime(), buffer, position + PREFIX_LENGTH, length);
                sequencer.onEvent(event, messages, true);
                encoder.onEvent(event, messages, true);
                publisher.onEvent(event, messages, true);
                position += PREFIX_LENGTH + length;
            }
            return new DayRecords(messages, producer.history());
        }
    }
}
