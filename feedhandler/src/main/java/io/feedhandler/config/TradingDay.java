package io.feedhandler.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One trading day of an exchange: turns an ITCH timestamp (nanoseconds since midnight in the
 * exchange's time zone) into epoch nanoseconds, with the day's time-zone arithmetic done once, here.
 *
 * <p>The timestamp is read as the exchange's wall clock, as {@link ZonedDateTime#of} reads a local
 * time: {@code 34_200_000_000_000} is 09:30:00 New York time, whatever the day's UTC offset. On the
 * two days a year whose offset changes (Sundays in New York, with no session), a time in the
 * spring gap moves forward by the gap and a time in the autumn overlap takes the earlier (summer)
 * offset. Timestamps past the next midnight continue on the offset in force then.
 *
 * <p>{@link #epochNanos} is one comparison and one addition: no allocation, no time-zone lookup.
 * A zone that changes its offset twice in one day is refused (no exchange's zone does).
 */
public final class TradingDay
{
    private static final Pattern MMDDYYYY = Pattern.compile("(?<!\\d)(\\d{2})(\\d{2})(\\d{4})(?!\\d)");

    private final LocalDate date;
    private final ZoneId zone;
    private final long transitionNanos;
    private final long midnightEpochNanosBefore;
    private final long midnightEpochNanosAfter;

    private TradingDay(
        final LocalDate date,
        final ZoneId zone,
        final long transitionNanos,
        final long midnightEpochNanosBefore,
        final long midnightEpochNanosAfter)
    {
        this.date = date;
        this.zone = zone;
        this.transitionNanos = transitionNanos;
        this.midnightEpochNanosBefore = midnightEpochNanosBefore;
        this.midnightEpochNanosAfter = midnightEpochNanosAfter;
    }

    /**
     * @param date the trade date.
     * @param zone the exchange's time zone, e.g. {@code America/New_York}.
     * @return the day, its offsets worked out.
     * @throws IllegalArgumentException if {@code zone} changes its offset more than once that day.
     */
    public static TradingDay of(final LocalDate date, final ZoneId zone)
    {
        final LocalDateTime midnight = date.atStartOfDay();
        final LocalDateTime nextMidnight = midnight.plusDays(1);
        final ZoneRules rules = zone.getRules();
        // In a gap or an overlap this is the offset before the change, which is what java.time
        // applies to a local time there (a time in a gap moves forward by the gap's length).
        final ZoneOffset first = rules.getOffset(midnight);
        final long localMidnightNanos = toNanos(midnight.toEpochSecond(ZoneOffset.UTC));
        final long before = localMidnightNanos - toNanos(first.getTotalSeconds());

        // The wall-clock time from which the new offset applies, as java.time resolves local times:
        // the end of the gap when clocks go forward, the end of the overlap when they go back.
        ZoneOffsetTransition change = null;
        Instant from = midnight.toInstant(ZoneOffset.UTC).minus(1, ChronoUnit.DAYS);
        final Instant until = nextMidnight.toInstant(ZoneOffset.UTC).plus(1, ChronoUnit.DAYS);
        for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(until);
            t = rules.nextTransition(from))
        {
            final LocalDateTime threshold = latest(t.getDateTimeBefore(), t.getDateTimeAfter());
            if (threshold.isAfter(midnight) && !threshold.isAfter(nextMidnight))
            {
                if (change != null)
                {
                    throw new IllegalArgumentException(zone + " changes its UTC offset more than once on " + date);
                }
                change = t;
            }
            from = t.getInstant();
        }
        if (change == null)
        {
            return new TradingDay(date, zone, Long.MAX_VALUE, before, before);
        }
        final long transitionNanos = TimeUnit.SECONDS.toNanos(
            midnight.until(latest(change.getDateTimeBefore(), change.getDateTimeAfter()), ChronoUnit.SECONDS));
        final long after = localMidnightNanos - toNanos(change.getOffsetAfter().getTotalSeconds());
        return new TradingDay(date, zone, transitionNanos, before, after);
    }

    /**
     * Find the trade date in a NASDAQ file name, which starts or contains {@code MMDDYYYY}:
     * {@code 12302019.NASDAQ_ITCH50.gz}, {@code nasdaq-12302019-snippet.itch50}. The first run of
     * exactly eight digits that is a real date wins.
     *
     * @param fileName a file name (without directories).
     * @return the date, if one is there.
     */
    public static Optional<LocalDate> dateInFileName(final String fileName)
    {
        final Matcher matcher = MMDDYYYY.matcher(fileName);
        while (matcher.find())
        {
            final int month = Integer.parseInt(matcher.group(1));
            final int day = Integer.parseInt(matcher.group(2));
            final int year = Integer.parseInt(matcher.group(3));
            if (month >= 1 && month <= 12 && day >= 1 && day <= LocalDate.of(year, month, 1).lengthOfMonth())
            {
                return Optional.of(LocalDate.of(year, month, day));
            }
        }
        return Optional.empty();
    }

    /**
     * @param nanosSinceMidnight an ITCH timestamp: nanoseconds since midnight, exchange time.
     * @return nanoseconds since 1970-01-01T00:00:00Z.
     */
    public long epochNanos(final long nanosSinceMidnight)
    {
        return nanosSinceMidnight + (nanosSinceMidnight < transitionNanos ? midnightEpochNanosBefore : midnightEpochNanosAfter);
    }

    /** @return the trade date. */
    public LocalDate date()
    {
        return date;
    }

    /** @return the exchange's time zone. */
    public ZoneId zone()
    {
        return zone;
    }

    /** @return e.g. {@code 2019-12-30 America/New_York}. */
    @Override
    public String toString()
    {
        return date + " " + zone;
    }

    private static LocalDateTime latest(final LocalDateTime a, final LocalDateTime b)
    {
        return a.isAfter(b) ? a : b;
    }

    private static long toNanos(final long seconds)
    {
        return TimeUnit.SECONDS.toNanos(seconds);
    }
}
