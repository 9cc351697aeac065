/** JMH benchmarks, named {@code <Subject><Operation>Benchmark}, and the end-to-end harness. */
package io.feedhandler.bench;
