package io.feedhandler.sim;

import io.feedhandler.itch50.AddOrder;
import io.feedhandler.itch50.AddOrderMpid;
import io.feedhandler.itch50.AllocationMeter;
import io.feedhandler.itch50.ItchListener;
import io.feedhandler.itch50.ItchMessage;
import io.feedhandler.itch50.ItchMessageDispatcher;
import io.feedhandler.itch50.ItchMessageType;
import io.feedhandler.itch50.OrderCancel;
import io.feedhandler.itch50.OrderDelete;
import io.feedhandler.itch50.OrderExecuted;
import io.feedhandler.itch50.OrderExecutedWithPrice;
import io.feedhandler.itch50.OrderReplace;
import io.feedhandler.itch50.RecordingItchListener;
import io.feedhandler.itch50.StockDirectory;
import io.feedhandler.itch50.Symbols;
import io.feedhandler.itch50.SystemEvent;
import io.feedhandler.transport.file.BinaryFileReader;
import io.feedhandler.transport.file.FeedFileListener;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticMarketTest
{
    private static final int SYMBOLS = 20;
    private static final long MESSAGES = 200_000;
    private static final long HOUR = 3_600_000_000_000L;
    private static final long MIDNIGHT = 24 * HOUR;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ItchMessageType.MAX_LENGTH]);

    @Test
    void shouldWriteADayThatDispatchesWithoutErrors()
    {
        final SyntheticMarket market = new SyntheticMarket(42, SYMBOLS, MESSAGES);
        final RecordingItchListener listener = new RecordingItchListener();
        final ItchMessageDispatcher dispatcher = new ItchMessageDispatcher(listener);

        while (!market.isFinished())
        {
            final int length = market.next(buffer, 0);
            assertTrue(dispatcher.dispatch(buffer, 0, length), () -> listener.events().getLast());
        }

        assertEquals(MESSAGES, listener.events().size());
        assertEquals(MESSAGES, market.messagesWritten());
        assertTrue(market.isFinished());
        assertEquals(0, market.next(buffer, 0));
    }

    @Test
    void shouldOnlyExecuteCancelDeleteOrReplaceLiveOrders()
    {
        final LiveOrders book = new LiveOrders();
        final SyntheticMarket market = new SyntheticMarket(7, SYMBOLS, MESSAGES);
        final ItchMessageDispatcher dispatcher = new ItchMessageDispatcher(book);

        int length;
        while ((length = market.next(buffer, 0)) > 0)
        {
            dispatcher.dispatch(buffer, 0, length);
        }

        assertEquals(List.of(), book.problems.subList(0, Math.min(10, book.problems.size())));
        assertEquals(market.liveOrders(), book.orders.size());
        assertTrue(book.checked > MESSAGES / 2, "order messages checked: " + book.checked);
    }

    @Test
    void shouldFollowTheSystemEventScheduleWithTimestampsThatNeverGoBack()
    {
        final SyntheticMarket market = new SyntheticMarket(3, SYMBOLS, 50_000);
        final List<String> events = new ArrayList<>();
        final List<String> directory = new ArrayList<>();
        final long[] last = {0};
        final ItchMessageDispatcher dispatcher = new ItchMessageDispatcher(new ItchListener()
        {
            @Override
            public void onSystemEvent(final SystemEvent m)
            {
                events.add((char)m.eventCode() + "@" + m.timestamp() / HOUR + "h locate=" + m.stockLocate());
            }

            @Override
            public void onStockDirectory(final StockDirectory m)
            {
                directory.add(m.stockLocate() + "=" + Symbols.decode(m.stock()));
            }
        });

        int length;
        while ((length = market.next(buffer, 0)) > 0)
        {
            final long timestamp = new OrderDelete().wrap(buffer, 0).timestamp();
            assertTrue(timestamp >= last[0] && timestamp < MIDNIGHT, "timestamp " + timestamp + " after " + last[0]);
            last[0] = timestamp;
            dispatcher.dispatch(buffer, 0, length);
        }

        assertEquals(List.of("O@3h locate=0", "S@4h locate=0", "Q@9h locate=0", "M@16h locate=0", "E@20h locate=0",
            "C@20h locate=0"), events);
        assertEquals(SYMBOLS, directory.size());
        assertEquals("1=A", directory.get(0));
        assertEquals("20=T", directory.get(SYMBOLS - 1));
    }

    @Test
    void shouldMixMessageTypesLikeARealDay()
    {
        final long[] counts = new long[256];
        final SyntheticMarket market = new SyntheticMarket(11, SYMBOLS, MESSAGES);
        int length;
        while ((length = market.next(buffer, 0)) > 0)
        {
            counts[buffer.getByte(0)]++;
        }

        // percent of all messages: {type, at least, at most}
        final Object[][] intended = {
            {'A', 38.0, 42.0}, {'F', 1.6, 2.4}, {'D', 36.0, 40.0}, {'U', 7.0, 9.0}, {'E', 3.5, 4.5},
            {'X', 1.6, 2.4}, {'C', 0.1, 0.3}, {'P', 0.7, 1.3}, {'I', 2.0, 3.0}, {'Q', 0.01, 0.1},
            {'H', 0.3, 0.7}, {'Y', 0.3, 0.7}, {'N', 0.3, 0.7}, {'L', 0.3, 0.7}, {'B', 0.1, 0.5}};
        final List<String> outside = new ArrayList<>();
        for (final Object[] range : intended)
        {
            final char type = (Character)range[0];
            final double percent = 100.0 * counts[type] / MESSAGES;
            if (percent < (Double)range[1] || percent > (Double)range[2])
            {
                outside.add(type + " " + percent + " % not in [" + range[1] + ", " + range[2] + "]");
            }
        }
        assertEquals(List.of(), outside);
        assertEquals(6, counts['S']);
        assertEquals(SYMBOLS, counts['R']);
        assertEquals(2 * SYMBOLS, counts['Q']);
        assertEquals(1, counts['V']);
    }

    @Test
    void shouldRepeatTheSameDayForTheSameSeed()
    {
        assertArrayEquals(day(99), day(99));
        assertFalse(Arrays.equals(day(99), day(100)));
    }

    @Test
    void shouldNotAllocateWhileGenerating()
    {
        final SyntheticMarket market = new SyntheticMarket(5, 500, 10_000_000);
        final Runnable work = () ->
        {
            for (int i = 0; i < 50_000; i++)
            {
                market.next(buffer, 0);
            }
        };

        assertEquals(0, AllocationMeter.steadyStateAllocation(work), "bytes allocated generating 50 000 messages");
        assertFalse(market.isFinished());
    }

    @Test
    void shouldWriteGzipBinaryFileThatTheFileReaderReads(@TempDir final Path directory) throws IOException
    {
        final Path file = directory.resolve("12302019.SYNTHETIC_ITCH50.gz");

        assertEquals(20_000, SyntheticMarket.writeBinaryFile(file, 1, SYMBOLS, 20_000));

        final List<String> defects = new ArrayList<>();
        final long[] counts = new long[2];
        final ItchMessageDispatcher dispatcher = new ItchMessageDispatcher(new ItchListener()
        {
        });
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file)))
        {
            new BinaryFileReader(in, new FeedFileListener()
            {
                @Override
                public void onMessage(
                    final long sequenceNumber, final DirectBuffer buffer, final int offset, final int length,
                    final long sourceOffset)
                {
                    counts[0]++;
                    counts[1] += dispatcher.dispatch(buffer, offset, length) ? 1 : 0;
                }

                @Override
                public void onDefect(final long sourceOffset, final String reason)
                {
                    defects.add(sourceOffset + ": " + reason);
                }
            }).readAll();
        }

        assertEquals(List.of(), defects);
        assertEquals(20_000, counts[0]);
        assertEquals(20_000, counts[1]);
    }

    @Test
    void shouldWritePlainBinaryFileWhenNotNamedGz(@TempDir final Path directory) throws IOException
    {
        final Path file = directory.resolve("day.itch50");

        SyntheticMarket.writeBinaryFile(file, 99, SYMBOLS, 5_000);

        assertArrayEquals(day(99, 5_000), Files.readAllBytes(file));
    }

    @Test
    void shouldNameLocatesInBijectiveBaseTwentySix()
    {
        assertEquals("A", Symbols.decode(SyntheticMarket.symbol(1)));
        assertEquals("Z", Symbols.decode(SyntheticMarket.symbol(26)));
        assertEquals("AA", Symbols.decode(SyntheticMarket.symbol(27)));
        assertEquals("CRXO", Symbols.decode(SyntheticMarket.symbol(SyntheticMarket.MAX_SYMBOLS)));
        final Set<Long> all = new HashSet<>();
        for (int locate = 1; locate <= SyntheticMarket.MAX_SYMBOLS; locate++)
        {
            assertTrue(all.add(SyntheticMarket.symbol(locate)));
        }
    }

    @Test
    void shouldRejectADayThatCannotBeBuilt()
    {
        assertThrows(IllegalArgumentException.class, () -> new SyntheticMarket(1, 0, 1_000));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticMarket(1, 65_536, 1_000_000));
        assertThrows(IllegalArgumentException.class,
            () -> new SyntheticMarket(1, 10, SyntheticMarket.scheduledMessages(10) - 1));
    }

    private byte[] day(final long seed)
    {
        return day(seed, 30_000);
    }

    /** The day as BinaryFILE bytes, framed here independently of {@link SyntheticMarket#writeBinaryFile}. */
    private byte[] day(final long seed, final long messages)
    {
        final SyntheticMarket market = new SyntheticMarket(seed, SYMBOLS, messages);
        final UnsafeBuffer out = new UnsafeBuffer(new byte[(int)messages * (2 + ItchMessageType.MAX_LENGTH)]);
        int position = 0;
        int length;
        while ((length = market.next(out, position + 2)) > 0)
        {
            out.putByte(position, (byte)(length >> 8));
            out.putByte(position + 1, (byte)length);
            position += 2 + length;
        }
        return Arrays.copyOf(out.byteArray(), position);
    }

    /** An order book kept with a HashMap, independently of the generator's arrays. */
    private static final class LiveOrders implements ItchListener
    {
        private final Map<Long, long[]> orders = new HashMap<>();
        private final Set<Long> everUsed = new HashSet<>();
        private final Map<Integer, Long> directory = new HashMap<>();
        private final List<String> problems = new ArrayList<>();
        private long checked;

        @Override
        public void onStockDirectory(final StockDirectory m)
        {
            directory.put(m.stockLocate(), m.stock());
        }

        @Override
        public void onAddOrder(final AddOrder m)
        {
            add(m, m.orderReferenceNumber(), m.side(), m.shares(), m.stock());
        }

        @Override
        public void onAddOrderMpid(final AddOrderMpid m)
        {
            add(m, m.orderReferenceNumber(), m.side(), m.shares(), m.stock());
        }

        @Override
        public void onOrderExecuted(final OrderExecuted m)
        {
            reduce(m, m.orderReferenceNumber(), m.executedShares(), false);
        }

        @Override
        public void onOrderExecutedWithPrice(final OrderExecutedWithPrice m)
        {
            reduce(m, m.orderReferenceNumber(), m.executedShares(), false);
        }

        @Override
        public void onOrderCancel(final OrderCancel m)
        {
            reduce(m, m.orderReferenceNumber(), m.cancelledShares(), true);
        }

        @Override
        public void onOrderDelete(final OrderDelete m)
        {
            if (live(m, m.orderReferenceNumber()) != null)
            {
                orders.remove(m.orderReferenceNumber());
            }
        }

        @Override
        public void onOrderReplace(final OrderReplace m)
        {
            final long[] original = live(m, m.originalOrderReferenceNumber());
            if (original != null)
            {
                orders.remove(m.originalOrderReferenceNumber());
                if (!everUsed.add(m.newOrderReferenceNumber()) || m.shares() <= 0)
                {
                    problems.add("U reuses reference " + m.newOrderReferenceNumber() + " or has no shares");
                }
                // locate, side and shares: the new order keeps the original's stock and side
                orders.put(m.newOrderReferenceNumber(), new long[]{original[0], original[1], m.shares()});
            }
        }

        private void add(
            final ItchMessage<?> m, final long reference, final byte side, final long shares, final long stock)
        {
            checked++;
            final Long listed = directory.get(m.stockLocate());
            if (!everUsed.add(reference) || shares <= 0 || (side != 'B' && side != 'S') || listed == null ||
                listed != stock)
            {
                problems.add((char)m.messageType() + " " + reference + " reused, empty, bad side or unlisted stock");
            }
            orders.put(reference, new long[]{m.stockLocate(), side, shares});
        }

        private void reduce(
            final ItchMessage<?> m, final long reference, final long shares, final boolean mustLeaveSome)
        {
            final long[] order = live(m, reference);
            if (order != null)
            {
                if (shares <= 0 || shares > order[2] || mustLeaveSome && shares == order[2])
                {
                    problems.add((char)m.messageType() + " " + reference + " takes " + shares + " of " + order[2]);
                }
                order[2] -= shares;
                if (order[2] <= 0)
                {
                    orders.remove(reference);
                }
            }
        }

        private long[] live(final ItchMessage<?> m, final long reference)
        {
            checked++;
            final long[] order = orders.get(reference);
            if (order == null)
            {
                problems.add((char)m.messageType() + " names order " + reference + ", which is not live");
            }
            else if (order[0] != m.stockLocate())
            {
                problems.add((char)m.messageType() + " for order " + reference + " has locate " + m.stockLocate() +
                    ", the order " + order[0]);
            }
            return order;
        }
    }
}
