package io.feedhandler.pipeline;

import com.lmax.disruptor.EventHandler;
import io.feedhandler.avro.OrderEventEncoder;
import io.feedhandler.avro.QuoteEncoder;
import io.feedhandler.avro.QuoteLevels;
import io.feedhandler.avro.RecordHeader;
import io.feedhandler.avro.RecordSchema;
import io.feedhandler.avro.ReferenceDataEncoder;
import io.feedhandler.avro.StatusEncoder;
import io.feedhandler.avro.StatusType;
import io.feedhandler.avro.TradeEncoder;
import io.feedhandler.avro.TradeSource;
import io.feedhandler.book.BookAnomaly;
import io.feedhandler.book.BookListener;
import io.feedhandler.book.BookSide;
import io.feedhandler.book.OrderBook;
import io.feedhandler.book.OrderBooks;
import io.feedhandler.book.PriceLevel;
import io.feedhandler.config.BookSettings;
import io.feedhandler.avro.WireFormat;
import io.feedhandler.itch50.AddOrder;
import io.feedhandler.itch50.AddOrderMpid;
import io.feedhandler.itch50.BrokenTrade;
import io.feedhandler.itch50.CrossTrade;
import io.feedhandler.itch50.DlcrPriceDiscovery;
import io.feedhandler.itch50.IpoQuotingPeriodUpdate;
import io.feedhandler.itch50.ItchListener;
import io.feedhandler.itch50.ItchMessage;
import io.feedhandler.itch50.ItchMessageDispatcher;
import io.feedhandler.itch50.ItchMessageType;
import io.feedhandler.itch50.LuldAuctionCollar;
import io.feedhandler.itch50.MarketParticipantPosition;
import io.feedhandler.itch50.MwcbDeclineLevel;
import io.feedhandler.itch50.MwcbStatus;
import io.feedhandler.itch50.Noii;
import io.feedhandler.itch50.OperationalHalt;
import io.feedhandler.itch50.OrderCancel;
import io.feedhandler.itch50.OrderDelete;
import io.feedhandler.itch50.OrderExecuted;
import io.feedhandler.itch50.OrderExecutedWithPrice;
import io.feedhandler.itch50.OrderReplace;
import io.feedhandler.itch50.RegShoRestriction;
import io.feedhandler.itch50.Rpii;
import io.feedhandler.itch50.StockDirectory;
import io.feedhandler.itch50.StockTradingAction;
import io.feedhandler.itch50.SystemEvent;
import io.feedhandler.itch50.Trade;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Stage 2: turns each in-sequence ITCH message into its Avro records, framed by the wire format,
 * into the event's own preallocated record buffer: order events (A F E C X D U), trades (P Q),
 * reference data (R), status (S H Y L V W K J h I N O B), and a GAP status record ahead of the
 * first message after a gap. It also keeps the order books ({@link OrderBooks}) on this thread:
 * an order event updates its book after its own record is written, and the book's trade (E, C)
 * and quote (top of book changed) follow it in the same event.
 *
 * <pre>
 *  one event's records, in order (at most {@link EncodedRecords#MAX_RECORDS}):
 *  [GAP status]  order event (A F E C X D U)  [trade (E C)]  [quote (top changed)]
 * </pre>
 *
 * <p>Order events the book cannot apply (an unknown reference, an execution larger than the
 * order) keep their order event record and are counted in {@link PipelineCounters#bookAnomalies};
 * they are not malformed input, so they do not go to the DLQ.
 *
 * <p>A message flagged {@code rebuild} (below the checkpoint after a restart, see
 * {@link Sequencer#rebuildThrough}) goes through the books and the symbol table like any other;
 * the publisher does not send its records (it was published before the restart). A line status
 * flagged so has nothing to rebuild and is skipped.
 *
 * <p>Malformed messages (unknown type, wrong length) are not encoded: the event is marked failed
 * and the publisher sends its raw bytes to the DLQ. Nothing here allocates per message.
 */
public final class RecordEncoderStage implements EventHandler<FeedEvent>, ItchListener
{
    private static final byte[] GAP_DETAIL = "sequence numbers missing from the feed".getBytes(StandardCharsets.US_ASCII);

    /** Upper bound of one framed record (the largest, a status record with every field, is far below). */
    private static final int MAX_RECORD_LENGTH = 320;
    private static final byte[] NO_SYMBOL = new byte[0];
    private static final byte PRINTABLE = 'Y';

    private final ItchMessageDispatcher dispatcher = new ItchMessageDispatcher(this);
    private final RecordHeader header = new RecordHeader();
    private final OrderEventEncoder orders = new OrderEventEncoder();
    private final TradeEncoder trades = new TradeEncoder();
    private final ReferenceDataEncoder referenceData = new ReferenceDataEncoder();
    private final StatusEncoder status = new StatusEncoder();
    private final QuoteEncoder quotes = new QuoteEncoder();
    private final QuoteLevels bidLevels;
    private final QuoteLevels askLevels;
    private final int depthLevels;
    private final PipelineCounters counters;
    private final OrderBooks books;
    private final WireFormat wireFormat;
    private final StreamRegistry streams;
    private final SymbolTable symbols;
    private int headerStream = -1;
    private FeedEvent event;
    private int statusStart;

    /**
     * @param exchange   name written into every record.
     * @param tradeDate  date of the session: ITCH timestamps count from its midnight.
     * @param zone       the exchange's time zone.
     * @param wireFormat framing written ahead of every record.
     * @param streams    stream names.
     * @param symbols    locate to symbol, learned here and read by the publisher.
     */
    public RecordEncoderStage(final String exchange, final LocalDate tradeDate, final ZoneId zone,
        final WireFormat wireFormat, final StreamRegistry streams, final SymbolTable symbols)
    {
        this(exchange, tradeDate, zone, wireFormat, streams, symbols, 0, new PipelineCounters());
    }

    /**
     * @param exchange    name written into every record.
     * @param tradeDate   date of the session: ITCH timestamps count from its midnight.
     * @param zone        the exchange's time zone.
     * @param wireFormat  framing written ahead of every record.
     * @param streams     stream names.
     * @param symbols     locate to symbol, learned here and read by the publisher.
     * @param depthLevels price levels per side in each quote (0: top of book only), at most
     *                    {@link BookSettings#MAX_DEPTH_LEVELS}.
     * @param counters    where book anomalies are counted.
     */
    public RecordEncoderStage(final String exchange, final LocalDate tradeDate, final ZoneId zone,
        final WireFormat wireFormat, final StreamRegistry streams, final SymbolTable symbols, final int depthLevels,
        final PipelineCounters counters)
    {
        if (depthLevels < 0 || depthLevels > BookSettings.MAX_DEPTH_LEVELS)
        {
            throw new IllegalArgumentException("quote depth must be 0 to " +
                BookSettings.MAX_DEPTH_LEVELS + " levels, got " + depthLevels);
        }
        this.depthLevels = depthLevels;
        this.bidLevels = new QuoteLevels(Math.max(1, depthLevels));
        this.askLevels = new QuoteLevels(Math.max(1, depthLevels));
        this.counters = counters;
        this.books = new OrderBooks(new BookRecords(), depthLevels, 1 << 16);
        this.wireFormat = wireFormat;
        this.streams = streams;
        this.symbols = symbols;
        this.header.exchange(exchange).tradeDate(tradeDate, zone);
    }

    @Override
    public void onEvent(final FeedEvent event, final long ringSequence, final boolean endOfBatch)
    {
        if ((event.kind != FeedEvent.MESSAGE && event.kind != FeedEvent.LINE_STATUS) || event.duplicate)
        {
            return;
        }
        this.event = event;
        if (event.stream != headerStream)
        {
            header.session(streams.name(event.stream));
            headerStream = event.stream;
        }
        if (event.kind == FeedEvent.LINE_STATUS)
        {
            if (!event.rebuild)
            {
                lineStatus(event);
            }
            this.event = null;
            return;
        }
        header.sequence(event.sequence).receiveTimestampNanos(event.receiveTimestampNanos);
        if (event.gapFrom != 0)
        {
            header.marketWide().stockLocate(0).trackingNumber(0).exchangeTimestampNanos(event.receiveTimestampNanos)
                .sequence(event.gapFrom);
            final int start = begin(RecordSchema.STATUS);
            commit(RecordSchema.STATUS, 0, start,
                status.encodeGap(header, event.gapFrom, event.gapTo, GAP_DETAIL, buffer(), start));
            header.sequence(event.sequence);
        }
        dispatcher.dispatch(event.payload, 0, event.payloadLength);
        this.event = null;
    }

    /** A line's own event: market-wide, stamped with the time the handler raised it. */
    private void lineStatus(final FeedEvent event)
    {
        final long sequence = event.lineStatus == StatusType.STALE_LINE ? event.sequence + 1 : event.gapFrom;
        header.marketWide().stockLocate(0).trackingNumber(0).exchangeTimestampNanos(event.receiveTimestampNanos)
            .receiveTimestampNanos(event.receiveTimestampNanos).sequence(sequence);
        final int start = begin(RecordSchema.STATUS);
        final int length = switch (event.lineStatus)
        {
            case GAP -> status.encodeGap(header, event.gapFrom, event.gapTo, event.detail, buffer(), start);
            case LOCAL_OVERLOAD -> status.encodeLocalOverload(header, event.gapFrom, event.gapTo, event.detail, buffer(), start);
            case STALE_LINE -> status.encodeStaleLine(header, event.detail, buffer(), start);
            default -> throw new IllegalStateException("not a line status: " + event.lineStatus);
        };
        commit(RecordSchema.STATUS, 0, start, length);
    }

    @Override
    public void onSystemEvent(final SystemEvent message)
    {
        status(message, 0);
        commit(RecordSchema.STATUS, 0, statusStart, status.encode(header, message, buffer(), statusStart));
    }

    @Override
    public void onStockDirectory(final StockDirectory message)
    {
        final int start = stock(message, message.stock(), RecordSchema.REFERENCE_DATA);
        commit(RecordSchema.REFERENCE_DATA, message.stockLocate(), start, referenceData.encode(header, message, buffer(), start));
        books.name(message.stockLocate(), message.stock());
    }

    @Override
    public void onStockTradingAction(final StockTradingAction message)
    {
        status(message, message.stock());
        commit(RecordSchema.STATUS, message.stockLocate(), statusStart, status.encode(header, message, buffer(), statusStart));
    }

    @Override
    public void onRegShoRestriction(final RegShoRestriction message)
    {
        status(message, message.stock());
        commit(RecordSchema.STATUS, message.stockLocate(), statusStart, status.encode(header, message, buffer(), statusStart));
    }

    @Override
    public void onMarketParticipantPosition(final MarketParticipantPosition message)
    {
        status(message, message.stock());
        commit(RecordSchema.STATUS, message.stockLocate(), statusStart, status.encode(header, message, buffer(), statusStart));
    }

    @Override
    public void onMwcbDeclineLevel(final MwcbDeclineLevel message)
    {
        status(message, 0);
        commit(RecordSchema.STATUS, 0, statusStart, status.encode(header, message, buffer(), statusStart));
    }

    @Override
    public void onMwcbStatus(final MwcbStatus message)
    {
        status(message, 0);
        commit(RecordSchema.STATUS, 0, statusStart, status.encode(header, message, buffer(), statusStart));
    }

    @Override
    public void onIpoQuotingPeriodUpdate(final IpoQuotingPeriodUpdate message)
    {
        status(message, message.stock());
        commit(RecordSchema.STATUS, message.stockLocate(), statusStart, status.encode(header, message, buffer(), statusStart));
    }

    @Override
    public void onLuldAuctionCollar(final LuldAuctionCollar message)
    {
        status(message, message.stock());
        commit(RecordSchema.STATUS, message.stockLocate(), statusStart, status.encode(header, message, buffer(), statusStart));
    }

    @Override
    public void onOperationalHalt(final OperationalHalt message)
    {
        status(message, message.stock());
        commit(RecordSchema.STATUS, message.stockLocate(), statusStart, status.encode(header, message, buffer(), statusStart));
    }

    @Override
    public void onNoii(final Noii message)
    {
        status(message, message.stock());
        commit(RecordSchema.STATUS, message.stockLocate(), statusStart, status.encode(header, message, buffer(), statusStart));
    }

    @Override
    public void onRpii(final Rpii message)
    {
        status(message, message.stock());
        commit(RecordSchema.STATUS, message.stockLocate(), statusStart, status.encode(header, message, buffer(), statusStart));
    }

    @Override
    public void onDlcrPriceDiscovery(final DlcrPriceDiscovery message)
    {
        status(message, message.stock());
        commit(RecordSchema.STATUS, message.stockLocate(), statusStart, status.encode(header, message, buffer(), statusStart));
    }

    @Override
    public void onBrokenTrade(final BrokenTrade message)
    {
        status(message, symbols.symbol(message.stockLocate()));
        commit(RecordSchema.STATUS, message.stockLocate(), statusStart, status.encode(header, message, buffer(), statusStart));
    }

    @Override
    public void onAddOrder(final AddOrder message)
    {
        final int start = stock(message, message.stock(), RecordSchema.ORDER_EVENT);
        commit(RecordSchema.ORDER_EVENT, message.stockLocate(), start, orders.encode(header, message, buffer(), start));
        books.add(message.stockLocate(), message.orderReferenceNumber(), message.side(), message.shares(), message.price());
    }

    @Override
    public void onAddOrderMpid(final AddOrderMpid message)
    {
        final int start = stock(message, message.stock(), RecordSchema.ORDER_EVENT);
        commit(RecordSchema.ORDER_EVENT, message.stockLocate(), start, orders.encode(header, message, buffer(), start));
        books.add(message.stockLocate(), message.orderReferenceNumber(), message.side(), message.shares(), message.price());
    }

    @Override
    public void onOrderExecuted(final OrderExecuted message)
    {
        final int start = located(message, RecordSchema.ORDER_EVENT);
        commit(RecordSchema.ORDER_EVENT, message.stockLocate(), start, orders.encode(header, message, buffer(), start));
        books.execute(message.stockLocate(), message.orderReferenceNumber(), message.executedShares(), message.matchNumber());
    }

    @Override
    public void onOrderExecutedWithPrice(final OrderExecutedWithPrice message)
    {
        final int start = located(message, RecordSchema.ORDER_EVENT);
        commit(RecordSchema.ORDER_EVENT, message.stockLocate(), start, orders.encode(header, message, buffer(), start));
        books.executeWithPrice(message.stockLocate(), message.orderReferenceNumber(), message.executedShares(),
            message.matchNumber(), message.executionPrice(), message.printable() == PRINTABLE);
    }

    @Override
    public void onOrderCancel(final OrderCancel message)
    {
        final int start = located(message, RecordSchema.ORDER_EVENT);
        commit(RecordSchema.ORDER_EVENT, message.stockLocate(), start, orders.encode(header, message, buffer(), start));
        books.cancel(message.stockLocate(), message.orderReferenceNumber(), message.cancelledShares());
    }

    @Override
    public void onOrderDelete(final OrderDelete message)
    {
        final int start = located(message, RecordSchema.ORDER_EVENT);
        commit(RecordSchema.ORDER_EVENT, message.stockLocate(), start, orders.encode(header, message, buffer(), start));
        books.delete(message.stockLocate(), message.orderReferenceNumber());
    }

    @Override
    public void onOrderReplace(final OrderReplace message)
    {
        final int start = located(message, RecordSchema.ORDER_EVENT);
        commit(RecordSchema.ORDER_EVENT, message.stockLocate(), start, orders.encode(header, message, buffer(), start));
        books.replace(message.stockLocate(), message.originalOrderReferenceNumber(), message.newOrderReferenceNumber(),
            message.shares(), message.price());
    }

    @Override
    public void onTrade(final Trade message)
    {
        final int start = stock(message, message.stock(), RecordSchema.TRADE);
        commit(RecordSchema.TRADE, message.stockLocate(), start, trades.encode(header, message, buffer(), start));
    }

    @Override
    public void onCrossTrade(final CrossTrade message)
    {
        final int start = stock(message, message.stock(), RecordSchema.TRADE);
        commit(RecordSchema.TRADE, message.stockLocate(), start, trades.encode(header, message, buffer(), start));
    }

    @Override
    public void onUnknownType(final byte type, final DirectBuffer buffer, final int offset, final int length)
    {
        event.fail("message type '" + ItchMessageType.describe(type) + "' unknown");
    }

    @Override
    public void onLengthMismatch(
        final byte type, final int expectedLength, final DirectBuffer buffer, final int offset, final int length)
    {
        event.fail("message type '" + ItchMessageType.describe(type) + "' is " + expectedLength +
            " bytes but its framing says " + length);
    }

    @Override
    public void onEmptyMessage(final DirectBuffer buffer, final int offset)
    {
        event.fail("empty message");
    }

    private void status(final ItchMessage<?> message, final long stock)
    {
        statusStart = stock == 0 && message.stockLocate() == 0 ?
            market(message) : stock(message, stock, RecordSchema.STATUS);
    }

    private int market(final ItchMessage<?> message)
    {
        header.marketWide().itchHeader(message);
        return begin(RecordSchema.STATUS);
    }

    private int stock(final ItchMessage<?> message, final long stock, final RecordSchema schema)
    {
        header.itchHeader(message);
        if (stock == 0)
        {
            header.symbol(NO_SYMBOL, 0, 0);
        }
        else
        {
            symbols.learn(message.stockLocate(), stock);
            header.symbol(stock);
        }
        return begin(schema);
    }

    private int located(final ItchMessage<?> message, final RecordSchema schema)
    {
        return stock(message, symbols.symbol(message.stockLocate()), schema);
    }

    private UnsafeBuffer buffer()
    {
        return event.records.buffer();
    }

    private int begin(final RecordSchema schema)
    {
        return begin(schema, MAX_RECORD_LENGTH);
    }

    private int begin(final RecordSchema schema, final int maxBodyLength)
    {
        if (!event.records.hasRoom(wireFormat.prefixLength() + maxBodyLength))
        {
            throw new IllegalStateException("no room for another record in the event (" + event.records.count() + " written)");
        }
        final int offset = event.records.limit();
        return offset + wireFormat.writePrefix(event.records.buffer(), offset, schema);
    }

    /** @return the books this stage keeps (read them on this stage's thread only, or after the ring has stopped). */
    public OrderBooks books()
    {
        return books;
    }

    /** The book's trades and quotes, written after the order event that caused them. */
    private final class BookRecords implements BookListener
    {
        @Override
        public void onTrade(final OrderBook book, final long orderReference, final byte side, final long price,
            final long shares, final long matchNumber, final boolean withPrice, final boolean printable)
        {
            final int start = begin(RecordSchema.TRADE, TradeEncoder.maxEncodedLength(header));
            commit(RecordSchema.TRADE, book.locate(), start, trades.encodeExecution(header,
                withPrice ? TradeSource.EXECUTION_WITH_PRICE : TradeSource.EXECUTION, matchNumber, shares, price,
                side == 0 ? TradeEncoder.UNKNOWN_SIDE : side, printable, orderReference, buffer(), start));
        }

        @Override
        public void onTopOfBookChanged(final OrderBook book)
        {
            final int start = begin(RecordSchema.QUOTE, QuoteEncoder.maxEncodedLength(header, 2 * depthLevels));
            final int length;
            if (depthLevels == 0)
            {
                length = quotes.encode(header,
                    book.bestBidPrice() == OrderBook.NO_PRICE ? QuoteEncoder.NO_PRICE : book.bestBidPrice(),
                    book.bestBidShares(), book.bestBidOrders(),
                    book.bestAskPrice() == OrderBook.NO_PRICE ? QuoteEncoder.NO_PRICE : book.bestAskPrice(),
                    book.bestAskShares(), book.bestAskOrders(), buffer(), start);
            }
            else
            {
                length = quotes.encode(header, levels(book.bids(), bidLevels), levels(book.asks(), askLevels), buffer(), start);
            }
            commit(RecordSchema.QUOTE, book.locate(), start, length);
        }

        @Override
        public void onAnomaly(final BookAnomaly anomaly, final int locate, final long orderReference)
        {
            counters.bookAnomalies[anomaly.ordinal()].increment();
        }

        private QuoteLevels levels(final BookSide side, final QuoteLevels levels)
        {
            levels.clear();
            final int count = Math.min(depthLevels, side.levels());
            for (int rank = 0; rank < count; rank++)
            {
                final PriceLevel level = side.level(rank);
                levels.add(level.price(), level.shares(), level.orders());
            }
            return levels;
        }
    }

    private void commit(final RecordSchema schema, final int locate, final int bodyStart, final int bodyLength)
    {
        final int offset = event.records.limit();
        event.records.commit(schema, locate, symbols.key(locate), bodyStart - offset + bodyLength);
    }
}
