package io.feedhandler.avro;

import io.feedhandler.itch50.AddOrder;
import io.feedhandler.itch50.CrossTrade;
import io.feedhandler.itch50.Noii;
import io.feedhandler.itch50.StockDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static io.feedhandler.avro.Records.STOCK;
import static io.feedhandler.avro.Records.itchHeader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Single-object framing read by Avro's own {@link BinaryMessageDecoder}, which finds the writer
 * schema by fingerprint in a {@link SchemaStore}, and written byte for byte as Avro's
 * {@link BinaryMessageEncoder} writes the same record.
 */
class SingleObjectEncodingTest
{
    private static final int MESSAGE = 1024;
    private static final int OFFSET = 5;

    private final RecordSchemas schemas = RecordSchemas.fromClassPath();
    private final WireFormat wireFormat = new SingleObjectEncoding(schemas);
    private final UnsafeBuffer buffer = Records.buffer();
    private final RecordHeader header = Records.header().symbol(STOCK);

    @ParameterizedTest
    @EnumSource(RecordSchema.class)
    void shouldWriteMarkerAndLittleEndianFingerprint(final RecordSchema kind)
    {
        assertEquals(SingleObjectEncoding.PREFIX_LENGTH, wireFormat.writePrefix(buffer, OFFSET, kind));

        assertEquals((byte)0xC3, buffer.getByte(OFFSET));
        assertEquals((byte)0x01, buffer.getByte(OFFSET + 1));
        assertEquals(
            SchemaNormalization.parsingFingerprint64(PlainAvro.schema(kind)),
            buffer.getLong(OFFSET + 2, ByteOrder.LITTLE_ENDIAN));
    }

    @ParameterizedTest
    @EnumSource(RecordSchema.class)
    void shouldBeReadByAvrosMessageDecoderFromASchemaStore(final RecordSchema kind) throws IOException
    {
        final int prefix = wireFormat.writePrefix(buffer, OFFSET, kind);
        final int body = encode(kind, OFFSET + prefix);
        final byte[] framed = new byte[prefix + body];
        buffer.getBytes(OFFSET, framed);

        final SchemaStore.Cache store = new SchemaStore.Cache();
        for (final RecordSchema other : RecordSchema.values())
        {
            store.addSchema(PlainAvro.schema(other));
        }
        final BinaryMessageDecoder<GenericRecord> decoder =
            new BinaryMessageDecoder<>(PlainAvro.model(), PlainAvro.schema(kind), store);
        final GenericRecord record = decoder.decode(framed);

        // Compared as plain maps: GenericData.Record.equals knows no decimal conversion.
        assertEquals(PlainAvro.plain(PlainAvro.decode(kind, buffer, OFFSET + prefix, body)), PlainAvro.plain(record));
        final ByteBuffer avro = new BinaryMessageEncoder<GenericRecord>(PlainAvro.model(), PlainAvro.schema(kind))
            .encode(record);
        assertArrayEquals(
            Arrays.copyOfRange(avro.array(), avro.arrayOffset() + avro.position(), avro.arrayOffset() + avro.limit()),
            framed);
    }

    private int encode(final RecordSchema kind, final int offset)
    {
        return switch (kind)
        {
            case ORDER_EVENT ->
            {
                final AddOrder message = itchHeader(new AddOrder().wrapForEncode(buffer, MESSAGE))
                    .orderReferenceNumber(1).side((byte)'B').shares(100).stock(STOCK).price(1_234_500);
                yield new OrderEventEncoder().encode(header.itchHeader(message), message, buffer, offset);
            }
            case TRADE ->
            {
                final CrossTrade message = itchHeader(new CrossTrade().wrapForEncode(buffer, MESSAGE))
                    .shares(1_000_000).stock(STOCK).crossPrice(1_234_500).matchNumber(77).crossType((byte)'C');
                yield new TradeEncoder().encode(header.itchHeader(message), message, buffer, offset);
            }
            case QUOTE -> new QuoteEncoder().encode(header, 1_234_500, 100, 1, 1_234_600, 200, 2, buffer, offset);
            case REFERENCE_DATA ->
            {
                final StockDirectory message = itchHeader(new StockDirectory().wrapForEncode(buffer, MESSAGE))
                    .stock(STOCK).marketCategory((byte)'Q').financialStatusIndicator((byte)'N').roundLotSize(100)
                    .roundLotsOnly((byte)'N').issueClassification((byte)'C').issueSubType((short)0x2020)
                    .authenticity((byte)'P').shortSaleThresholdIndicator((byte)'N').ipoFlag((byte)'N')
                    .luldReferencePriceTier((byte)'1').etpFlag((byte)'N').etpLeverageFactor(0)
                    .inverseIndicator((byte)'N');
                yield new ReferenceDataEncoder().encode(header.itchHeader(message), message, buffer, offset);
            }
            case STATUS ->
            {
                final Noii message = itchHeader(new Noii().wrapForEncode(buffer, MESSAGE))
                    .pairedShares(1).imbalanceShares(2).imbalanceDirection((byte)'B').stock(STOCK).farPrice(3)
                    .nearPrice(4).currentReferencePrice(5).crossType((byte)'O').priceVariationIndicator((byte)'1');
                yield new StatusEncoder().encode(header.itchHeader(message), message, buffer, offset);
            }
        };
    }
}
