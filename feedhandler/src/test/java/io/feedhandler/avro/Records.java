package io.feedhandler.avro;

import io.feedhandler.itch50.ItchMessage;
import io.feedhandler.itch50.Symbols;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.avro.generic.GenericRecord;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Distinctive header values and ITCH field values shared by the encoder tests, and their checks. */
final class Records
{
    static final String EXCHANGE = "nasdaq";
    static final String SESSION = "000004567A";
    static final LocalDate TRADE_DATE = LocalDate.of(2019, 12, 30);
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** 2019-12-30T00:00-05:00 in epoch nanoseconds. */
    static final long MIDNIGHT_NANOS = 1_577_682_000_000_000_000L;
    static final long SEQUENCE = 0x0123_4567_89ABL;
    static final long RECEIVE_NANOS = 1_577_768_399_999_999_999L + 123_456L;
    static final int LOCATE = 65_535;
    static final int TRACKING = 0xFEDC;
    static final long TIMESTAMP = 86_399_999_999_999L;
    static final String SYMBOL = "ZVZZT";
    static final long STOCK = Symbols.encode(SYMBOL);

    /** uint64 values with the top bit set: a signed read or a lost bit shows. */
    static final long ORDER_REFERENCE = 0xF123_4567_89AB_CDEFL;
    static final long NEW_ORDER_REFERENCE = 0x8000_0000_0000_0001L;
    static final long MATCH_NUMBER = 0xFEDC_BA98_7654_3210L;
    /** uint32 values with the top bit set. */
    static final long SHARES = 0xFFFF_FFF0L;
    static final long PRICE = 0xFFFF_FFFFL;
    static final long OTHER_PRICE = 1_234_500L;

    private Records()
    {
    }

    /** @return a header for the test session, the symbol and the ITCH header fields still to set. */
    static RecordHeader header()
    {
        return new RecordHeader()
            .exchange(EXCHANGE)
            .session(SESSION)
            .tradeDate(TRADE_DATE, NEW_YORK)
            .sequence(SEQUENCE)
            .receiveTimestampNanos(RECEIVE_NANOS);
    }

    /**
     * @param message an ITCH flyweight wrapped for encoding.
     * @param <T>     its type.
     * @return it, with the test's stock locate, tracking number and timestamp.
     */
    static <T extends ItchMessage<T>> T itchHeader(final T message)
    {
        return message.stockLocate(LOCATE).trackingNumber(TRACKING).timestamp(TIMESTAMP);
    }

    /** @return a fresh buffer with room for any record, pre-filled with garbage. */
    static UnsafeBuffer buffer()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[2048]);
        buffer.setMemory(0, buffer.capacity(), (byte)0xA5);
        return buffer;
    }

    /**
     * @param raw a price(4).
     * @return it as the decimal a reader sees.
     */
    static BigDecimal price(final long raw)
    {
        return new BigDecimal(BigInteger.valueOf(raw), 4);
    }

    /**
     * @param raw an unsigned price(8).
     * @return it as the decimal a reader sees.
     */
    static BigDecimal price8(final long raw)
    {
        return new BigDecimal(new BigInteger(Long.toUnsignedString(raw)), 8);
    }

    /**
     * Assert the common fields of a record encoded with {@link #header()} after an ITCH header.
     *
     * @param record decoded.
     * @param symbol expected symbol.
     * @param locate expected stock locate.
     */
    static void assertItchHeader(final GenericRecord record, final String symbol, final int locate)
    {
        assertHeader(record, symbol, locate, TRACKING, MIDNIGHT_NANOS + TIMESTAMP);
    }

    /**
     * @param record            decoded.
     * @param symbol            expected symbol.
     * @param locate            expected stock locate.
     * @param tracking          expected tracking number.
     * @param exchangeTimestamp expected exchange timestamp, epoch ns.
     */
    static void assertHeader(
        final GenericRecord record, final String symbol, final int locate, final int tracking, final long exchangeTimestamp)
    {
        assertEquals(EXCHANGE, record.get("exchange").toString());
        assertEquals(symbol, record.get("symbol").toString());
        assertEquals(locate, record.get("stockLocate"));
        assertEquals(SESSION, record.get("session").toString());
        assertEquals(SEQUENCE, record.get("sequence"));
        assertEquals(tracking, record.get("trackingNumber"));
        assertEquals(exchangeTimestamp, record.get("exchangeTimestamp"));
        assertEquals(RECEIVE_NANOS, record.get("receiveTimestamp"));
    }
}
