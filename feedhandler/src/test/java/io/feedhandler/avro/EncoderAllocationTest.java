package io.feedhandler.avro;

import io.feedhandler.itch50.AllocationMeter;
import io.feedhandler.itch50.ItchMessageType;
import io.feedhandler.itch50.Symbols;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every encode method, and the wire prefix, allocates nothing once warm: measured with the JVM's
 * per-thread allocation counter ({@link AllocationMeter}), not assumed. JMH's gc profiler
 * ({@code AvroEncodeBenchmark}) is the real measurement.
 */
class EncoderAllocationTest
{
    private static final int RECORDS_PER_RUN = 2_000;

    @TestFactory
    List<DynamicTest> shouldNotAllocateInSteadyState()
    {
        final UnsafeBuffer input = new UnsafeBuffer(new byte[ItchMessageType.MAX_LENGTH]);
        final byte[] random = new byte[ItchMessageType.MAX_LENGTH];
        new Random(20191230L).nextBytes(random);
        input.putBytes(0, random);
        final RecordHeader header = Records.header().symbol(Symbols.encode("ZVZZT"));
        final UnsafeBuffer output = new UnsafeBuffer(new byte[4096]);
        final WireFormat wireFormat = new SingleObjectEncoding(RecordSchemas.fromClassPath());

        return EveryEncoding.all(input, header, output, 1_234_500).stream()
            .map(encoding -> DynamicTest.dynamicTest(encoding.name(), () ->
            {
                final long allocated = AllocationMeter.steadyStateAllocation(() ->
                {
                    for (int i = 0; i < RECORDS_PER_RUN; i++)
                    {
                        header.sequence(i);
                        wireFormat.writePrefix(output, 0, RecordSchema.TRADE);
                        encoding.encode().getAsInt();
                    }
                });
                assertEquals(0, allocated, encoding.name() + ": bytes allocated encoding " + RECORDS_PER_RUN + " records");
            }))
            .toList();
    }
}
