package io.feedhandler.avro;

import io.feedhandler.itch50.Alpha;
import io.feedhandler.itch50.StockDirectory;
import io.feedhandler.itch50.Symbols;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import static io.feedhandler.avro.PlainAvro.assertBody;
import static io.feedhandler.avro.PlainAvro.fields;
import static io.feedhandler.avro.Records.LOCATE;
import static io.feedhandler.avro.Records.assertItchHeader;
import static io.feedhandler.avro.Records.itchHeader;

/** The Stock Directory (R) as {@code ReferenceData}, every field, read back against {@code schemas/ReferenceData.avsc}. */
class ReferenceDataEncoderTest
{
    private static final int MESSAGE = 1024;
    private static final int OFFSET = 0;

    private final ReferenceDataEncoder encoder = new ReferenceDataEncoder();
    private final UnsafeBuffer buffer = Records.buffer();

    @Test
    void shouldEncodeStockDirectory()
    {
        final long stock = Symbols.encode("BRK.A");
        final StockDirectory message = itchHeader(new StockDirectory().wrapForEncode(buffer, MESSAGE))
            .stock(stock)
            .marketCategory((byte)'Q')
            .financialStatusIndicator((byte)'N')
            .roundLotSize(0xFFFF_FFF0L)
            .roundLotsOnly((byte)'Y')
            .issueClassification((byte)'C')
            .issueSubType(Alpha.encode2("AI"))
            .authenticity((byte)'P')
            .shortSaleThresholdIndicator((byte)' ')
            .ipoFlag((byte)'Z')
            .luldReferencePriceTier((byte)'1')
            .etpFlag((byte)'E')
            .etpLeverageFactor(0x8000_0002L)
            .inverseIndicator((byte)'I');
        final RecordHeader header = Records.header().symbol(message.stock()).itchHeader(message);

        final GenericRecord record = decode(encoder.encode(header, message, buffer, OFFSET));

        assertItchHeader(record, "BRK.A", LOCATE);
        assertBody(record, fields(
            "marketCategory", "Q",
            "financialStatusIndicator", "N",
            "roundLotSize", 0xFFFF_FFF0L,
            "roundLotsOnly", "Y",
            "issueClassification", "C",
            "issueSubType", "AI",
            "authenticity", "P",
            "shortSaleThresholdIndicator", " ",
            "ipoFlag", "Z",
            "luldReferencePriceTier", "1",
            "etpFlag", "E",
            "etpLeverageFactor", 0x8000_0002L,
            "inverseIndicator", "I"));
    }

    @Test
    void shouldTrimAOneLetterIssueSubType()
    {
        final StockDirectory message = itchHeader(new StockDirectory().wrapForEncode(buffer, MESSAGE))
            .stock(Symbols.encode("A")).marketCategory((byte)'N').financialStatusIndicator((byte)' ').roundLotSize(100)
            .roundLotsOnly((byte)'N').issueClassification((byte)'W').issueSubType(Alpha.encode2("Z"))
            .authenticity((byte)'T').shortSaleThresholdIndicator((byte)'N').ipoFlag((byte)'N')
            .luldReferencePriceTier((byte)'2').etpFlag((byte)'N').etpLeverageFactor(0).inverseIndicator((byte)'N');
        final RecordHeader header = Records.header().symbol(message.stock()).itchHeader(message);

        final GenericRecord record = decode(encoder.encode(header, message, buffer, OFFSET));

        assertItchHeader(record, "A", LOCATE);
        assertBody(record, fields(
            "marketCategory", "N",
            "financialStatusIndicator", " ",
            "roundLotSize", 100L,
            "roundLotsOnly", "N",
            "issueClassification", "W",
            "issueSubType", "Z",
            "authenticity", "T",
            "shortSaleThresholdIndicator", "N",
            "ipoFlag", "N",
            "luldReferencePriceTier", "2",
            "etpFlag", "N",
            "etpLeverageFactor", 0L,
            "inverseIndicator", "N"));
    }

    private GenericRecord decode(final int length)
    {
        return PlainAvro.decode(RecordSchema.REFERENCE_DATA, buffer, OFFSET, length);
    }
}
