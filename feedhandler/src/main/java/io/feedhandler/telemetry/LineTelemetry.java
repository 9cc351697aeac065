package io.feedhandler.telemetry;

import io.feedhandler.transport.moldudp64.LineCounters;

import java.util.function.IntPredicate;

/**
 * What the live lines expose to {@link FeedMetrics}, read at scrape time: their counters (already
 * kept on the line thread, so the receive path does nothing more for metrics) and whether each
 * line is stale right now.
 *
 * @param counters what the lines count, by line index (A, B, re-request).
 * @param names    the {@code line} label per index, e.g. {@code A}, {@code B}, {@code re-request}.
 * @param stale    whether line A (0) or B (1) is silent past its limit now; read from the scrape
 *                 thread (a racy read of the line thread's flag: a gauge one scrape late at worst).
 */
public record LineTelemetry(LineCounters counters, String[] names, IntPredicate stale)
{
}
