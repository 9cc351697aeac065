package io.feedhandler.bench.gate;

import io.feedhandler.bench.pipeline.PipelineStagesBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;

/**
 * The gate's own proof: {@link PipelineStagesBenchmark} with one careless line added to the hot
 * path, the kind a review misses (a defensive copy of each event's records). Only in the test
 * sources: {@code BenchmarkGateTest} runs it through the real gate and expects it to fail.
 */
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Dagrona.disable.bounds.checks=true", "-Xmx1g"})
public class CarelessPipelineStagesBenchmark extends PipelineStagesBenchmark
{
    private byte[] lastCopy;

    /** @return bytes of records written; the copy escapes into a field, so it is not optimised away. */
    @Benchmark
    public int sequenceEncodeAndCopyRecords()
    {
        final int length = sequenceAndEncode();
        lastCopy = new byte[length];
        return lastCopy.length;
    }
}
