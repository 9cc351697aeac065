package io.feedhandler.app;

import io.feedhandler.book.BookAnomaly;
import io.feedhandler.book.BookBuilder;
import io.feedhandler.book.BookListener;
import io.feedhandler.book.BookSide;
import io.feedhandler.book.OrderBook;
import io.feedhandler.book.OrderBooks;
import io.feedhandler.book.PriceLevel;
import io.feedhandler.itch50.AddOrder;
import io.feedhandler.itch50.AddOrderMpid;
import io.feedhandler.itch50.CrossTrade;
import io.feedhandler.itch50.ItchListener;
import io.feedhandler.itch50.ItchMessageDispatcher;
import io.feedhandler.itch50.OrderCancel;
import io.feedhandler.itch50.OrderDelete;
import io.feedhandler.itch50.OrderExecuted;
import io.feedhandler.itch50.OrderExecutedWithPrice;
import io.feedhandler.itch50.OrderReplace;
import io.feedhandler.itch50.Prices;
import io.feedhandler.itch50.StockDirectory;
import io.feedhandler.itch50.Symbols;
import io.feedhandler.itch50.Trade;
import io.feedhandler.transport.file.FeedFile;
import io.feedhandler.transport.file.FeedFileListener;
import org.agrona.DirectBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code feedhandler book --file F --symbol S [--json]}: builds every book of a feed file with
 * {@link OrderBooks}, as the pipeline does, and prints one symbol's final book (every level, best
 * first), its last quote (the last top-of-book change) and its last trade (E, C, P or Q).
 */
@Command(name = "book", mixinStandardHelpOptions = true,
    description = {
        "Print a symbol's order book at the end of a feed file (every price level, best first), its last quote and its last trade.",
        "The book is built from A, F, E, C, X, D and U as the daemon builds it; a file that starts mid-day lacks the orders added before it.",
        "Exit status: 0 done, 2 symbol not in the file, or a missing or malformed file."})
public final class BookCommand implements Callable<Integer>
{
    private static final int RECORDS_PER_POLL = 1 << 16;

    @Spec
    private CommandSpec spec;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "BinaryFILE (.gz too), pcap or pcapng capture.")
    private Path file;

    @Option(names = "--symbol", required = true, paramLabel = "SYMBOL", description = "Stock symbol, e.g. AAPL.")
    private String symbol;

    @Option(names = "--json", description = "One JSON object: {\"symbol\",\"bids\":[[price,shares,orders],...],\"asks\":[...],\"lastTrade\":{...},\"lastQuote\":{...}}.")
    private boolean json;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (symbol.isEmpty() || symbol.length() > Symbols.LENGTH)
        {
            err.println("book: symbol '" + symbol + "' must be 1 to 8 characters");
            return FeedHandlerCommand.ExitCode.USAGE;
        }
        if (Files.isDirectory(file))
        {
            err.println("book: " + file + ": is a directory, not a feed file");
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        final Replay replay = new Replay(Symbols.encode(symbol));
        try (FeedFile feedFile = FeedFile.open(file, replay))
        {
            while (feedFile.poll(RECORDS_PER_POLL))
            {
                // to the end of the file
            }
        }
        catch (final NoSuchFileException ex)
        {
            err.println("book: " + file + ": no such file");
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        catch (final AccessDeniedException ex)
        {
            err.println("book: " + file + ": permission denied");
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        catch (final IOException ex)
        {
            err.println("book: " + file + ": read failed: " + ex.getMessage());
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        if (replay.locate == 0)
        {
            err.println("book: symbol " + symbol + " is not in " + file + " (no R, A or F message names it)");
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        final OrderBook book = replay.books.book(replay.locate);
        out.println(json ? json(book, replay) : table(book, replay));
        out.flush();
        if (replay.defect != null)
        {
            err.println("book: " + file + " " + replay.defect + " (the book is what came before it)");
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        return FeedHandlerCommand.ExitCode.OK;
    }

    private String json(final OrderBook book, final Replay replay)
    {
        final Json json = new Json().beginObject().field("symbol", symbol);
        levels(json.key("bids"), book.bids());
        levels(json.key("asks"), book.asks());
        json.key("lastTrade");
        if (replay.tradeSequence == 0)
        {
            json.nullValue();
        }
        else
        {
            json.beginObject()
                .field("sequence", replay.tradeSequence)
                .field("source", replay.tradeSource)
                .key("price").number(Prices.format(replay.tradePrice))
                .field("shares", replay.tradeShares)
                .field("matchNumber", Long.toUnsignedString(replay.tradeMatch))
                .field("side", replay.tradeSide == 0 ? null : String.valueOf((char)replay.tradeSide))
                .key("printable").value(replay.tradePrintable)
                .endObject();
        }
        json.key("lastQuote");
        if (replay.quoteSequence == 0)
        {
            json.nullValue();
        }
        else
        {
            json.beginObject().field("sequence", replay.quoteSequence);
            price(json.key("bidPrice"), replay.quoteBidPrice).field("bidSize", replay.quoteBidShares)
                .field("bidOrders", replay.quoteBidOrders);
            price(json.key("askPrice"), replay.quoteAskPrice).field("askSize", replay.quoteAskShares)
                .field("askOrders", replay.quoteAskOrders);
            json.endObject();
        }
        return json.endObject().toString();
    }

    private static Json price(final Json json, final long price)
    {
        return price == OrderBook.NO_PRICE ? json.nullValue() : json.number(Prices.format(price));
    }

    private static void levels(final Json json, final BookSide side)
    {
        json.beginArray();
        for (int rank = 0; rank < side.levels(); rank++)
        {
            final PriceLevel level = side.level(rank);
            json.beginArray().number(Prices.format(level.price())).value(level.shares()).value(level.orders()).endArray();
        }
        json.endArray();
    }

    private String table(final OrderBook book, final Replay replay)
    {
        final StringBuilder text = new StringBuilder(1024);
        text.append(String.format(Locale.ROOT, "%s (stock locate %d) at the end of %s: %,d orders, %d bid and %d ask levels%n",
            symbol, book.locate(), file.getFileName(), book.orders(), book.bids().levels(), book.asks().levels()));
        text.append(String.format(Locale.ROOT, "%8s %12s %14s | %-14s %12s %8s%n", "orders", "shares", "bid", "ask", "shares", "orders"));
        final int rows = Math.max(book.bids().levels(), book.asks().levels());
        for (int rank = 0; rank < rows; rank++)
        {
            if (rank < book.bids().levels())
            {
                final PriceLevel bid = book.bids().level(rank);
                text.append(String.format(Locale.ROOT, "%8d %12d %14s", bid.orders(), bid.shares(), Prices.format(bid.price())));
            }
            else
            {
                text.append(String.format(Locale.ROOT, "%8s %12s %14s", "", "", ""));
            }
            text.append(" | ");
            if (rank < book.asks().levels())
            {
                final PriceLevel ask = book.asks().level(rank);
                text.append(String.format(Locale.ROOT, "%-14s %12d %8d", Prices.format(ask.price()), ask.shares(), ask.orders()));
            }
            text.append(System.lineSeparator());
        }
        if (replay.quoteSequence == 0)
        {
            text.append("last quote: none").append(System.lineSeparator());
        }
        else
        {
            text.append(String.format(Locale.ROOT, "last quote: message %d: bid %s, ask %s%n", replay.quoteSequence,
                side(replay.quoteBidPrice, replay.quoteBidShares, replay.quoteBidOrders),
                side(replay.quoteAskPrice, replay.quoteAskShares, replay.quoteAskOrders)));
        }
        if (replay.tradeSequence == 0)
        {
            text.append("last trade: none");
        }
        else
        {
            text.append(String.format(Locale.ROOT, "last trade: message %d: %s %d @ %s, match %s%s%s", replay.tradeSequence,
                replay.tradeSource, replay.tradeShares, Prices.format(replay.tradePrice), Long.toUnsignedString(replay.tradeMatch),
                replay.tradeSide == 0 ? "" : ", resting side " + (char)replay.tradeSide, replay.tradePrintable ? "" : ", not printable"));
        }
        return text.toString();
    }

    private static String side(final long price, final long shares, final int orders)
    {
        return price == OrderBook.NO_PRICE ? "none" :
            String.format(Locale.ROOT, "%d @ %s (%d order%s)", shares, Prices.format(price), orders, orders == 1 ? "" : "s");
    }

    /** Reads the file into the books and keeps the symbol's last quote and trade. */
    private static final class Replay implements FeedFileListener, ItchListener, BookListener
    {
        final OrderBooks books = new OrderBooks(this);
        final BookBuilder builder = new BookBuilder(books);
        final ItchMessageDispatcher dispatcher = new ItchMessageDispatcher(this);
        final long stock;
        int locate;
        long sequence;
        String defect;

        long quoteSequence;
        long quoteBidPrice;
        long quoteBidShares;
        int quoteBidOrders;
        long quoteAskPrice;
        long quoteAskShares;
        int quoteAskOrders;

        long tradeSequence;
        String tradeSource;
        long tradePrice;
        long tradeShares;
        long tradeMatch;
        byte tradeSide;
        boolean tradePrintable;

        Replay(final long stock)
        {
            this.stock = stock;
        }

        @Override
        public void onMessage(final long sequenceNumber, final DirectBuffer buffer, final int offset, final int length,
            final long sourceOffset)
        {
            sequence = sequenceNumber;
            dispatcher.dispatch(buffer, offset, length);
        }

        @Override
        public void onDefect(final long sourceOffset, final String reason)
        {
            if (defect == null)
            {
                defect = "offset " + sourceOffset + ": " + reason;
            }
        }

        private void named(final int locate, final long stock)
        {
            if (stock == this.stock)
            {
                this.locate = locate;
            }
        }

        @Override
        public void onStockDirectory(final StockDirectory message)
        {
            named(message.stockLocate(), message.stock());
            builder.onStockDirectory(message);
        }

        @Override
        public void onAddOrder(final AddOrder message)
        {
            named(message.stockLocate(), message.stock());
            builder.onAddOrder(message);
        }

        @Override
        public void onAddOrderMpid(final AddOrderMpid message)
        {
            named(message.stockLocate(), message.stock());
            builder.onAddOrderMpid(message);
        }

        @Override
        public void onOrderExecuted(final OrderExecuted message)
        {
            builder.onOrderExecuted(message);
        }

        @Override
        public void onOrderExecutedWithPrice(final OrderExecutedWithPrice message)
        {
            builder.onOrderExecutedWithPrice(message);
        }

        @Override
        public void onOrderCancel(final OrderCancel message)
        {
            builder.onOrderCancel(message);
        }

        @Override
        public void onOrderDelete(final OrderDelete message)
        {
            builder.onOrderDelete(message);
        }

        @Override
        public void onOrderReplace(final OrderReplace message)
        {
            builder.onOrderReplace(message);
        }

        @Override
        public void onTrade(final Trade message)
        {
            if (message.stock() == stock)
            {
                named(message.stockLocate(), message.stock());
                trade("NON_CROSS", message.price(), message.shares(), message.matchNumber(), message.side(), true);
            }
        }

        @Override
        public void onCrossTrade(final CrossTrade message)
        {
            if (message.stock() == stock)
            {
                named(message.stockLocate(), message.stock());
                trade("CROSS", message.crossPrice(), message.shares(), message.matchNumber(), (byte)0, true);
            }
        }

        @Override
        public void onTrade(final OrderBook book, final long orderReference, final byte side, final long price,
            final long shares, final long matchNumber, final boolean withPrice, final boolean printable)
        {
            if (book.locate() == locate && locate != 0)
            {
                trade(withPrice ? "EXECUTION_WITH_PRICE" : "EXECUTION", price, shares, matchNumber, side, printable);
            }
        }

        private void trade(final String source, final long price, final long shares, final long match, final byte side,
            final boolean printable)
        {
            tradeSequence = sequence;
            tradeSource = source;
            tradePrice = price;
            tradeShares = shares;
            tradeMatch = match;
            tradeSide = side;
            tradePrintable = printable;
        }

        @Override
        public void onTopOfBookChanged(final OrderBook book)
        {
            if (book.locate() == locate && locate != 0)
            {
                quoteSequence = sequence;
                quoteBidPrice = book.bestBidPrice();
                quoteBidShares = book.bestBidShares();
                quoteBidOrders = book.bestBidOrders();
                quoteAskPrice = book.bestAskPrice();
                quoteAskShares = book.bestAskShares();
                quoteAskOrders = book.bestAskOrders();
            }
        }

        @Override
        public void onAnomaly(final BookAnomaly anomaly, final int locate, final long orderReference)
        {
            // A file that starts mid-day names orders added before it: nothing to show.
        }
    }
}
