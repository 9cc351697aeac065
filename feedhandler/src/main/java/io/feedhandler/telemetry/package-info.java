/**
 * Telemetry: the Prometheus {@code /metrics} endpoint ({@link io.feedhandler.telemetry.FeedMetrics}).
 * Every metric name lives here and only here. The hot path is untouched: pipeline figures are the
 * {@code LongAdder}s it already keeps, read when Prometheus scrapes; so are the feed lines'
 * counters ({@link io.feedhandler.telemetry.LineTelemetry}).
 */
package io.feedhandler.telemetry;
