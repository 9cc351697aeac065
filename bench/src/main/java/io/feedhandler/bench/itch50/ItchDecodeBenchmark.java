package io.feedhandler.bench.itch50;

import com.paritytrading.juncture.nasdaq.itch50.ITCH50Parser;
import io.feedhandler.itch50.ItchMessageDispatcher;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * ITCH 5.0 decoding throughput, in messages per second, over a BinaryFILE in memory: this project's
 * flyweights against paritytrading's juncture (the reference, measured in the same run), both
 * reading every field of every message, and against merely walking the length prefixes (the
 * ceiling any decoder can reach).
 *
 * <p>The fork runs as the daemon does, with {@code agrona.disable.bounds.checks=true}: the
 * dispatcher checks each message's bounds once, so the per-field checks are redundant. To see the
 * cost of the per-field checks, override with {@code -jvmArgsAppend
 * "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"}.
 *
 * <p>Each invocation handles {@link #MESSAGES_PER_INVOCATION} messages from a cursor that wraps at
 * the end of the data, so the score is messages per second. Run with {@code -prof gc}: the
 * flyweight decode must show 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Dagrona.disable.bounds.checks=true", "-Xmx1g"})
public class ItchDecodeBenchmark
{
    /** Messages handled per benchmark invocation (one pass over the real sample). */
    public static final int MESSAGES_PER_INVOCATION = 1000;

    /** {@code real-sample}: 1,000 real NASDAQ messages from 2019-12-30 09:30; {@code generated-day}: a synthetic day's mix. */
    @Param({"real-sample", "generated-day"})
    public String data;

    private byte[] bytes;
    private UnsafeBuffer buffer;
    private ByteBuffer byteBuffer;
    private int cursor;

    private final AllFieldsItchListener listener = new AllFieldsItchListener();
    private final ItchMessageDispatcher dispatcher = new ItchMessageDispatcher(listener);
    private final AllFieldsJunctureListener junctureListener = new AllFieldsJunctureListener();
    private final ITCH50Parser juncture = new ITCH50Parser(junctureListener);

    /**
     * Load the data set.
     *
     * @throws IOException if the bundled sample cannot be read.
     */
    @Setup
    public void setUp() throws IOException
    {
        bytes = BenchmarkData.load(data);
        buffer = new UnsafeBuffer(bytes);
        byteBuffer = ByteBuffer.wrap(bytes);
        cursor = 0;
    }

    /** @return a fold of every field, so nothing is optimised away. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES_PER_INVOCATION)
    public long feedhandlerFlyweights()
    {
        int position = cursor;
        for (int i = 0; i < MESSAGES_PER_INVOCATION; i++)
        {
            if (position >= bytes.length)
            {
                position = 0;
            }
            final int length = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
            dispatcher.dispatch(buffer, position + 2, length);
            position += 2 + length;
        }
        cursor = position;
        return listener.sum;
    }

    /**
     * @return a fold of every field, so nothing is optimised away.
     * @throws IOException never: juncture declares it.
     */
    @Benchmark
    @OperationsPerInvocation(MESSAGES_PER_INVOCATION)
    public long junctureReference() throws IOException
    {
        int position = cursor;
        for (int i = 0; i < MESSAGES_PER_INVOCATION; i++)
        {
            if (position >= bytes.length)
            {
                position = 0;
            }
            final int length = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
            byteBuffer.limit(position + 2 + length).position(position + 2);
            juncture.message(byteBuffer);
            position += 2 + length;
        }
        cursor = position;
        return junctureListener.sum;
    }

    /** @return a fold of the type bytes: the cost of framing alone, the ceiling for any decoder. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES_PER_INVOCATION)
    public long walkLengthPrefixes()
    {
        long sum = 0;
        int position = cursor;
        for (int i = 0; i < MESSAGES_PER_INVOCATION; i++)
        {
            if (position >= bytes.length)
            {
                position = 0;
            }
            final int length = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
            sum += bytes[position + 2];
            position += 2 + length;
        }
        cursor = position;
        return sum;
    }
}
