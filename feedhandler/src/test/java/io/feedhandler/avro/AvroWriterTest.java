package io.feedhandler.avro;

import io.feedhandler.itch50.Alpha;
import io.feedhandler.itch50.Prices;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The writer's bytes against Avro's own {@link BinaryEncoder} and against {@code BigDecimal}: varints,
 * decimals at the edges, one-character codes for all 256 byte values, and alpha fields.
 */
class AvroWriterTest
{
    private static final int OFFSET = 3;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
    private final AvroWriter writer = new AvroWriter();

    @Test
    void shouldWriteLongsAsAvroDoes() throws IOException
    {
        for (final long value : edgeLongs())
        {
            writer.wrap(buffer, OFFSET).writeLong(value);
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final BinaryEncoder avro = EncoderFactory.get().binaryEncoder(out, null);
            avro.writeLong(value);
            avro.flush();
            assertArrayEquals(out.toByteArray(), written(), "long " + value);
        }
    }

    @Test
    void shouldWriteIntsAsAvroDoes() throws IOException
    {
        for (final long edge : edgeLongs())
        {
            final int value = (int)edge;
            writer.wrap(buffer, OFFSET).writeInt(value);
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final BinaryEncoder avro = EncoderFactory.get().binaryEncoder(out, null);
            avro.writeInt(value);
            avro.flush();
            assertArrayEquals(out.toByteArray(), written(), "int " + value);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {
        0, 1, 127, 128, 255, 256, 32_767, 32_768, 65_535, 65_536, 0xFFFF_FFFFL, 2_000_000_000L,
        Prices.MARKET_ORDER_PRICE, 0x7FFF_FFFF_FFFF_FFFFL,
        -1, -127, -128, -129, -255, -256, -257, 0x8000_0000_0000_0000L})
    void shouldWriteDecimalsAsBigDecimalUnscaledBytes(final long unscaled)
    {
        writer.wrap(buffer, OFFSET).writeDecimal(unscaled);

        final byte[] expected = BigDecimal.valueOf(unscaled, Prices.SCALE).unscaledValue().toByteArray();
        final byte[] written = written();
        assertEquals(expected.length << 1, written[0], "length prefix of " + unscaled);
        assertArrayEquals(expected, Arrays.copyOfRange(written, 1, written.length), "unscaled " + unscaled);
        assertEquals(expected.length, AvroWriter.decimalLength(unscaled));
    }

    @ParameterizedTest
    @ValueSource(longs = {
        0, 1, 127, 128, 255, 256, 0xFFFF_FFFFL, 0x7FFF_FFFF_FFFF_FFFFL,
        0x8000_0000_0000_0000L, 0x8000_0000_0000_0001L, 0xFFFF_FFFF_FFFF_FFFFL})
    void shouldWriteUnsignedDecimalsAsBigDecimalUnscaledBytes(final long unscaled)
    {
        writer.wrap(buffer, OFFSET).writeUnsignedDecimal(unscaled);

        final BigDecimal value = new BigDecimal(new BigInteger(Long.toUnsignedString(unscaled)), Prices.MWCB_SCALE);
        final byte[] expected = value.unscaledValue().toByteArray();
        final byte[] written = written();
        assertEquals(expected.length << 1, written[0], "length prefix of " + Long.toUnsignedString(unscaled));
        assertArrayEquals(expected, Arrays.copyOfRange(written, 1, written.length), Long.toUnsignedString(unscaled));
    }

    @Test
    void shouldWriteDecimalsThatAvroReadsBackAtTheSchemasScale() throws IOException
    {
        final Schema price4 = LogicalTypes.decimal(10, 4).addToSchema(Schema.create(Schema.Type.BYTES));
        final Conversions.DecimalConversion conversion = new Conversions.DecimalConversion();
        for (final long raw : new long[] {0, 1, 1_234_500, Prices.MARKET_ORDER_PRICE, Prices.MAX_PRICE, 0xFFFF_FFFFL})
        {
            writer.wrap(buffer, OFFSET).writeDecimal(raw);
            final ByteBuffer bytes = decoder().readBytes(null);
            final BigDecimal read = conversion.fromBytes(bytes, price4, price4.getLogicalType());
            assertEquals(BigDecimal.valueOf(raw, 4), read);
            assertEquals(4, read.scale());
        }
        writer.wrap(buffer, OFFSET).writeDecimal(Prices.MARKET_ORDER_PRICE);
        assertEquals(new BigDecimal("199999.9900"),
            conversion.fromBytes(decoder().readBytes(null), price4, price4.getLogicalType()));
    }

    @Test
    void shouldWriteEveryCodeByteAsAOneCharacterString() throws IOException
    {
        for (int b = 0; b < 256; b++)
        {
            writer.wrap(buffer, OFFSET).writeCode((byte)b);
            final String expected = String.valueOf((char)b);
            assertEquals(expected, decoder().readString(), "code byte " + b);
            assertArrayEquals(avroString(expected), written(), "code byte " + b);
        }
    }

    @Test
    void shouldWriteAlphaFieldsWithoutTheirPadding() throws IOException
    {
        final long[] values = {
            Alpha.pack("AAPL", 8), Alpha.pack("", 8), Alpha.pack("A B", 8), Alpha.pack(" A", 8),
            Alpha.pack("ABCDEFGH", 8), 0xE9E9_2041_FF80_2020L, 0xFFFF_FFFF_FFFF_FFFFL, 0,
            Alpha.pack("NSDQ", 4), Alpha.pack("T1", 4), 0xFFFF_FF80L, Alpha.pack("AI", 2), Alpha.pack("Z", 2)};
        final int[] widths = {8, 8, 8, 8, 8, 8, 8, 8, 4, 4, 4, 2, 2};
        for (int i = 0; i < values.length; i++)
        {
            writer.wrap(buffer, OFFSET).writeAlpha(values[i], widths[i]);
            final String expected = Alpha.decode(values[i], widths[i]);
            assertEquals(expected, decoder().readString(), "alpha " + Long.toHexString(values[i]));
            assertArrayEquals(avroString(expected), written(), "alpha " + Long.toHexString(values[i]));
        }
    }

    @Test
    void shouldWriteUnionBranchesAndNulls() throws IOException
    {
        writer.wrap(buffer, OFFSET);
        writer.writeNulls(3);
        writer.writeOptionalLong(-2);
        writer.writeNull();
        writer.writeOptionalBoolean(true);
        writer.writeOptionalInt(64);

        final BinaryDecoder decoder = decoder();
        assertEquals(0, decoder.readIndex());
        assertEquals(0, decoder.readIndex());
        assertEquals(0, decoder.readIndex());
        assertEquals(1, decoder.readIndex());
        assertEquals(-2, decoder.readLong());
        assertEquals(0, decoder.readIndex());
        assertEquals(1, decoder.readIndex());
        assertEquals(true, decoder.readBoolean());
        assertEquals(1, decoder.readIndex());
        assertEquals(64, decoder.readInt());
        assertEquals(true, decoder.isEnd());
    }

    private static List<Long> edgeLongs()
    {
        final List<Long> values = new ArrayList<>(List.of(0L, Long.MAX_VALUE, Long.MIN_VALUE));
        for (int bit = 0; bit < 64; bit++)
        {
            final long power = 1L << bit;
            values.addAll(List.of(power, power - 1, power + 1, -power, -power - 1, -power + 1));
        }
        return values;
    }

    private byte[] written()
    {
        final byte[] bytes = new byte[writer.position() - OFFSET];
        buffer.getBytes(OFFSET, bytes);
        return bytes;
    }

    private BinaryDecoder decoder()
    {
        return DecoderFactory.get().binaryDecoder(written(), null);
    }

    private static byte[] avroString(final String value) throws IOException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final BinaryEncoder avro = EncoderFactory.get().binaryEncoder(out, null);
        avro.writeString(value);
        avro.flush();
        return out.toByteArray();
    }
}
