package io.feedhandler.bench.book;

import io.feedhandler.book.BookAnomaly;
import io.feedhandler.book.BookListener;
import io.feedhandler.book.OrderBook;
import io.feedhandler.book.OrderBooks;
import io.feedhandler.itch50.AddOrder;
import io.feedhandler.itch50.AddOrderMpid;
import io.feedhandler.itch50.ItchListener;
import io.feedhandler.itch50.ItchMessageDispatcher;
import io.feedhandler.itch50.OrderCancel;
import io.feedhandler.itch50.OrderDelete;
import io.feedhandler.itch50.OrderExecuted;
import io.feedhandler.itch50.OrderExecutedWithPrice;
import io.feedhandler.itch50.OrderReplace;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * The order events (A F E C X D U) of a BinaryFILE, decoded once into primitive columns, so a
 * book benchmark measures the book and not the decoder.
 */
final class OrderEvents implements ItchListener
{
    static final byte ADD = 'A';
    static final byte EXECUTE = 'E';
    static final byte EXECUTE_WITH_PRICE = 'C';
    static final byte CANCEL = 'X';
    static final byte DELETE = 'D';
    static final byte REPLACE = 'U';

    byte[] types = new byte[1 << 16];
    int[] locates = new int[1 << 16];
    long[] references = new long[1 << 16];
    long[] newReferences = new long[1 << 16];
    byte[] sides = new byte[1 << 16];
    long[] shares = new long[1 << 16];
    long[] prices = new long[1 << 16];
    long[] matches = new long[1 << 16];
    boolean[] printable = new boolean[1 << 16];
    int count;

    /**
     * @param bytes a BinaryFILE: 2-byte big-endian length, message, ...
     * @return its order events.
     */
    static OrderEvents of(final byte[] bytes)
    {
        final OrderEvents events = new OrderEvents();
        final ItchMessageDispatcher dispatcher = new ItchMessageDispatcher(events);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        int position = 0;
        while (position + 2 <= bytes.length)
        {
            final int length = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
            if (length > 0)
            {
                dispatcher.dispatch(buffer, position + 2, length);
            }
            position += 2 + length;
        }
        events.closeTheDay();
        return events;
    }

    /**
     * Append a delete for every order still live at the end, so the events can be applied again
     * and again from empty books with no other reset: a steady state a benchmark can loop over.
     */
    private void closeTheDay()
    {
        final OrderBooks books = new OrderBooks(new BookListener()
        {
            @Override
            public void onTrade(final OrderBook book, final long orderReference, final byte side, final long price,
                final long shares, final long matchNumber, final boolean withPrice, final boolean printable)
            {
            }

            @Override
            public void onTopOfBookChanged(final OrderBook book)
            {
            }

            @Override
            public void onAnomaly(final BookAnomaly anomaly, final int locate, final long orderReference)
            {
            }
        });
        final int events = count;
        for (int i = 0; i < events; i++)
        {
            final int locate = locates[i];
            switch (types[i])
            {
                case ADD -> books.add(locate, references[i], sides[i], shares[i], prices[i]);
                case EXECUTE -> books.execute(locate, references[i], shares[i], matches[i]);
                case EXECUTE_WITH_PRICE -> books.executeWithPrice(locate, references[i], shares[i], matches[i], prices[i], printable[i]);
                case CANCEL -> books.cancel(locate, references[i], shares[i]);
                case DELETE -> books.delete(locate, references[i]);
                default -> books.replace(locate, references[i], newReferences[i], shares[i], prices[i]);
            }
        }
        books.forEachOrder(order -> next(DELETE, order.book().locate(), order.reference()));
    }

    private int next(final byte type, final int locate, final long reference)
    {
        if (count == types.length)
        {
            final int capacity = count * 2;
            types = Arrays.copyOf(types, capacity);
            locates = Arrays.copyOf(locates, capacity);
            references = Arrays.copyOf(references, capacity);
            newReferences = Arrays.copyOf(newReferences, capacity);
            sides = Arrays.copyOf(sides, capacity);
            shares = Arrays.copyOf(shares, capacity);
            prices = Arrays.copyOf(prices, capacity);
            matches = Arrays.copyOf(matches, capacity);
            printable = Arrays.copyOf(printable, capacity);
        }
        types[count] = type;
        locates[count] = locate;
        references[count] = reference;
        return count++;
    }

    @Override
    public void onAddOrder(final AddOrder message)
    {
        final int i = next(ADD, message.stockLocate(), message.orderReferenceNumber());
        sides[i] = message.side();
        shares[i] = message.shares();
        prices[i] = message.price();
    }

    @Override
    public void onAddOrderMpid(final AddOrderMpid message)
    {
        final int i = next(ADD, message.stockLocate(), message.orderReferenceNumber());
        sides[i] = message.side();
        shares[i] = message.shares();
        prices[i] = message.price();
    }

    @Override
    public void onOrderExecuted(final OrderExecuted message)
    {
        final int i = next(EXECUTE, message.stockLocate(), message.orderReferenceNumber());
        shares[i] = message.executedShares();
        matches[i] = message.matchNumber();
    }

    @Override
    public void onOrderExecutedWithPrice(final OrderExecutedWithPrice message)
    {
        final int i = next(EXECUTE_WITH_PRICE, message.stockLocate(), message.orderReferenceNumber());
        shares[i] = message.executedShares();
        matches[i] = message.matchNumber();
        prices[i] = message.executionPrice();
        printable[i] = message.printable() == 'Y';
    }

    @Override
    public void onOrderCancel(final OrderCancel message)
    {
        final int i = next(CANCEL, message.stockLocate(), message.orderReferenceNumber());
        shares[i] = message.cancelledShares();
    }

    @Override
    public void onOrderDelete(final OrderDelete message)
    {
        next(DELETE, message.stockLocate(), message.orderReferenceNumber());
    }

    @Override
    public void onOrderReplace(final OrderReplace message)
    {
        final int i = next(REPLACE, message.stockLocate(), message.originalOrderReferenceNumber());
        newReferences[i] = message.newOrderReferenceNumber();
        shares[i] = message.shares();
        prices[i] = message.price();
    }
}
