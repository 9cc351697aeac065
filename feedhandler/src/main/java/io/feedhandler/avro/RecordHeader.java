package io.feedhandler.avro;

import io.feedhandler.itch50.ItchMessage;
import io.feedhandler.itch50.Symbols;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The fields every record starts with, in schema order: exchange, symbol, stockLocate, session,
 * sequence, trackingNumber, exchangeTimestamp, receiveTimestamp. Mutable and reused: one per
 * encoding thread.
 *
 * <p>Per session, set once (they allocate): {@link #exchange}, {@link #session} and
 * {@link #tradeDate}. Per record, set without allocating: the symbol ({@link #symbol(long)} from an
 * ITCH stock field, {@link #symbol(byte[], int, int)} from bytes cached per stock locate, or
 * {@link #marketWide()}), the sequence number, the receive time, and the ITCH header fields, all at
 * once with {@link #itchHeader(ItchMessage)}.
 *
 * <p>Strings are kept already Avro-encoded (length prefix and bytes), so writing the header is a few
 * copies and varints.
 */
public final class RecordHeader
{
    /** Longest symbol accepted, in UTF-8 bytes (ITCH symbols are at most 8 ASCII characters). */
    public static final int MAX_SYMBOL_LENGTH = 32;

    private static final byte[] EMPTY_STRING = {0};
    private static final int MAX_STRING_LENGTH = 1024;

    private final byte[] symbol = new byte[1 + MAX_SYMBOL_LENGTH];
    private final UnsafeBuffer symbolBuffer = new UnsafeBuffer(symbol);
    private final AvroWriter symbolWriter = new AvroWriter();
    private byte[] exchange = EMPTY_STRING;
    private byte[] session = EMPTY_STRING;
    private int symbolLength = EMPTY_STRING.length;
    private long tradeDateMidnightNanos;
    private int stockLocate;
    private long sequence;
    private int trackingNumber;
    private long exchangeTimestampNanos;
    private long receiveTimestampNanos;

    /**
     * @param name the exchange profile name, as in topic names (e.g. {@code "nasdaq"}); once per session.
     * @return this header.
     * @throws IllegalArgumentException if the name is empty or absurdly long.
     */
    public RecordHeader exchange(final CharSequence name)
    {
        if (name.isEmpty())
        {
            throw new IllegalArgumentException("exchange name must not be empty: it keys market-wide records");
        }
        exchange = encodeString("exchange", name);
        return this;
    }

    /**
     * @param name the transport session (MoldUDP64 / SoupBinTCP session, trailing spaces removed); once
     *             per session.
     * @return this header.
     * @throws IllegalArgumentException if the name is absurdly long.
     */
    public RecordHeader session(final CharSequence name)
    {
        session = encodeString("session", name);
        return this;
    }

    /**
     * The day the ITCH timestamps count from, once per session: {@link #itchHeader} adds the
     * midnight of that date to each message's nanoseconds since midnight.
     *
     * @param date the trade date.
     * @param zone the exchange's time zone ({@code America/New_York} for NASDAQ).
     * @return this header.
     */
    public RecordHeader tradeDate(final LocalDate date, final ZoneId zone)
    {
        final long epochSecond = date.atStartOfDay(zone).toEpochSecond();
        tradeDateMidnightNanos = TimeUnit.SECONDS.toNanos(epochSecond);
        return this;
    }

    /**
     * The symbol from an ITCH alpha(8) stock field: padding removed; bytes from 0x80 up read as
     * ISO-8859-1, as everywhere in these records.
     *
     * @param stock packed symbol, as the flyweights return it (see {@link Symbols}).
     * @return this header.
     */
    public RecordHeader symbol(final long stock)
    {
        symbolWriter.wrap(symbolBuffer, 0).writeAlpha(stock, Symbols.LENGTH);
        symbolLength = symbolWriter.position();
        return this;
    }

    /**
     * The symbol from bytes kept elsewhere (e.g. the Kafka key cached per stock locate).
     *
     * @param utf8   the symbol, UTF-8 (ASCII in practice), padding already removed.
     * @param offset of its first byte.
     * @param length in bytes, at most {@link #MAX_SYMBOL_LENGTH}.
     * @return this header.
     * @throws IllegalArgumentException if the symbol is longer than {@link #MAX_SYMBOL_LENGTH}.
     */
    public RecordHeader symbol(final byte[] utf8, final int offset, final int length)
    {
        if (length > MAX_SYMBOL_LENGTH)
        {
            throw new IllegalArgumentException(
                "symbol of " + length + " bytes is longer than the " + MAX_SYMBOL_LENGTH + " a record header holds");
        }
        symbolWriter.wrap(symbolBuffer, 0).writeString(utf8, offset, length);
        symbolLength = symbolWriter.position();
        return this;
    }

    /**
     * A market-wide record (S, V, W, the handler's own line events): empty symbol and stock locate 0.
     * Such records are keyed by the exchange name on Kafka.
     *
     * @return this header.
     */
    public RecordHeader marketWide()
    {
        symbol[0] = 0;
        symbolLength = EMPTY_STRING.length;
        stockLocate = 0;
        return this;
    }

    /**
     * Copy the ITCH header of a message: stock locate, tracking number, and the timestamp turned into
     * epoch nanoseconds on the {@link #tradeDate}. The symbol is not touched.
     *
     * @param message wrapped over the message being encoded.
     * @return this header.
     */
    public RecordHeader itchHeader(final ItchMessage<?> message)
    {
        stockLocate = message.stockLocate();
        trackingNumber = message.trackingNumber();
        exchangeTimestampNanos = tradeDateMidnightNanos + message.timestamp();
        return this;
    }

    /**
     * @param value the stock locate (0 for market-wide records).
     * @return this header.
     */
    public RecordHeader stockLocate(final int value)
    {
        stockLocate = value;
        return this;
    }

    /**
     * @param value the message's sequence number in its session.
     * @return this header.
     */
    public RecordHeader sequence(final long value)
    {
        sequence = value;
        return this;
    }

    /**
     * @param value the exchange's tracking number (0 for handler-generated records).
     * @return this header.
     */
    public RecordHeader trackingNumber(final int value)
    {
        trackingNumber = value;
        return this;
    }

    /**
     * @param value exchange event time, nanoseconds since the epoch.
     * @return this header.
     */
    public RecordHeader exchangeTimestampNanos(final long value)
    {
        exchangeTimestampNanos = value;
        return this;
    }

    /**
     * @param value receive time of the packet, nanoseconds since the epoch.
     * @return this header.
     */
    public RecordHeader receiveTimestampNanos(final long value)
    {
        receiveTimestampNanos = value;
        return this;
    }

    /** @return epoch nanoseconds of the trade date's midnight in the exchange's time zone. */
    public long tradeDateMidnightNanos()
    {
        return tradeDateMidnightNanos;
    }

    /** @return the stock locate. */
    public int stockLocate()
    {
        return stockLocate;
    }

    /** @return the sequence number. */
    public long sequence()
    {
        return sequence;
    }

    /** @return the tracking number. */
    public int trackingNumber()
    {
        return trackingNumber;
    }

    /** @return exchange event time, epoch nanoseconds. */
    public long exchangeTimestampNanos()
    {
        return exchangeTimestampNanos;
    }

    /** @return receive time, epoch nanoseconds. */
    public long receiveTimestampNanos()
    {
        return receiveTimestampNanos;
    }

    /** @return the most bytes {@link #write} can take with the strings set now. */
    public int maxEncodedLength()
    {
        return exchange.length + symbolLength + session.length +
            2 * AvroWriter.MAX_INT_LENGTH + 3 * AvroWriter.MAX_LONG_LENGTH;
    }

    /**
     * Write the common fields.
     *
     * @param writer wrapped where the record starts.
     */
    public void write(final AvroWriter writer)
    {
        writer.writeRaw(exchange, 0, exchange.length);
        writer.writeRaw(symbol, 0, symbolLength);
        writer.writeInt(stockLocate);
        writer.writeRaw(session, 0, session.length);
        writer.writeLong(sequence);
        writer.writeInt(trackingNumber);
        writer.writeLong(exchangeTimestampNanos);
        writer.writeLong(receiveTimestampNanos);
    }

    private static byte[] encodeString(final String field, final CharSequence text)
    {
        final byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_STRING_LENGTH)
        {
            throw new IllegalArgumentException(
                field + " name of " + utf8.length + " bytes is longer than " + MAX_STRING_LENGTH + ": '" + text + "'");
        }
        final byte[] encoded = new byte[AvroWriter.MAX_LONG_LENGTH + utf8.length];
        final AvroWriter writer = new AvroWriter().wrap(new UnsafeBuffer(encoded), 0);
        writer.writeString(utf8, 0, utf8.length);
        return Arrays.copyOf(encoded, writer.position());
    }
}
