package io.feedhandler.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedhandler.TestData;
import io.feedhandler.book.ReferenceBooks;
import io.feedhandler.itch50.AddOrder;
import io.feedhandler.itch50.AddOrderMpid;
import io.feedhandler.itch50.CrossTrade;
import io.feedhandler.itch50.ItchListener;
import io.feedhandler.itch50.ItchMessageDispatcher;
import io.feedhandler.itch50.Symbols;
import io.feedhandler.itch50.Trade;
import io.feedhandler.transport.file.FeedFile;
import io.feedhandler.transport.file.FeedFileListener;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code feedhandler book} on the real NASDAQ snippet: the book it prints is the one the
 * independent {@link ReferenceBooks} model works out, level by level, best first; the last trade
 * is the file's last print of the symbol, found here by reading the file directly.
 */
class BookCommandTest
{
    private static final Path SNIPPET = TestData.path("itch50/nasdaq-12302019-snippet.itch50");

    @Test
    void shouldPrintTheFinalBookOfTheDeepestSymbolAsJsonBestLevelFirst() throws Exception
    {
        final FileFacts facts = FileFacts.of(SNIPPET);
        final int locate = facts.deepestLocate();
        final String symbol = facts.symbols.get(locate);

        final Result result = run("book", "--file", SNIPPET.toString(), "--symbol", symbol, "--json");

        assertEquals(0, result.exitCode, result.err);
        final JsonNode json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(result.out);
        assertEquals(symbol, json.get("symbol").asText());
        assertLevels(facts.reference.levels(locate, true), json.get("bids"));
        assertLevels(facts.reference.levels(locate, false), json.get("asks"));
        assertTrue(result.out.contains("[" + BigDecimal.valueOf(facts.reference.levels(locate, true).get(0).price(), 4)
            .toPlainString() + ","), "prices are JSON numbers with 4 decimals: " + result.out);
    }

    @Test
    void shouldPrintTheLastTradeOfASymbolWithItsMatchNumber() throws Exception
    {
        final FileFacts facts = FileFacts.of(SNIPPET);
        final Map.Entry<Integer, Long> traded = facts.reference.lastExecutionMatch.entrySet().iterator().next();
        final String symbol = facts.symbols.get(traded.getKey());
        final long expectedMatch = facts.lastPrintMatch.getOrDefault(traded.getKey(), -1L) > 0 &&
            facts.lastPrintSequence.get(traded.getKey()) > facts.lastExecutionSequence(traded.getKey()) ?
            facts.lastPrintMatch.get(traded.getKey()) : traded.getValue();

        final Result result = run("book", "--file", SNIPPET.toString(), "--symbol", symbol, "--json");

        assertEquals(0, result.exitCode, result.err);
        final JsonNode trade = new ObjectMapper().readTree(result.out).get("lastTrade");
        assertEquals(Long.toUnsignedString(expectedMatch), trade.get("matchNumber").asText());
    }

    @Test
    void shouldPrintADepthTableWithTheLastQuoteAndTrade() throws Exception
    {
        final FileFacts facts = FileFacts.of(SNIPPET);
        final int locate = facts.deepestLocate();
        final String symbol = facts.symbols.get(locate);

        final Result result = run("book", "--file", SNIPPET.toString(), "--symbol", symbol);

        assertEquals(0, result.exitCode, result.err);
        final List<ReferenceBooks.Level> bids = facts.reference.levels(locate, true);
        final String[] lines = result.out.split("\\R");
        assertTrue(lines[0].startsWith(symbol + " (stock locate " + locate + ")"), lines[0]);
        assertTrue(lines[2].contains(BigDecimal.valueOf(bids.get(0).price(), 4).toPlainString() + " |"), lines[2]);
        assertTrue(result.out.contains("last quote: message "), result.out);
        assertTrue(result.out.contains("last trade: "), result.out);
    }

    @Test
    void shouldSayInOneLineThatASymbolIsNotInTheFileAndExit2()
    {
        final Result result = run("book", "--file", SNIPPET.toString(), "--symbol", "ZZZZZ");

        assertEquals(2, result.exitCode);
        assertEquals("", result.out);
        assertEquals("book: symbol ZZZZZ is not in " + SNIPPET + " (no R, A or F message names it)", result.err.strip());
    }

    private static void assertLevels(final List<ReferenceBooks.Level> expected, final JsonNode levels)
    {
        assertEquals(expected.size(), levels.size());
        for (int i = 0; i < expected.size(); i++)
        {
            final JsonNode level = levels.get(i);
            assertEquals(0, BigDecimal.valueOf(expected.get(i).price(), 4).compareTo(level.get(0).decimalValue()),
                "price of level " + i + ": " + level);
            assertEquals(expected.get(i).shares(), level.get(1).asLong(), "shares of level " + i);
            assertEquals(expected.get(i).orders(), level.get(2).asLong(), "orders of level " + i);
        }
    }

    private static Result run(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode = FeedHandlerCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err)
    {
    }

    /** What the file says, read here without the code under test's books. */
    private static final class FileFacts implements ItchListener
    {
        final Map<Integer, String> symbols = new HashMap<>();
        final Map<Integer, Long> lastPrintMatch = new HashMap<>();
        final Map<Integer, Long> lastPrintSequence = new HashMap<>();
        final Map<Integer, Long> executionSequence = new HashMap<>();
        ReferenceBooks reference;
        long sequence;

        static FileFacts of(final Path file) throws Exception
        {
            final FileFacts facts = new FileFacts();
            facts.reference = new ReferenceBooks(false);
            final ItchMessageDispatcher toFacts = new ItchMessageDispatcher(facts);
            final ItchMessageDispatcher toReference = new ItchMessageDispatcher(facts.reference);
            try (FeedFile feed = FeedFile.open(file, new FeedFileListener()
            {
                @Override
                public void onMessage(final long sequenceNumber, final DirectBuffer buffer, final int offset, final int length,
                    final long sourceOffset)
                {
                    facts.sequence = sequenceNumber;
                    facts.reference.next(sequenceNumber);
                    final byte type = buffer.getByte(offset);
                    final Map<Integer, Long> before = new HashMap<>(facts.reference.lastExecutionMatch);
                    toReference.dispatch(buffer, offset, length);
                    if ((type == 'E' || type == 'C') && !before.equals(facts.reference.lastExecutionMatch))
                    {
                        facts.reference.lastExecutionMatch.forEach((locate, match) ->
                        {
                            if (!match.equals(before.get(locate)))
                            {
                                facts.executionSequence.put(locate, sequenceNumber);
                            }
                        });
                    }
                    toFacts.dispatch(buffer, offset, length);
                }

                @Override
                public void onDefect(final long sourceOffset, final String reason)
                {
                    throw new AssertionError(reason);
                }
            }))
            {
                while (feed.poll(1024))
                {
                    // to the end
                }
            }
            return facts;
        }

        long lastExecutionSequence(final int locate)
        {
            return executionSequence.getOrDefault(locate, 0L);
        }

        int deepestLocate()
        {
            return reference.locates().stream()
                .filter(symbols::containsKey)
                .max((a, b) -> Integer.compare(depth(a), depth(b)))
                .orElseThrow();
        }

        private int depth(final int locate)
        {
            final int bids = reference.levels(locate, true).size();
            final int asks = reference.levels(locate, false).size();
            return bids == 0 || asks == 0 ? 0 : bids + asks;
        }

        @Override
        public void onAddOrder(final AddOrder message)
        {
            symbols.put(message.stockLocate(), Symbols.decode(message.stock()));
        }

        @Override
        public void onAddOrderMpid(final AddOrderMpid message)
        {
            symbols.put(message.stockLocate(), Symbols.decode(message.stock()));
        }

        @Override
        public void onTrade(final Trade message)
        {
            lastPrintMatch.put(message.stockLocate(), message.matchNumber());
            lastPrintSequence.put(message.stockLocate(), sequence);
        }

        @Override
        public void onCrossTrade(final CrossTrade message)
        {
            lastPrintMatch.put(message.stockLocate(), message.matchNumber());
            lastPrintSequence.put(message.stockLocate(), sequence);
        }
    }
}
