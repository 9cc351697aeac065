package io.feedhandler.avro;

import io.feedhandler.itch50.StockDirectory;
import org.agrona.MutableDirectBuffer;

/**
 * Writes {@code ReferenceData} records ({@code schemas/ReferenceData.avsc}) in Avro binary from the
 * ITCH Stock Directory (R), without allocating. Reused: one per encoding thread.
 *
 * <p>Every field of R is written, in message order: one-character codes as sent (a space
 * included), the issue sub-type with its padding removed, round lot size and ETP leverage factor as
 * longs. The record's symbol is the header's: set it from the message with
 * {@code header.symbol(message.stock())}.
 *
 * <p>Writes the body alone (no wire-format prefix) at {@code offset} and returns its length. The
 * buffer must have {@link #maxEncodedLength(RecordHeader)} bytes from {@code offset}: that is
 * checked once per record.
 */
public final class ReferenceDataEncoder
{
    private static final int FIELDS = 13;
    private static final int MAX_BODY_LENGTH = FIELDS * AvroWriter.MAX_FIELD_LENGTH;

    private final AvroWriter writer = new AvroWriter();

    /**
     * @param header the common fields as they will be set.
     * @return the most bytes one record can take.
     */
    public static int maxEncodedLength(final RecordHeader header)
    {
        return header.maxEncodedLength() + MAX_BODY_LENGTH;
    }

    /**
     * @param header  common fields.
     * @param message a Stock Directory (R).
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(
        final RecordHeader header, final StockDirectory message, final MutableDirectBuffer buffer, final int offset)
    {
        buffer.boundsCheck(offset, maxEncodedLength(header));
        final AvroWriter writer = this.writer.wrap(buffer, offset);
        header.write(writer);
        writer.writeCode(message.marketCategory());
        writer.writeCode(message.financialStatusIndicator());
        writer.writeLong(message.roundLotSize());
        writer.writeCode(message.roundLotsOnly());
        writer.writeCode(message.issueClassification());
        writer.writeAlpha(message.issueSubType(), 2);
        writer.writeCode(message.authenticity());
        writer.writeCode(message.shortSaleThresholdIndicator());
        writer.writeCode(message.ipoFlag());
        writer.writeCode(message.luldReferencePriceTier());
        writer.writeCode(message.etpFlag());
        writer.writeLong(message.etpLeverageFactor());
        writer.writeCode(message.inverseIndicator());
        return writer.position() - offset;
    }
}
