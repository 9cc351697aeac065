package io.feedhandler.avro;

import io.feedhandler.itch50.AllocationMeter;
import io.feedhandler.itch50.ItchMessageType;
import io.feedhandler.itch50.Symbols;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Confluent framing byte for byte (magic 0, big-endian id), read back as a Confluent deserializer
 * does, and written with no allocation in front of every encoder.
 */
class ConfluentFramingTest
{
    private static final int OFFSET = 7;

    private final UnsafeBuffer buffer = Records.buffer();

    @Test
    void shouldWriteMagicZeroThenTheIdBigEndian()
    {
        final ConfluentFraming framing = new ConfluentFraming(ids(0x01020304));
        buffer.setMemory(0, 32, (byte)0xEE);

        assertEquals(5, framing.writePrefix(buffer, OFFSET, RecordSchema.TRADE));

        final byte[] written = new byte[7];
        buffer.getBytes(OFFSET - 1, written);
        assertArrayEquals(new byte[] {(byte)0xEE, 0x00, 0x01, 0x02, 0x03, 0x04, (byte)0xEE}, written);
        assertEquals(ConfluentFraming.PREFIX_LENGTH, framing.prefixLength());
    }

    @Test
    void shouldWriteEachKindsOwnIdAndTheWholeIntRange()
    {
        final Map<RecordSchema, Integer> ids = new EnumMap<>(RecordSchema.class);
        ids.put(RecordSchema.ORDER_EVENT, 1);
        ids.put(RecordSchema.TRADE, 255);
        ids.put(RecordSchema.QUOTE, 256);
        ids.put(RecordSchema.REFERENCE_DATA, Integer.MAX_VALUE);
        ids.put(RecordSchema.STATUS, 0x80000001);
        final ConfluentFraming framing = new ConfluentFraming(ids);

        final Map<RecordSchema, byte[]> expected = Map.of(
            RecordSchema.ORDER_EVENT, new byte[] {0, 0, 0, 0, 1},
            RecordSchema.TRADE, new byte[] {0, 0, 0, 0, (byte)0xFF},
            RecordSchema.QUOTE, new byte[] {0, 0, 0, 1, 0},
            RecordSchema.REFERENCE_DATA, new byte[] {0, 0x7F, (byte)0xFF, (byte)0xFF, (byte)0xFF},
            RecordSchema.STATUS, new byte[] {0, (byte)0x80, 0, 0, 1});
        for (final RecordSchema kind : RecordSchema.values())
        {
            framing.writePrefix(buffer, 0, kind);
            final byte[] prefix = new byte[5];
            buffer.getBytes(0, prefix);
            assertArrayEquals(expected.get(kind), prefix, kind.name());
            assertEquals(ids.get(kind), ByteBuffer.wrap(prefix, 1, 4).getInt(), kind.name());
            assertEquals(ids.get(kind), framing.schemaId(kind));
        }
    }

    @Test
    void shouldRefuseToBeBuiltWithoutAnIdForEveryKind()
    {
        final Map<RecordSchema, Integer> ids = new EnumMap<>(ids(3));
        ids.remove(RecordSchema.QUOTE);

        final IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new ConfluentFraming(ids));
        assertTrue(thrown.getMessage().contains("market.equities.Quote"), thrown.getMessage());
    }

    @Test
    void shouldBeReadAsAConfluentDeserializerReadsIt() throws IOException
    {
        final ConfluentFraming framing = new ConfluentFraming(ids(42));
        final int prefix = framing.writePrefix(buffer, OFFSET, RecordSchema.QUOTE);
        final int body = new QuoteEncoder().encode(Records.header().symbol(Records.STOCK), 1_234_500, 100, 1, 1_234_600, 200, 2,
            buffer, OFFSET + prefix);
        final byte[] value = new byte[prefix + body];
        buffer.getBytes(OFFSET, value);

        // KafkaAvroDeserializer: byte 0 must be 0, then the id, then the datum alone.
        assertEquals(0, value[0]);
        assertEquals(42, ByteBuffer.wrap(value, 1, 4).getInt());
        final BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null);
        final GenericRecord record = new GenericDatumReader<GenericRecord>(
            PlainAvro.schema(RecordSchema.QUOTE), PlainAvro.schema(RecordSchema.QUOTE), PlainAvro.model()).read(null, decoder);
        assertTrue(decoder.isEnd());
        assertEquals(PlainAvro.plain(PlainAvro.decode(RecordSchema.QUOTE, buffer, OFFSET + prefix, body)), PlainAvro.plain(record));
    }

    @TestFactory
    List<DynamicTest> shouldNotAllocateFramingAndEncodingInSteadyState()
    {
        final UnsafeBuffer input = new UnsafeBuffer(new byte[ItchMessageType.MAX_LENGTH]);
        final byte[] random = new byte[ItchMessageType.MAX_LENGTH];
        new Random(20191230L).nextBytes(random);
        input.putBytes(0, random);
        final RecordHeader header = Records.header().symbol(Symbols.encode("ZVZZT"));
        final UnsafeBuffer output = new UnsafeBuffer(new byte[4096]);
        final WireFormat wireFormat = new ConfluentFraming(ids(7));

        return EveryEncoding.all(input, header, output, 1_234_500).stream()
            .map(encoding -> DynamicTest.dynamicTest(encoding.name(), () ->
            {
                final long allocated = AllocationMeter.steadyStateAllocation(() ->
                {
                    for (int i = 0; i < 2_000; i++)
                    {
                        header.sequence(i);
                        wireFormat.writePrefix(output, 0, RecordSchema.TRADE);
                        encoding.encode().getAsInt();
                    }
                });
                assertEquals(0, allocated, encoding.name() + ": bytes allocated framing and encoding 2000 records");
            }))
            .toList();
    }

    private static Map<RecordSchema, Integer> ids(final int id)
    {
        final Map<RecordSchema, Integer> ids = new EnumMap<>(RecordSchema.class);
        Arrays.stream(RecordSchema.values()).forEach(kind -> ids.put(kind, id));
        return ids;
    }
}
