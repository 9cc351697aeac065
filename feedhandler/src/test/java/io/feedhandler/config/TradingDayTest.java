package io.feedhandler.config;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TradingDayTest
{
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final long MARKET_OPEN = 34_200_000_000_000L;

    @Test
    void shouldTurnTheOpenOnThe30thOfDecember2019IntoEpochNanos()
    {
        final TradingDay day = TradingDay.of(LocalDate.of(2019, 12, 30), NEW_YORK);

        assertEquals(epochNanos("2019-12-30T14:30:00Z"), day.epochNanos(MARKET_OPEN));
        assertEquals(epochNanos("2019-12-30T14:30:00Z") + 123_456_789, day.epochNanos(MARKET_OPEN + 123_456_789));
        assertEquals(epochNanos("2019-12-30T05:00:00Z"), day.epochNanos(0));
    }

    @Test
    void shouldUseEachDaysOffsetAroundTheDaylightSavingChanges()
    {
        // Clocks went forward on Sunday 2019-03-10 and back on Sunday 2019-11-03.
        assertEquals(epochNanos("2019-03-08T14:30:00Z"), open(2019, 3, 8));
        assertEquals(epochNanos("2019-03-11T13:30:00Z"), open(2019, 3, 11));
        assertEquals(epochNanos("2019-11-01T13:30:00Z"), open(2019, 11, 1));
        assertEquals(epochNanos("2019-11-04T14:30:00Z"), open(2019, 11, 4));
    }

    @Test
    void shouldReadTimestampsOnTheChangeDaysAsTheWallClockLikeJavaTime()
    {
        assertAgreesWithJavaTime(LocalDate.of(2019, 3, 10), NEW_YORK);
        assertAgreesWithJavaTime(LocalDate.of(2019, 11, 3), NEW_YORK);
        assertEquals(epochNanos("2019-03-10T13:30:00Z"), open(2019, 3, 10));
        assertEquals(epochNanos("2019-11-03T14:30:00Z"), open(2019, 11, 3));
        // 02:30 does not exist on 2019-03-10: it is read as 03:30 EDT, as java.time does.
        assertEquals(epochNanos("2019-03-10T07:30:00Z"),
            TradingDay.of(LocalDate.of(2019, 3, 10), NEW_YORK).epochNanos(TimeUnit.MINUTES.toNanos(150)));
        // 01:30 happens twice on 2019-11-03: the first (EDT) is taken.
        assertEquals(epochNanos("2019-11-03T05:30:00Z"),
            TradingDay.of(LocalDate.of(2019, 11, 3), NEW_YORK).epochNanos(TimeUnit.MINUTES.toNanos(90)));
    }

    @Test
    void shouldHandleZonesThatChangeAtMidnightOrByHalfAnHour()
    {
        final ZoneId santiago = ZoneId.of("America/Santiago");
        assertAgreesWithJavaTime(LocalDate.of(2019, 9, 8), santiago);
        assertAgreesWithJavaTime(LocalDate.of(2019, 4, 6), santiago);
        assertAgreesWithJavaTime(LocalDate.of(2019, 4, 7), santiago);
        final ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
        assertAgreesWithJavaTime(LocalDate.of(2019, 4, 7), lordHowe);
        assertAgreesWithJavaTime(LocalDate.of(2019, 10, 6), lordHowe);
        assertAgreesWithJavaTime(LocalDate.of(2019, 12, 30), ZoneId.of("UTC"));
    }

    @Test
    void shouldFindTheTradeDateInNasdaqFileNames()
    {
        assertEquals(Optional.of(LocalDate.of(2019, 12, 30)), TradingDay.dateInFileName("12302019.NASDAQ_ITCH50.gz"));
        assertEquals(Optional.of(LocalDate.of(2019, 12, 30)), TradingDay.dateInFileName("nasdaq-12302019-snippet.itch50"));
        assertEquals(Optional.of(LocalDate.of(2020, 1, 30)), TradingDay.dateInFileName("01302020.BX_ITCH_50.gz"));
        assertEquals(Optional.empty(), TradingDay.dateInFileName("Bx.Equities.TotalView.Itch.v5.0.20230822"),
            "YYYYMMDD is not MMDDYYYY");
        assertEquals(Optional.empty(), TradingDay.dateInFileName("02302019.NASDAQ_ITCH50"), "no 30th of February");
        assertEquals(Optional.empty(), TradingDay.dateInFileName("123020190.itch50"), "nine digits are no date");
        assertEquals(Optional.empty(), TradingDay.dateInFileName("capture.pcap"));
    }

    private static long open(final int year, final int month, final int day)
    {
        return TradingDay.of(LocalDate.of(year, month, day), NEW_YORK).epochNanos(MARKET_OPEN);
    }

    /** Every minute of the day (and a nanosecond either side of each), against ZonedDateTime. */
    private static void assertAgreesWithJavaTime(final LocalDate date, final ZoneId zone)
    {
        final TradingDay day = TradingDay.of(date, zone);
        for (long minute = 0; minute <= 24 * 60; minute++)
        {
            for (long delta = -1; delta <= 1; delta++)
            {
                final long nanos = TimeUnit.MINUTES.toNanos(minute) + delta;
                if (nanos < 0)
                {
                    continue;
                }
                final Instant expected = LocalDateTime.of(date, java.time.LocalTime.MIDNIGHT).plusNanos(nanos)
                    .atZone(zone).toInstant();
                assertEquals(ChronoUnit.NANOS.between(Instant.EPOCH, expected), day.epochNanos(nanos),
                    date + " " + zone + " at " + nanos + " ns");
            }
        }
    }

    private static long epochNanos(final String instant)
    {
        return ChronoUnit.NANOS.between(Instant.EPOCH, Instant.parse(instant));
    }
}
