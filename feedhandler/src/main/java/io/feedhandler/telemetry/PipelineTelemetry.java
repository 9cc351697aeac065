package io.feedhandler.telemetry;

import io.feedhandler.pipeline.PipelineCounters;
import io.feedhandler.pipeline.Publisher;
import io.feedhandler.pipeline.Sequencer;
import io.feedhandler.pipeline.StreamRegistry;
import org.apache.kafka.clients.producer.Producer;

import java.util.function.LongSupplier;

/**
 * What {@link FeedMetrics} reads at scrape time from one running pipeline: nothing here is called
 * on the pipeline's threads.
 *
 * @param counters      the pipeline's counters.
 * @param topicByKind   topic of each record kind, by {@code RecordSchema} ordinal (labels acks).
 * @param deadLetterTopic the DLQ topic.
 * @param ringOccupancy events published but not yet handled by the last stage.
 * @param ringCapacity  slots in the ring.
 * @param streams       session names by index.
 * @param sequencer     next expected sequence number per session.
 * @param publisher     acked-sequence watermark per session, receive-to-ack latency.
 * @param producer      the Kafka producer, whose own metrics are bridged.
 */
public record PipelineTelemetry(
    PipelineCounters counters,
    String[] topicByKind,
    String deadLetterTopic,
    LongSupplier ringOccupancy,
    int ringCapacity,
    StreamRegistry streams,
    Sequencer sequencer,
    Publisher publisher,
    Producer<?, ?> producer)
{
}
