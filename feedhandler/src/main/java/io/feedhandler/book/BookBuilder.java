package io.feedhandler.book;

import io.feedhandler.itch50.AddOrder;
import io.feedhandler.itch50.AddOrderMpid;
import io.feedhandler.itch50.ItchListener;
import io.feedhandler.itch50.OrderCancel;
import io.feedhandler.itch50.OrderDelete;
import io.feedhandler.itch50.OrderExecuted;
import io.feedhandler.itch50.OrderExecutedWithPrice;
import io.feedhandler.itch50.OrderReplace;
import io.feedhandler.itch50.StockDirectory;

/**
 * Feeds decoded ITCH 5.0 messages into {@link OrderBooks}: R names a book, A F E C X D U change
 * one; everything else is ignored. For tools and benchmarks that want books without the
 * pipeline ({@code feedhandler book}); the pipeline's encoder stage calls the books itself,
 * between records. Put it behind an {@code ItchMessageDispatcher}.
 */
public final class BookBuilder implements ItchListener
{
    private static final byte PRINTABLE = 'Y';

    private final OrderBooks books;

    /** @param books to apply the messages to. */
    public BookBuilder(final OrderBooks books)
    {
        this.books = books;
    }

    /** @return the books. */
    public OrderBooks books()
    {
        return books;
    }

    @Override
    public void onStockDirectory(final StockDirectory message)
    {
        books.name(message.stockLocate(), message.stock());
    }

    @Override
    public void onAddOrder(final AddOrder message)
    {
        books.add(message.stockLocate(), message.orderReferenceNumber(), message.side(), message.shares(), message.price());
    }

    @Override
    public void onAddOrderMpid(final AddOrderMpid message)
    {
        books.add(message.stockLocate(), message.orderReferenceNumber(), message.side(), message.shares(), message.price());
    }

    @Override
    public void onOrderExecuted(final OrderExecuted message)
    {
        books.execute(message.stockLocate(), message.orderReferenceNumber(), message.executedShares(), message.matchNumber());
    }

    @Override
    public void onOrderExecutedWithPrice(final OrderExecutedWithPrice message)
    {
        books.executeWithPrice(message.stockLocate(), message.orderReferenceNumber(), message.executedShares(),
            message.matchNumber(), message.executionPrice(), message.printable() == PRINTABLE);
    }

    @Override
    public void onOrderCancel(final OrderCancel message)
    {
        books.cancel(message.stockLocate(), message.orderReferenceNumber(), message.cancelledShares());
    }

    @Override
    public void onOrderDelete(final OrderDelete message)
    {
        books.delete(message.stockLocate(), message.orderReferenceNumber());
    }

    @Override
    public void onOrderReplace(final OrderReplace message)
    {
        books.replace(message.stockLocate(), message.originalOrderReferenceNumber(), message.newOrderReferenceNumber(),
            message.shares(), message.price());
    }
}
