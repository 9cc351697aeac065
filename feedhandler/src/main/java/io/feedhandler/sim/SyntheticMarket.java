package io.feedhandler.sim;

import io.feedhandler.itch50.AddOrder;
import io.feedhandler.itch50.AddOrderMpid;
import io.feedhandler.itch50.BrokenTrade;
import io.feedhandler.itch50.CrossTrade;
import io.feedhandler.itch50.ItchMessage;
import io.feedhandler.itch50.ItchMessageType;
import io.feedhandler.itch50.MarketParticipantPosition;
import io.feedhandler.itch50.MwcbDeclineLevel;
import io.feedhandler.itch50.Noii;
import io.feedhandler.itch50.OrderCancel;
import io.feedhandler.itch50.OrderDelete;
import io.feedhandler.itch50.OrderExecuted;
import io.feedhandler.itch50.OrderExecutedWithPrice;
import io.feedhandler.itch50.OrderReplace;
import io.feedhandler.itch50.RegShoRestriction;
import io.feedhandler.itch50.Rpii;
import io.feedhandler.itch50.Side;
import io.feedhandler.itch50.StockDirectory;
import io.feedhandler.itch50.StockTradingAction;
import io.feedhandler.itch50.SystemEvent;
import io.feedhandler.itch50.Trade;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * A seeded, deterministic TotalView-ITCH 5.0 day: the same seed, symbol count and message count
 * always give the same bytes.
 *
 * <pre>
 * 03:00  S 'O'   R + H per symbol (locates 1..N)   V
 * 04:00  S 'S'   pre-market order flow ............................  8 % of the flow
 * 09:28  I per symbol (opening cross)
 * 09:30  S 'Q'   Q 'O' per symbol   regular order flow ............ 82 %
 * 15:50  I per symbol (closing cross)    order flow ...............  5 %
 * 16:00  S 'M'   Q 'C' per symbol   post-market order flow ........  5 %
 * 20:00  S 'E'
 * 20:05  S 'C'   then {@link #next} returns 0
 * </pre>
 *
 * <p>Order flow draws each message from a mix close to a real NASDAQ day (in basis points of the
 * flow): A 4000, F 200, D 3800, U 800, E 400, X 200, C 20, P 100, I 250, and 50 each of H, Y, N, L,
 * 30 of B. It keeps a book of live orders, so E, C, X, D and U only ever name a live order; an
 * execution or cancel never takes more shares than remain, X always leaves some, U keeps the side
 * and stock, and an order is dead after D, U or its last share executing. When the drawn message
 * needs a live order and there is none, an A is written instead; when the book is full, a D. Timestamps
 * never go back.
 *
 * <p>The book and the symbol table are primitive arrays sized in the constructor: {@link #next}
 * allocates nothing.
 */
public final class SyntheticMarket
{
    /** Most symbols a day can have: stock locates are uint16 and 0 is market-wide. */
    public static final int MAX_SYMBOLS = 65_535;

    /** Messages of a day's fixed schedule for one symbol: R, H, opening I and Q, closing I and Q. */
    public static final int SCHEDULED_MESSAGES_PER_SYMBOL = 6;

    /** Messages of a day's fixed schedule not tied to a symbol: six S and one V. */
    public static final int SCHEDULED_MARKET_WIDE_MESSAGES = 7;

    /** Order-flow messages of a day made with {@link #SyntheticMarket(long, int)}. */
    public static final long DEFAULT_ORDER_FLOW = 1_000_000;

    /** Share of each order-flow message type in basis points (sums to 10 000). */
    static final String MIX = "A4000 F200 D3800 U800 E400 X200 C20 P100 I250 H50 Y50 N50 L50 B30";

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long BURST_SPACING = 1_000;
    private static final int TICK = 100;
    private static final int LOT = 100;
    private static final int NO_REASON = 0x2020_2020;

    private static final int START_OF_MESSAGES = 0;
    private static final int DIRECTORY = 1;
    private static final int MWCB_LEVELS = 2;
    private static final int START_OF_SYSTEM_HOURS = 3;
    private static final int PRE_MARKET = 4;
    private static final int OPENING_IMBALANCE = 5;
    private static final int START_OF_MARKET_HOURS = 6;
    private static final int OPENING_CROSS = 7;
    private static final int MARKET_HOURS = 8;
    private static final int CLOSING_IMBALANCE = 9;
    private static final int CLOSING_FLOW = 10;
    private static final int END_OF_MARKET_HOURS = 11;
    private static final int CLOSING_CROSS = 12;
    private static final int POST_MARKET = 13;
    private static final int END_OF_SYSTEM_HOURS = 14;
    private static final int END_OF_MESSAGES = 15;
    private static final int PHASES = 16;

    /** Clock time each phase is scheduled for; 0 means "right after the previous phase". */
    private static final long[] SCHEDULE = {
        3 * HOUR, 0, 0, 4 * HOUR, 0, 9 * HOUR + 28 * MINUTE, 9 * HOUR + 30 * MINUTE, 0, 0,
        15 * HOUR + 50 * MINUTE, 0, 16 * HOUR, 0, 0, 20 * HOUR, 20 * HOUR + 5 * MINUTE};
    private static final boolean[] FLOW = {
        false, false, false, false, true, false, false, false, true, false, true, false, false, true, false, false};
    private static final int[] FLOW_PERCENT = {0, 0, 0, 0, 8, 0, 0, 0, 82, 0, 5, 0, 0, 5, 0, 0};
    private static final byte[] MIX_TYPES;
    private static final int[] MIX_CUTS;
    private static final int[] MPIDS = {0x4E534451, 0x4753434F, 0x4D4C434F, 0x55425353, 0x4E495445};

    static
    {
        final String[] entries = MIX.split(" ");
        MIX_TYPES = new byte[entries.length];
        MIX_CUTS = new int[entries.length];
        int cut = 0;
        for (int i = 0; i < entries.length; i++)
        {
            MIX_TYPES[i] = (byte)entries[i].charAt(0);
            cut += Integer.parseInt(entries[i].substring(1));
            MIX_CUTS[i] = cut;
        }
        if (cut != 10_000)
        {
            throw new ExceptionInInitializerError("order-flow mix sums to " + cut + " basis points, not 10 000");
        }
    }

    private final SystemEvent systemEvent = new SystemEvent();
    private final StockDirectory stockDirectory = new StockDirectory();
    private final StockTradingAction stockTradingAction = new StockTradingAction();
    private final RegShoRestriction regShoRestriction = new RegShoRestriction();
    private final MarketParticipantPosition marketParticipantPosition = new MarketParticipantPosition();
    private final MwcbDeclineLevel mwcbDeclineLevel = new MwcbDeclineLevel();
    private final AddOrder addOrder = new AddOrder();
    private final AddOrderMpid addOrderMpid = new AddOrderMpid();
    private final OrderExecuted orderExecuted = new OrderExecuted();
    private final OrderExecutedWithPrice orderExecutedWithPrice = new OrderExecutedWithPrice();
    private final OrderCancel orderCancel = new OrderCancel();
    private final OrderDelete orderDelete = new OrderDelete();
    private final OrderReplace orderReplace = new OrderReplace();
    private final Trade trade = new Trade();
    private final CrossTrade crossTrade = new CrossTrade();
    private final BrokenTrade brokenTrade = new BrokenTrade();
    private final Noii noii = new Noii();
    private final Rpii rpii = new Rpii();

    private final int symbols;
    private final long totalMessages;
    private final long[] stocks;
    private final int[] referencePrices;
    private final long[] phaseLength = new long[PHASES];
    private final long[] phaseStart = new long[PHASES];
    private final long[] phaseStep = new long[PHASES];

    private final long[] orderReferences;
    private final int[] orderLocates;
    private final int[] orderShares;
    private final int[] orderPrices;
    private final byte[] orderSides;
    private int liveOrders;

    private long random;
    private int phase;
    private long step;
    private long timestamp;
    private long messages;
    private long lastOrderReference;
    private long lastMatchNumber;
    private int lastMatchLocate;

    /**
     * A day with {@link #DEFAULT_ORDER_FLOW} order-flow messages after the fixed schedule.
     *
     * @param seed    of the day; the same seed gives the same day.
     * @param symbols securities in the directory, 1 to {@link #MAX_SYMBOLS}.
     */
    public SyntheticMarket(final long seed, final int symbols)
    {
        this(seed, symbols, scheduledMessages(symbols) + DEFAULT_ORDER_FLOW);
    }

    /**
     * @param seed     of the day; the same seed gives the same day.
     * @param symbols  securities in the directory, 1 to {@link #MAX_SYMBOLS}.
     * @param messages in the whole day, at least {@link #scheduledMessages(int)}; the rest is order flow.
     */
    public SyntheticMarket(final long seed, final int symbols, final long messages)
    {
        if (symbols < 1 || symbols > MAX_SYMBOLS)
        {
            throw new IllegalArgumentException("symbols must be 1 to " + MAX_SYMBOLS + ", got " + symbols);
        }
        final long flow = messages - scheduledMessages(symbols);
        if (flow < 0)
        {
            throw new IllegalArgumentException("a day with " + symbols + " symbols has at least " +
                scheduledMessages(symbols) + " messages, got " + messages);
        }
        this.symbols = symbols;
        this.totalMessages = messages;
        this.random = seed;

        stocks = new long[symbols];
        referencePrices = new int[symbols];
        for (int i = 0; i < symbols; i++)
        {
            stocks[i] = symbol(i + 1);
            // Log-uniform from $1 to $500, in whole cents.
            final double dollars = Math.exp(nextDouble() * Math.log(500));
            referencePrices[i] = (int)Math.round(dollars * 100) * TICK;
        }

        final int capacity = (int)Math.min(1 << 20, Math.max(1 << 12, symbols * 256L));
        orderReferences = new long[capacity];
        orderLocates = new int[capacity];
        orderShares = new int[capacity];
        orderPrices = new int[capacity];
        orderSides = new byte[capacity];

        schedule(symbols, flow);
    }

    /**
     * @param symbols securities in the directory.
     * @return messages of the fixed schedule of a day with that many symbols (no order flow).
     */
    public static long scheduledMessages(final int symbols)
    {
        return SCHEDULED_MARKET_WIDE_MESSAGES + (long)SCHEDULED_MESSAGES_PER_SYMBOL * symbols;
    }

    /**
     * The stock symbol a locate gets: bijective base 26, so 1 is {@code A}, 26 {@code Z}, 27
     * {@code AA} and 65 535 {@code CRXO}.
     *
     * @param locate 1 to {@link #MAX_SYMBOLS}.
     * @return the packed, space-padded symbol.
     */
    public static long symbol(final int locate)
    {
        long letters = 0;
        int length = 0;
        for (int n = locate; n > 0; n = (n - 1) / 26)
        {
            letters |= (long)('A' + (n - 1) % 26) << (8 * length);
            length++;
        }
        long stock = letters << (8 * (8 - length));
        for (int i = length; i < 8; i++)
        {
            stock |= (long)' ' << (8 * (7 - i));
        }
        return stock;
    }

    /**
     * Write the next message of the day.
     *
     * @param buffer to write into; needs {@link ItchMessageType#MAX_LENGTH} bytes from offset.
     * @param offset of the message's type byte.
     * @return length of the message written, or 0 once the day is over.
     */
    public int next(final MutableDirectBuffer buffer, final int offset)
    {
        while (phase < PHASES)
        {
            if (step < phaseLength[phase])
            {
                final long index = step++;
                timestamp = Math.max(timestamp, timeOf(index));
                messages++;
                return write(buffer, offset, (int)Math.min(index, Integer.MAX_VALUE));
            }
            phase++;
            step = 0;
        }
        return 0;
    }

    /** @return true once the last message (S 'C') has been written. */
    public boolean isFinished()
    {
        return messages == totalMessages;
    }

    /** @return messages written so far. */
    public long messagesWritten()
    {
        return messages;
    }

    /** @return messages in the whole day. */
    public long totalMessages()
    {
        return totalMessages;
    }

    /** @return securities in the directory (locates 1 to this). */
    public int symbols()
    {
        return symbols;
    }

    /** @return orders on the book now. */
    public int liveOrders()
    {
        return liveOrders;
    }

    /**
     * Write a whole day as NASDAQ BinaryFILE: each message behind its 2-byte big-endian length.
     *
     * @param market the day to write, from where it stands.
     * @param out    receives the records; flushed, not closed.
     * @return messages written.
     * @throws IOException if the stream fails.
     */
    public static long writeBinaryFile(final SyntheticMarket market, final OutputStream out) throws IOException
    {
        final UnsafeBuffer chunk = new UnsafeBuffer(new byte[64 * 1024]);
        final int flushAt = chunk.capacity() - 2 - ItchMessageType.MAX_LENGTH;
        long written = 0;
        int position = 0;
        int length;
        while ((length = market.next(chunk, position + 2)) > 0)
        {
            chunk.putShort(position, (short)length, ByteOrder.BIG_ENDIAN);
            position += 2 + length;
            written++;
            if (position > flushAt)
            {
                out.write(chunk.byteArray(), 0, position);
                position = 0;
            }
        }
        out.write(chunk.byteArray(), 0, position);
        out.flush();
        return written;
    }

    /**
     * Write a day to a BinaryFILE, gzip-compressed when the file name ends in {@code .gz} (as
     * NASDAQ publishes {@code MMDDYYYY.NASDAQ_ITCH50.gz}).
     *
     * @param path     file to create or replace.
     * @param seed     of the day.
     * @param symbols  securities in the directory.
     * @param messages in the whole day, at least {@link #scheduledMessages(int)}.
     * @return messages written.
     * @throws IOException if the file cannot be written.
     */
    public static long writeBinaryFile(final Path path, final long seed, final int symbols, final long messages)
        throws IOException
    {
        final SyntheticMarket market = new SyntheticMarket(seed, symbols, messages);
        final boolean gzip = path.getFileName().toString().endsWith(".gz");
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
            OutputStream out = gzip ? new GZIPOutputStream(file, 1 << 16) : file)
        {
            return writeBinaryFile(market, out);
        }
    }

    private void schedule(final int symbols, final long flow)
    {
        final long[] lengths = {
            1, 2L * symbols, 1, 1, 0, symbols, 1, symbols, 0, symbols, 0, 1, symbols, 0, 1, 1};
        long assigned = 0;
        int lastFlow = 0;
        for (int p = 0; p < PHASES; p++)
        {
            if (FLOW[p])
            {
                lengths[p] = flow * FLOW_PERCENT[p] / 100;
                assigned += lengths[p];
                lastFlow = p;
            }
        }
        lengths[lastFlow] += flow - assigned;
        System.arraycopy(lengths, 0, phaseLength, 0, PHASES);

        long end = 0;
        for (int p = 0; p < PHASES; p++)
        {
            phaseStart[p] = Math.max(SCHEDULE[p], end);
            if (FLOW[p])
            {
                final long until = nextScheduled(p);
                phaseStep[p] = phaseLength[p] == 0 ? 0 : Math.max(0, until - phaseStart[p]) / phaseLength[p];
                end = phaseStart[p] + phaseStep[p] * phaseLength[p];
            }
            else
            {
                phaseStep[p] = BURST_SPACING;
                end = phaseStart[p] + BURST_SPACING * phaseLength[p];
            }
        }
    }

    private static long nextScheduled(final int p)
    {
        for (int q = p + 1; q < PHASES; q++)
        {
            if (SCHEDULE[q] != 0)
            {
                return SCHEDULE[q];
            }
        }
        throw new IllegalStateException("no scheduled phase after " + p);
    }

    private long timeOf(final long index)
    {
        final long start = phaseStart[phase] + index * phaseStep[phase];
        return FLOW[phase] && phaseStep[phase] > 1 ? start + nextLong(phaseStep[phase]) : start;
    }

    private int write(final MutableDirectBuffer buffer, final int offset, final int index)
    {
        final int locate = index % symbols + 1;
        return switch (phase)
        {
            case START_OF_MESSAGES -> systemEvent(buffer, offset, SystemEvent.START_OF_MESSAGES);
            case DIRECTORY -> (index & 1) == 0 ?
                stockDirectory(buffer, offset, index / 2 + 1) : tradingAction(buffer, offset, index / 2 + 1);
            case MWCB_LEVELS -> mwcbLevels(buffer, offset);
            case START_OF_SYSTEM_HOURS -> systemEvent(buffer, offset, SystemEvent.START_OF_SYSTEM_HOURS);
            case OPENING_IMBALANCE -> imbalance(buffer, offset, locate, (byte)'O');
            case START_OF_MARKET_HOURS -> systemEvent(buffer, offset, SystemEvent.START_OF_MARKET_HOURS);
            case OPENING_CROSS -> cross(buffer, offset, locate, (byte)'O');
            case CLOSING_IMBALANCE -> imbalance(buffer, offset, locate, (byte)'C');
            case END_OF_MARKET_HOURS -> systemEvent(buffer, offset, SystemEvent.END_OF_MARKET_HOURS);
            case CLOSING_CROSS -> cross(buffer, offset, locate, (byte)'C');
            case END_OF_SYSTEM_HOURS -> systemEvent(buffer, offset, SystemEvent.END_OF_SYSTEM_HOURS);
            case END_OF_MESSAGES -> systemEvent(buffer, offset, SystemEvent.END_OF_MESSAGES);
            default -> orderFlow(buffer, offset);
        };
    }

    private int orderFlow(final MutableDirectBuffer buffer, final int offset)
    {
        final int roll = nextInt(10_000);
        int choice = 0;
        while (roll >= MIX_CUTS[choice])
        {
            choice++;
        }
        final byte type = MIX_TYPES[choice];
        final boolean needsOrder = type == 'D' || type == 'U' || type == 'E' || type == 'X' || type == 'C';
        if (needsOrder && liveOrders == 0)
        {
            return add(buffer, offset, false);
        }
        final boolean adds = type == 'A' || type == 'F';
        if (adds && liveOrders == orderReferences.length)
        {
            return delete(buffer, offset, nextInt(liveOrders));
        }
        return switch (type)
        {
            case 'A' -> add(buffer, offset, false);
            case 'F' -> add(buffer, offset, true);
            case 'D' -> delete(buffer, offset, nextInt(liveOrders));
            case 'U' -> replace(buffer, offset, nextInt(liveOrders));
            case 'E' -> execute(buffer, offset, nextInt(liveOrders), false);
            case 'C' -> execute(buffer, offset, nextInt(liveOrders), true);
            case 'X' -> cancel(buffer, offset, nextInt(liveOrders));
            case 'P' -> trade(buffer, offset, nextInt(symbols) + 1);
            case 'I' -> imbalance(buffer, offset, nextInt(symbols) + 1, (byte)'C');
            case 'H' -> tradingAction(buffer, offset, nextInt(symbols) + 1);
            case 'Y' -> regSho(buffer, offset, nextInt(symbols) + 1);
            case 'N' -> retailInterest(buffer, offset, nextInt(symbols) + 1);
            case 'L' -> participantPosition(buffer, offset, nextInt(symbols) + 1);
            default -> lastMatchNumber == 0 ? add(buffer, offset, false) : brokenTrade(buffer, offset);
        };
    }

    private int add(final MutableDirectBuffer buffer, final int offset, final boolean attributed)
    {
        final int locate = nextInt(symbols) + 1;
        final byte side = nextInt(2) == 0 ? Side.BUY : Side.SELL;
        final int shares = shares();
        final int price = quote(locate, side);
        final long reference = ++lastOrderReference;
        final int slot = liveOrders++;
        orderReferences[slot] = reference;
        orderLocates[slot] = locate;
        orderShares[slot] = shares;
        orderPrices[slot] = price;
        orderSides[slot] = side;
        if (attributed)
        {
            header(addOrderMpid.wrapForEncode(buffer, offset), locate)
                .orderReferenceNumber(reference).side(side).shares(shares).stock(stocks[locate - 1]).price(price)
                .attribution(MPIDS[nextInt(MPIDS.length)]);
            return AddOrderMpid.LENGTH;
        }
        header(addOrder.wrapForEncode(buffer, offset), locate)
            .orderReferenceNumber(reference).side(side).shares(shares).stock(stocks[locate - 1]).price(price);
        return AddOrder.LENGTH;
    }

    private int delete(final MutableDirectBuffer buffer, final int offset, final int slot)
    {
        header(orderDelete.wrapForEncode(buffer, offset), orderLocates[slot])
            .orderReferenceNumber(orderReferences[slot]);
        remove(slot);
        return OrderDelete.LENGTH;
    }

    private int replace(final MutableDirectBuffer buffer, final int offset, final int slot)
    {
        final int locate = orderLocates[slot];
        final long reference = ++lastOrderReference;
        final int shares = shares();
        final int price = quote(locate, orderSides[slot]);
        header(orderReplace.wrapForEncode(buffer, offset), locate)
            .originalOrderReferenceNumber(orderReferences[slot]).newOrderReferenceNumber(reference)
            .shares(shares).price(price);
        orderReferences[slot] = reference;
        orderShares[slot] = shares;
        orderPrices[slot] = price;
        return OrderReplace.LENGTH;
    }

    private int execute(final MutableDirectBuffer buffer, final int offset, final int slot, final boolean withPrice)
    {
        final int locate = orderLocates[slot];
        final int remaining = orderShares[slot];
        // Half the executions fill the order; the rest take part of it.
        final int executed = nextInt(2) == 0 ? remaining : 1 + nextInt(remaining);
        final long match = nextMatch(locate);
        drift(locate);
        if (withPrice)
        {
            final int price = Math.max(TICK, orderPrices[slot] + (nextInt(3) - 1) * TICK);
            header(orderExecutedWithPrice.wrapForEncode(buffer, offset), locate)
                .orderReferenceNumber(orderReferences[slot]).executedShares(executed).matchNumber(match)
                .printable(nextInt(10) == 0 ? (byte)'N' : (byte)'Y').executionPrice(price);
        }
        else
        {
            header(orderExecuted.wrapForEncode(buffer, offset), locate)
                .orderReferenceNumber(orderReferences[slot]).executedShares(executed).matchNumber(match);
        }
        reduce(slot, executed);
        return withPrice ? OrderExecutedWithPrice.LENGTH : OrderExecuted.LENGTH;
    }

    private int cancel(final MutableDirectBuffer buffer, final int offset, final int slot)
    {
        final int remaining = orderShares[slot];
        if (remaining < 2)
        {
            // A partial cancel must leave shares on the book; a single share goes with a delete.
            return delete(buffer, offset, slot);
        }
        final int cancelled = 1 + nextInt(remaining - 1);
        header(orderCancel.wrapForEncode(buffer, offset), orderLocates[slot])
            .orderReferenceNumber(orderReferences[slot]).cancelledShares(cancelled);
        reduce(slot, cancelled);
        return OrderCancel.LENGTH;
    }

    private int trade(final MutableDirectBuffer buffer, final int offset, final int locate)
    {
        drift(locate);
        header(trade.wrapForEncode(buffer, offset), locate)
            .orderReferenceNumber(0).side(Side.BUY).shares(shares()).stock(stocks[locate - 1])
            .price(referencePrices[locate - 1]).matchNumber(nextMatch(locate));
        return Trade.LENGTH;
    }

    private int cross(final MutableDirectBuffer buffer, final int offset, final int locate, final byte crossType)
    {
        header(crossTrade.wrapForEncode(buffer, offset), locate)
            .shares((long)LOT * nextInt(10_000)).stock(stocks[locate - 1]).crossPrice(referencePrices[locate - 1])
            .matchNumber(nextMatch(locate)).crossType(crossType);
        return CrossTrade.LENGTH;
    }

    private int imbalance(final MutableDirectBuffer buffer, final int offset, final int locate, final byte crossType)
    {
        final int reference = referencePrices[locate - 1];
        final int roll = nextInt(3);
        header(noii.wrapForEncode(buffer, offset), locate)
            .pairedShares((long)LOT * nextInt(5_000)).imbalanceShares(roll == 2 ? 0 : (long)LOT * nextInt(500))
            .imbalanceDirection(roll == 0 ? Side.BUY : roll == 1 ? Side.SELL : (byte)'N').stock(stocks[locate - 1])
            .farPrice(reference + TICK * nextInt(5)).nearPrice(reference + TICK * nextInt(3))
            .currentReferencePrice(reference).crossType(crossType).priceVariationIndicator((byte)'L');
        return Noii.LENGTH;
    }

    private int systemEvent(final MutableDirectBuffer buffer, final int offset, final byte eventCode)
    {
        header(systemEvent.wrapForEncode(buffer, offset), 0).eventCode(eventCode);
        return SystemEvent.LENGTH;
    }

    private int stockDirectory(final MutableDirectBuffer buffer, final int offset, final int locate)
    {
        header(stockDirectory.wrapForEncode(buffer, offset), locate)
            .stock(stocks[locate - 1]).marketCategory((byte)"QGSNPZ".charAt(nextInt(6)))
            .financialStatusIndicator((byte)'N').roundLotSize(LOT).roundLotsOnly((byte)'N')
            .issueClassification((byte)'C').issueSubType((short)0x5A20).authenticity((byte)'P')
            .shortSaleThresholdIndicator((byte)'N').ipoFlag((byte)'N').luldReferencePriceTier((byte)'2')
            .etpFlag((byte)'N').etpLeverageFactor(0).inverseIndicator((byte)'N');
        return StockDirectory.LENGTH;
    }

    private int tradingAction(final MutableDirectBuffer buffer, final int offset, final int locate)
    {
        header(stockTradingAction.wrapForEncode(buffer, offset), locate)
            .stock(stocks[locate - 1]).tradingState((byte)'T').reserved((byte)' ').reason(NO_REASON);
        return StockTradingAction.LENGTH;
    }

    private int regSho(final MutableDirectBuffer buffer, final int offset, final int locate)
    {
        header(regShoRestriction.wrapForEncode(buffer, offset), locate)
            .stock(stocks[locate - 1]).regShoAction((byte)('0' + nextInt(3)));
        return RegShoRestriction.LENGTH;
    }

    private int retailInterest(final MutableDirectBuffer buffer, final int offset, final int locate)
    {
        header(rpii.wrapForEncode(buffer, offset), locate)
            .stock(stocks[locate - 1]).interestFlag((byte)"BSAN".charAt(nextInt(4)));
        return Rpii.LENGTH;
    }

    private int participantPosition(final MutableDirectBuffer buffer, final int offset, final int locate)
    {
        header(marketParticipantPosition.wrapForEncode(buffer, offset), locate)
            .mpid(MPIDS[nextInt(MPIDS.length)]).stock(stocks[locate - 1]).primaryMarketMaker((byte)'N')
            .marketMakerMode((byte)'N').marketParticipantState((byte)'A');
        return MarketParticipantPosition.LENGTH;
    }

    private int mwcbLevels(final MutableDirectBuffer buffer, final int offset)
    {
        // An S&P 500 of about 3 000: levels 7, 13 and 20 % below it, with 8 decimals.
        header(mwcbDeclineLevel.wrapForEncode(buffer, offset), 0)
            .level1(279_000_000_000L).level2(261_000_000_000L).level3(240_000_000_000L);
        return MwcbDeclineLevel.LENGTH;
    }

    private int brokenTrade(final MutableDirectBuffer buffer, final int offset)
    {
        // Breaks the latest execution, so the match number and stock agree with a real one.
        header(brokenTrade.wrapForEncode(buffer, offset), lastMatchLocate).matchNumber(lastMatchNumber);
        return BrokenTrade.LENGTH;
    }

    private <T extends ItchMessage<T>> T header(final T message, final int locate)
    {
        return message.stockLocate(locate).trackingNumber(0).timestamp(timestamp);
    }

    private long nextMatch(final int locate)
    {
        lastMatchLocate = locate;
        return ++lastMatchNumber;
    }

    private void reduce(final int slot, final int shares)
    {
        orderShares[slot] -= shares;
        if (orderShares[slot] == 0)
        {
            remove(slot);
        }
    }

    private void remove(final int slot)
    {
        final int last = --liveOrders;
        orderReferences[slot] = orderReferences[last];
        orderLocates[slot] = orderLocates[last];
        orderShares[slot] = orderShares[last];
        orderPrices[slot] = orderPrices[last];
        orderSides[slot] = orderSides[last];
    }

    /** Mostly round lots of 100 to 1 000 shares, one order in ten an odd lot. */
    private int shares()
    {
        return nextInt(10) == 0 ? 1 + nextInt(LOT - 1) : LOT * (1 + nextInt(10));
    }

    /** A display price a few ticks behind the reference price on the order's side. */
    private int quote(final int locate, final byte side)
    {
        final int reference = referencePrices[locate - 1];
        final int ticks = nextInt(10);
        return side == Side.BUY ? Math.max(TICK, reference - ticks * TICK) : reference + ticks * TICK;
    }

    /** Trades move the reference price a tick now and then, so books wander as they do in a day. */
    private void drift(final int locate)
    {
        final int move = nextInt(10);
        if (move == 0)
        {
            referencePrices[locate - 1] = Math.max(TICK, referencePrices[locate - 1] - TICK);
        }
        else if (move == 1)
        {
            referencePrices[locate - 1] += TICK;
        }
    }

    /** SplitMix64: fixed here rather than java.util's generators, so a seed gives the same day on any JDK. */
    private long nextLong()
    {
        long z = (random += 0x9E37_79B9_7F4A_7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    private int nextInt(final int bound)
    {
        return (int)(((nextLong() >>> 32) * bound) >>> 32);
    }

    private long nextLong(final long bound)
    {
        return Long.remainderUnsigned(nextLong(), bound);
    }

    private double nextDouble()
    {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
