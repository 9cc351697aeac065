/**
 * Telemetry: the Prometheus {@code /metrics} endpoint ({@link io.feedhandler.telemetry.FeedMetrics}).
 * Every metric name lives here and only here. The hot path is untouched: pipeline figures are the
 * {@code LongAdder}s it already keeps, read when Prometheus scrapes; the feed lines bind their
 * data points once ({@link io.feedhandler.telemetry.LineMetrics}) and pay about 10 ns per increment.
 */
package io.feedhandler.telemetry;
