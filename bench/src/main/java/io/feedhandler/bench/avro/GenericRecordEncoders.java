package io.feedhandler.bench.avro;

import io.feedhandler.avro.RecordSchema;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.itch50.AddOrder;
import io.feedhandler.itch50.ItchMessage;
import io.feedhandler.itch50.Noii;
import io.feedhandler.itch50.Prices;
import io.feedhandler.itch50.StockDirectory;
import io.feedhandler.itch50.Trade;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The reference: the same records as this project's encoders, made the careful conventional way
 * with Avro's own API. One reused {@link GenericData.Record} per kind, filled by field position;
 * strings cached (codes in a 256-entry table, the symbol and session once); a {@code BigDecimal}
 * per price (what Avro's decimal conversion takes); written by a {@link GenericDatumWriter} through
 * a reused buffered {@link BinaryEncoder}, flushed per record into a reused stream (Avro's direct
 * encoder, one {@code OutputStream.write} per byte, measured about 2x slower here). What it still
 * allocates is what this API cannot avoid: boxed numbers, {@code BigDecimal}s, their byte arrays.
 */
final class GenericRecordEncoders
{
    private static final String[] CODES = new String[256];

    static
    {
        for (int i = 0; i < CODES.length; i++)
        {
            CODES[i] = String.valueOf((char)i);
        }
    }

    private final Map<RecordSchema, GenericDatumWriter<GenericRecord>> writers = new EnumMap<>(RecordSchema.class);
    private final Map<RecordSchema, GenericData.Record> records = new EnumMap<>(RecordSchema.class);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    private final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    private final String exchange;
    private final String session;
    private final String symbol;
    private final long midnightNanos;
    private final GenericData.EnumSymbol add;
    private final GenericData.EnumSymbol nonCross;
    private final GenericData.EnumSymbol noii;
    private final GenericData.Array<GenericRecord> emptyLevels;
    private final int noiiFirstField;

    GenericRecordEncoders(
        final RecordSchemas schemas, final String exchange, final String session, final String symbol, final long midnightNanos)
    {
        final GenericData model = new GenericData();
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        for (final RecordSchema kind : RecordSchema.values())
        {
            writers.put(kind, new GenericDatumWriter<>(schemas.schema(kind), model));
            records.put(kind, new GenericData.Record(schemas.schema(kind)));
        }
        this.exchange = exchange;
        this.session = session;
        this.symbol = symbol;
        this.midnightNanos = midnightNanos;
        final Schema orderEvent = schemas.schema(RecordSchema.ORDER_EVENT);
        add = new GenericData.EnumSymbol(orderEvent.getField("eventType").schema(), "ADD");
        final Schema trade = schemas.schema(RecordSchema.TRADE);
        nonCross = new GenericData.EnumSymbol(trade.getField("source").schema(), "NON_CROSS");
        final Schema status = schemas.schema(RecordSchema.STATUS);
        noii = new GenericData.EnumSymbol(status.getField("statusType").schema(), "NOII");
        noiiFirstField = status.getField("pairedShares").pos();
        emptyLevels = new GenericData.Array<>(0, schemas.schema(RecordSchema.QUOTE).getField("bids").schema());
    }

    int orderEvent(final AddOrder message, final long sequence, final long receiveNanos)
    {
        final GenericData.Record record = records.get(RecordSchema.ORDER_EVENT);
        int i = header(record, message, sequence, receiveNanos);
        record.put(i++, add);
        record.put(i++, message.orderReferenceNumber());
        record.put(i++, null);
        record.put(i++, CODES[message.side() & 0xFF]);
        record.put(i++, message.shares());
        record.put(i, BigDecimal.valueOf(message.price(), Prices.SCALE));
        return write(RecordSchema.ORDER_EVENT, record);
    }

    int trade(final Trade message, final long sequence, final long receiveNanos)
    {
        final GenericData.Record record = records.get(RecordSchema.TRADE);
        int i = header(record, message, sequence, receiveNanos);
        record.put(i++, nonCross);
        record.put(i++, message.matchNumber());
        record.put(i++, message.shares());
        record.put(i++, BigDecimal.valueOf(message.price(), Prices.SCALE));
        record.put(i++, Prices.isMarketOrder(message.price()));
        record.put(i++, CODES[message.side() & 0xFF]);
        record.put(i++, null);
        record.put(i++, true);
        record.put(i, message.orderReferenceNumber());
        return write(RecordSchema.TRADE, record);
    }

    int quote(
        final ItchMessage<?> cause, final long sequence, final long receiveNanos,
        final long bidPrice, final long bidSize, final int bidOrders, final long askPrice, final long askSize, final int askOrders)
    {
        final GenericData.Record record = records.get(RecordSchema.QUOTE);
        int i = header(record, cause, sequence, receiveNanos);
        record.put(i++, BigDecimal.valueOf(bidPrice, Prices.SCALE));
        record.put(i++, bidSize);
        record.put(i++, bidOrders);
        record.put(i++, BigDecimal.valueOf(askPrice, Prices.SCALE));
        record.put(i++, askSize);
        record.put(i++, askOrders);
        record.put(i++, emptyLevels);
        record.put(i, emptyLevels);
        return write(RecordSchema.QUOTE, record);
    }

    int referenceData(final StockDirectory message, final long sequence, final long receiveNanos)
    {
        final GenericData.Record record = records.get(RecordSchema.REFERENCE_DATA);
        int i = header(record, message, sequence, receiveNanos);
        record.put(i++, CODES[message.marketCategory() & 0xFF]);
        record.put(i++, CODES[message.financialStatusIndicator() & 0xFF]);
        record.put(i++, message.roundLotSize());
        record.put(i++, CODES[message.roundLotsOnly() & 0xFF]);
        record.put(i++, CODES[message.issueClassification() & 0xFF]);
        record.put(i++, issueSubType(message.issueSubType()));
        record.put(i++, CODES[message.authenticity() & 0xFF]);
        record.put(i++, CODES[message.shortSaleThresholdIndicator() & 0xFF]);
        record.put(i++, CODES[message.ipoFlag() & 0xFF]);
        record.put(i++, CODES[message.luldReferencePriceTier() & 0xFF]);
        record.put(i++, CODES[message.etpFlag() & 0xFF]);
        record.put(i++, message.etpLeverageFactor());
        record.put(i, CODES[message.inverseIndicator() & 0xFF]);
        return write(RecordSchema.REFERENCE_DATA, record);
    }

    int status(final Noii message, final long sequence, final long receiveNanos)
    {
        final GenericData.Record record = records.get(RecordSchema.STATUS);
        final int i = header(record, message, sequence, receiveNanos);
        record.put(i, noii);
        int f = noiiFirstField;
        record.put(f++, message.pairedShares());
        record.put(f++, message.imbalanceShares());
        record.put(f++, CODES[message.imbalanceDirection() & 0xFF]);
        record.put(f++, BigDecimal.valueOf(message.farPrice(), Prices.SCALE));
        record.put(f++, BigDecimal.valueOf(message.nearPrice(), Prices.SCALE));
        record.put(f++, BigDecimal.valueOf(message.currentReferencePrice(), Prices.SCALE));
        record.put(f++, CODES[message.crossType() & 0xFF]);
        record.put(f, CODES[message.priceVariationIndicator() & 0xFF]);
        return write(RecordSchema.STATUS, record);
    }

    /** @return the bytes last written (allocates: for checks at setup). */
    byte[] lastWritten()
    {
        return out.toByteArray();
    }

    /** @return the record of a kind as last filled, for the write-only benchmarks. */
    GenericRecord record(final RecordSchema kind)
    {
        return records.get(kind);
    }

    /** @return the length Avro writes for an already-filled record (the serializer alone). */
    int write(final RecordSchema kind, final GenericRecord record)
    {
        out.reset();
        try
        {
            writers.get(kind).write(record, encoder);
            encoder.flush();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return out.size();
    }

    private int header(final GenericData.Record record, final ItchMessage<?> message, final long sequence, final long receiveNanos)
    {
        record.put(0, exchange);
        record.put(1, symbol);
        record.put(2, message.stockLocate());
        record.put(3, session);
        record.put(4, sequence);
        record.put(5, message.trackingNumber());
        record.put(6, midnightNanos + message.timestamp());
        record.put(7, receiveNanos);
        return 8;
    }

    private static String issueSubType(final short code)
    {
        final int second = code & 0xFF;
        return second == ' ' ? CODES[(code >> 8) & 0xFF] : CODES[(code >> 8) & 0xFF] + CODES[second];
    }
}
