/**
 * Avro records for Kafka: the schemas ({@link io.feedhandler.avro.RecordSchemas}, from
 * {@code schemas/*.avsc}), zero-allocation encoders that write Avro binary straight into a buffer
 * ({@link io.feedhandler.avro.OrderEventEncoder}, {@link io.feedhandler.avro.TradeEncoder},
 * {@link io.feedhandler.avro.QuoteEncoder}, {@link io.feedhandler.avro.ReferenceDataEncoder},
 * {@link io.feedhandler.avro.StatusEncoder}, over {@link io.feedhandler.avro.AvroWriter} and
 * {@link io.feedhandler.avro.RecordHeader}), and the wire formats that frame them
 * ({@link io.feedhandler.avro.WireFormat}).
 */
package io.feedhandler.avro;
