package io.feedhandler.avro;

import io.feedhandler.itch50.ItchMessageType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No record is ever longer than its encoder's {@code maxEncodedLength}, which is what each encoder
 * checks the buffer against once, before it writes (with Agrona's per-field checks off, as in the
 * daemon, that check is all that stands between a record and the next slot's memory). The worst
 * input: every ITCH byte 0x80 or 0xFF (uint64 fields with the top bit set take 10 varint bytes,
 * alpha bytes from 0x80 up take 2 UTF-8 bytes), and a header at its longest.
 */
class EncodedLengthTest
{
    @TestFactory
    List<DynamicTest> shouldNeverWriteMoreThanTheLongestEncodingPromised()
    {
        final List<DynamicTest> tests = new ArrayList<>();
        for (final byte fill : new byte[] {(byte)0x80, (byte)0xFF})
        {
            final UnsafeBuffer input = new UnsafeBuffer(new byte[ItchMessageType.MAX_LENGTH]);
            input.setMemory(0, input.capacity(), fill);
            final RecordHeader header = Records.header()
                .symbol(-1L)
                .stockLocate(Integer.MIN_VALUE)
                .sequence(Long.MIN_VALUE)
                .trackingNumber(Integer.MIN_VALUE)
                .exchangeTimestampNanos(Long.MIN_VALUE)
                .receiveTimestampNanos(Long.MIN_VALUE);
            final UnsafeBuffer output = new UnsafeBuffer(new byte[4096]);
            for (final EveryEncoding.Encoding encoding : EveryEncoding.all(input, header, output, Long.MIN_VALUE))
            {
                tests.add(DynamicTest.dynamicTest(encoding.name() + ", bytes 0x" + Integer.toHexString(fill & 0xFF), () ->
                {
                    final int length = encoding.encode().getAsInt();
                    assertTrue(length <= encoding.maxLength(),
                        encoding.name() + " wrote " + length + " bytes, promised at most " + encoding.maxLength());
                }));
            }
        }
        return tests;
    }
}
