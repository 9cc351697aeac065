package io.feedhandler.bench.book;

import io.feedhandler.bench.itch50.BenchmarkData;
import io.feedhandler.book.BookAnomaly;
import io.feedhandler.book.BookListener;
import io.feedhandler.book.OrderBook;
import io.feedhandler.book.OrderBooks;
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
import java.util.concurrent.TimeUnit;

/**
 * Order book updates per second: the order events (A F E C X D U) of a day, decoded beforehand
 * into primitive columns, applied one after the other; each operation is one order event
 * (batches of {@value #BATCH}). The day ends with a delete for every order still live, so the
 * books are empty again when the day restarts: a steady state with no reset in the loop.
 *
 * <ul>
 *   <li>{@code orderBooks}: this project's {@link OrderBooks}, top-of-book changes and trades to a
 *       listener that counts them (what the encoder stage gets, minus the encoding).</li>
 *   <li>{@code orderBooksDepth5}: the same with quotes watching 5 levels per side.</li>
 *   <li>{@code naiveReference}: {@link NaiveOrderBooks}, HashMap + TreeMap, the same work.</li>
 * </ul>
 *
 * <p>Data: {@code generated-day} is {@code SyntheticMarket} (seed 20191230, 500 symbols, 1,000,000
 * messages: about 940,000 order events, up to ~50,000 live orders, books a few ticks deep around a
 * drifting price; E, X, D and U pick a live order uniformly at random, so most touch a cold
 * order: harsher on caches than a real feed, where most cancels follow their add closely).
 * {@code real-sample} is the 1,000 real NASDAQ messages of 2019-12-30 from 09:30 (987 order
 * events; the orders added before 09:30 are unknown, so some events are anomalies, counted).
 * Run with {@code -prof gc}: {@code orderBooks} must show 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Dagrona.disable.bounds.checks=true", "-Xmx2g"})
public class BookUpdateBenchmark
{
    static final int BATCH = 1000;

    @Param({"generated-day", "real-sample"})
    public String data;

    private OrderEvents events;
    private final Counting counting = new Counting();
    private OrderBooks books;
    private OrderBooks deepBooks;
    private NaiveOrderBooks naive;
    private int cursor;
    private int deepCursor;
    private int naiveCursor;

    /**
     * Generate the day and decode its order events.
     *
     * @throws IOException never: the day is generated in memory.
     */
    @Setup
    public void setUp() throws IOException
    {
        events = OrderEvents.of(BenchmarkData.load(data));
        books = new OrderBooks(counting, 0, 1 << 16);
        deepBooks = new OrderBooks(counting, 5, 1 << 16);
        naive = new NaiveOrderBooks();
    }

    /** @return quotes and trades so far, so nothing is optimised away. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long orderBooks()
    {
        cursor = apply(books, cursor);
        return counting.quotes + counting.trades;
    }

    /** @return quotes and trades so far. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long orderBooksDepth5()
    {
        deepCursor = apply(deepBooks, deepCursor);
        return counting.quotes + counting.trades;
    }

    /** @return quotes and trades so far. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long naiveReference()
    {
        final OrderEvents events = this.events;
        int i = naiveCursor;
        for (int n = 0; n < BATCH; n++)
        {
            if (i == events.count)
            {
                i = 0;
            }
            switch (events.types[i])
            {
                case OrderEvents.ADD -> naive.add(events.locates[i], events.references[i], events.sides[i], events.shares[i],
                    events.prices[i]);
                case OrderEvents.EXECUTE -> naive.execute(events.references[i], events.shares[i]);
                case OrderEvents.EXECUTE_WITH_PRICE -> naive.executeWithPrice(events.references[i], events.shares[i]);
                case OrderEvents.CANCEL -> naive.cancel(events.references[i], events.shares[i]);
                case OrderEvents.DELETE -> naive.delete(events.references[i]);
                default -> naive.replace(events.references[i], events.newReferences[i], events.shares[i], events.prices[i]);
            }
            i++;
        }
        naiveCursor = i;
        return naive.quotes + naive.trades;
    }

    private int apply(final OrderBooks books, final int from)
    {
        final OrderEvents events = this.events;
        int i = from;
        for (int n = 0; n < BATCH; n++)
        {
            if (i == events.count)
            {
                i = 0;
            }
            final int locate = events.locates[i];
            switch (events.types[i])
            {
                case OrderEvents.ADD -> books.add(locate, events.references[i], events.sides[i], events.shares[i], events.prices[i]);
                case OrderEvents.EXECUTE -> books.execute(locate, events.references[i], events.shares[i], events.matches[i]);
                case OrderEvents.EXECUTE_WITH_PRICE -> books.executeWithPrice(locate, events.references[i], events.shares[i],
                    events.matches[i], events.prices[i], events.printable[i]);
                case OrderEvents.CANCEL -> books.cancel(locate, events.references[i], events.shares[i]);
                case OrderEvents.DELETE -> books.delete(locate, events.references[i]);
                default -> books.replace(locate, events.references[i], events.newReferences[i], events.shares[i], events.prices[i]);
            }
            i++;
        }
        return i;
    }

    /** Counts what the books report, as cheaply as a listener can. */
    private static final class Counting implements BookListener
    {
        long quotes;
        long trades;
        long anomalies;

        @Override
        public void onTrade(final OrderBook book, final long orderReference, final byte side, final long price,
            final long shares, final long matchNumber, final boolean withPrice, final boolean printable)
        {
            trades += shares;
        }

        @Override
        public void onTopOfBookChanged(final OrderBook book)
        {
            quotes += book.bestBidShares();
        }

        @Override
        public void onAnomaly(final BookAnomaly anomaly, final int locate, final long orderReference)
        {
            anomalies++;
        }
    }
}
