package io.feedhandler.avro;

import io.feedhandler.itch50.OrderDelete;
import io.feedhandler.itch50.Symbols;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import static io.feedhandler.avro.Records.MIDNIGHT_NANOS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The common fields: how the header is set per session and per record, and what a reader sees. */
class RecordHeaderTest
{
    private final UnsafeBuffer buffer = Records.buffer();
    private final OrderEventEncoder encoder = new OrderEventEncoder();
    private final OrderDelete delete = new OrderDelete();

    @Test
    void shouldTurnItchTimestampsIntoEpochNanosOnTheTradeDate()
    {
        final RecordHeader header = new RecordHeader().tradeDate(Records.TRADE_DATE, Records.NEW_YORK);
        delete.wrapForEncode(buffer, 1024).stockLocate(12).trackingNumber(34).timestamp(34_200_000_000_000L);

        header.itchHeader(delete);

        assertEquals(MIDNIGHT_NANOS, header.tradeDateMidnightNanos());
        assertEquals(MIDNIGHT_NANOS + 34_200_000_000_000L, header.exchangeTimestampNanos());
        assertEquals(12, header.stockLocate());
        assertEquals(34, header.trackingNumber());
    }

    @Test
    void shouldUseTheTradeDatesOwnOffsetInSummerTime()
    {
        final RecordHeader header = new RecordHeader().tradeDate(LocalDate.of(2020, 7, 1), ZoneId.of("America/New_York"));

        assertEquals(1_593_576_000_000_000_000L, header.tradeDateMidnightNanos());
    }

    @Test
    void shouldTakeTheSymbolFromCachedBytes()
    {
        final byte[] cached = "xxMSFTyy".getBytes(StandardCharsets.US_ASCII);
        final RecordHeader header = Records.header().symbol(cached, 2, 4);

        assertEquals("MSFT", encodeDelete(header).get("symbol").toString());
    }

    @Test
    void shouldReadNonAsciiSymbolBytesAsLatin1()
    {
        final RecordHeader header = Records.header().symbol(0x41E9_2020_2020_2020L);

        assertEquals("A\u00E9", encodeDelete(header).get("symbol").toString());
    }

    @Test
    void shouldClearSymbolAndLocateForMarketWideRecords()
    {
        final RecordHeader header = Records.header().symbol(Symbols.encode("AAPL")).stockLocate(9).marketWide();

        final GenericRecord record = encodeDelete(header);

        assertEquals("", record.get("symbol").toString());
        assertEquals(0, record.get("stockLocate"));
    }

    @Test
    void shouldWriteNonAsciiExchangeAndSessionNames()
    {
        final RecordHeader header = Records.header().exchange("börse").session("S\u00E9ance 1");

        final GenericRecord record = encodeDelete(header);

        assertEquals("börse", record.get("exchange").toString());
        assertEquals("S\u00E9ance 1", record.get("session").toString());
    }

    @Test
    void shouldRefuseAnEmptyExchangeName()
    {
        assertThrows(IllegalArgumentException.class, () -> new RecordHeader().exchange(""));
    }

    @Test
    void shouldRefuseASymbolLongerThanItHolds()
    {
        final byte[] symbol = new byte[RecordHeader.MAX_SYMBOL_LENGTH + 1];

        assertThrows(IllegalArgumentException.class, () -> new RecordHeader().symbol(symbol, 0, symbol.length));
    }

    @Test
    void shouldRefuseABufferTooSmallForTheLongestRecord()
    {
        final RecordHeader header = Records.header();
        final UnsafeBuffer small = new UnsafeBuffer(new byte[OrderEventEncoder.maxEncodedLength(header) - 1]);
        delete.wrapForEncode(buffer, 1024).orderReferenceNumber(1);

        assertThrows(IndexOutOfBoundsException.class, () -> encoder.encode(header, delete, small, 0));
    }

    private GenericRecord encodeDelete(final RecordHeader header)
    {
        delete.wrapForEncode(buffer, 1024).orderReferenceNumber(7);
        final int length = encoder.encode(header, delete, buffer, 0);
        return PlainAvro.decode(RecordSchema.ORDER_EVENT, buffer, 0, length);
    }
}
