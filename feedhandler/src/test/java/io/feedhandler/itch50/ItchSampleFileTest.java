package io.feedhandler.itch50;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real NASDAQ BinaryFILE samples decoded through the dispatcher, checked against the counts an
 * independent parser wrote into {@code data/manifest.json}, and against field values that only a
 * correct layout gives (the exact values come from a separate hand-written Python reader).
 */
class ItchSampleFileTest
{
    private static final String SNIPPET = "itch50/nasdaq-12302019-snippet.itch50";
    private static final String DIRECTORY = "itch50/bekele-sample.itch50";
    private static final long MARKET_OPEN = 34_200_000_000_000L;
    private static final long MIDNIGHT = 86_400_000_000_000L;

    @ParameterizedTest
    @ValueSource(strings = {SNIPPET, DIRECTORY})
    void shouldDecodeEveryMessageWithTheManifestsCounts(final String path) throws Exception
    {
        final Config entry = manifestEntry(path);
        final RecordingItchListener listener = new RecordingItchListener();
        final ItchMessageDispatcher dispatcher = new ItchMessageDispatcher(listener);

        final int messages = forEachMessage(path, dispatcher);

        assertEquals(entry.getInt("messages"), messages);
        assertEquals(messages, listener.events().size());
        final TreeMap<String, Integer> expected = new TreeMap<>();
        final ConfigObject types = entry.getObject("types");
        types.keySet().forEach((type) -> expected.put(type, ((Number)types.get(type).unwrapped()).intValue()));
        final TreeMap<String, Integer> actual = new TreeMap<>();
        listener.events().forEach((event) -> actual.merge(event.split(" ")[1], 1, Integer::sum));
        assertEquals(expected, actual);
        assertEquals(0, dispatcher.unknownTypes() + dispatcher.lengthMismatches() + dispatcher.emptyMessages());

        final LongArrayList timestamps = listener.timestamps();
        assertEquals(entry.getLong("firstTimestampNs"), timestamps.getLong(0));
        assertEquals(entry.getLong("lastTimestampNs"), timestamps.getLong(timestamps.size() - 1));
        for (int i = 1; i < timestamps.size(); i++)
        {
            assertTrue(timestamps.getLong(i - 1) <= timestamps.getLong(i), "timestamps go back at message " + (i + 1));
        }
    }

    @Test
    void shouldFindPlausibleValuesInEveryMessageAfterTheOpen() throws Exception
    {
        final List<String> problems = new ArrayList<>();
        final ItchListener checks = new ItchListener()
        {
            @Override
            public void onSystemEvent(final SystemEvent m)
            {
                check(m, m.eventCode() == SystemEvent.START_OF_MARKET_HOURS, "event code");
            }

            @Override
            public void onAddOrder(final AddOrder m)
            {
                checkOrder(m, m.side(), m.shares(), m.stock(), m.price());
            }

            @Override
            public void onAddOrderMpid(final AddOrderMpid m)
            {
                checkOrder(m, m.side(), m.shares(), m.stock(), m.price());
                check(m, Symbols.isWellFormed(((long)m.attribution() << 32) | 0x2020_2020L), "attribution");
            }

            @Override
            public void onOrderExecuted(final OrderExecuted m)
            {
                check(m, m.executedShares() > 0 && m.matchNumber() != 0, "executed shares or match number");
            }

            @Override
            public void onOrderExecutedWithPrice(final OrderExecutedWithPrice m)
            {
                check(m, m.executedShares() > 0 && isPrice(m.executionPrice()), "execution");
                check(m, m.printable() == 'Y' || m.printable() == 'N', "printable");
            }

            @Override
            public void onOrderCancel(final OrderCancel m)
            {
                check(m, m.cancelledShares() > 0, "cancelled shares");
            }

            @Override
            public void onOrderDelete(final OrderDelete m)
            {
                check(m, m.orderReferenceNumber() != 0, "order reference");
            }

            @Override
            public void onOrderReplace(final OrderReplace m)
            {
                check(m, m.originalOrderReferenceNumber() != m.newOrderReferenceNumber(), "new reference");
                check(m, m.shares() > 0 && isPrice(m.price()), "shares or price");
            }

            @Override
            public void onTrade(final Trade m)
            {
                check(m, m.orderReferenceNumber() == 0 && m.side() == Side.BUY, "reference 0 and side B since 2019");
                check(m, Symbols.isWellFormed(m.stock()) && m.shares() > 0 && isPrice(m.price()), "trade");
            }

            @Override
            public void onCrossTrade(final CrossTrade m)
            {
                check(m, Symbols.isWellFormed(m.stock()) && "OCHIA".indexOf(m.crossType()) >= 0, "cross");
            }

            @Override
            public void onNoii(final Noii m)
            {
                check(m, Symbols.isWellFormed(m.stock()) && "OCHA".indexOf(m.crossType()) >= 0, "imbalance");
                check(m, "BSNOP".indexOf(m.imbalanceDirection()) >= 0, "imbalance direction");
            }

            private void checkOrder(
                final ItchMessage<?> m, final byte side, final long shares, final long stock, final long price)
            {
                check(m, side == Side.BUY || side == Side.SELL, "side");
                check(m, shares > 0 && isPrice(price), "shares or price");
                check(m, Symbols.isWellFormed(stock), "symbol");
            }

            private void check(final ItchMessage<?> m, final boolean ok, final String what)
            {
                if (!ok || m.stockLocate() == 0 && m.messageType() != 'S' || m.timestamp() < MARKET_OPEN ||
                    m.timestamp() >= MIDNIGHT)
                {
                    problems.add((char)m.messageType() + " at " + m.timestamp() + ": " + what);
                }
            }
        };

        forEachMessage(SNIPPET, new ItchMessageDispatcher(checks));

        assertEquals(List.of(), problems);
    }

    @Test
    void shouldReadKnownFieldsOfTheSnippet() throws Exception
    {
        final List<String> seen = new ArrayList<>();
        forEachMessage(SNIPPET, new ItchMessageDispatcher(new ItchListener()
        {
            @Override
            public void onAddOrder(final AddOrder m)
            {
                if (m.orderReferenceNumber() == 9_899_132L)
                {
                    seen.add(m.stockLocate() + " " + m.trackingNumber() + " " + m.timestamp() + " " + (char)m.side() +
                        " " + m.shares() + " " + Symbols.decode(m.stock()) + " " + Prices.format(m.price()));
                }
            }

            @Override
            public void onAddOrderMpid(final AddOrderMpid m)
            {
                if (m.orderReferenceNumber() == 7_508_039L)
                {
                    seen.add(Symbols.decode(m.stock()) + " " + Prices.format(m.price()) + " " +
                        Alpha.decode(m.attribution(), 4));
                }
            }

            @Override
            public void onOrderReplace(final OrderReplace m)
            {
                if (m.originalOrderReferenceNumber() == 5_588_594L)
                {
                    seen.add(m.newOrderReferenceNumber() + " " + m.shares() + " " + Prices.format(m.price()));
                }
            }

            @Override
            public void onCrossTrade(final CrossTrade m)
            {
                if (m.matchNumber() == 53_497L)
                {
                    seen.add(m.stockLocate() + " " + m.shares() + " " + Symbols.decode(m.stock()) + " " +
                        Prices.format(m.crossPrice()) + " " + (char)m.crossType());
                }
            }

            @Override
            public void onNoii(final Noii m)
            {
                if (m.stockLocate() == 716)
                {
                    seen.add(m.pairedShares() + " " + m.imbalanceShares() + " " + (char)m.imbalanceDirection() + " " +
                        Symbols.decode(m.stock()) + " " + Prices.format(m.farPrice()) + " " + (char)m.crossType() +
                        (char)m.priceVariationIndicator());
                }
            }
        }));

        assertEquals(List.of(
            "5676634 1000 186.5100",
            "8381 0 34200000092539 B 100 VIXM 21.3300",
            "PGF 18.3000 FLTG",
            "79 0 N BATRK 29.6300 OL",
            "3672 6185 HDS 40.4300 O"), seen);
    }

    @Test
    void shouldReadTheStockDirectoryOfADayStart() throws Exception
    {
        final List<String> problems = new ArrayList<>();
        final Set<Integer> locates = new HashSet<>();
        final List<String> first = new ArrayList<>();
        forEachMessage(DIRECTORY, new ItchMessageDispatcher(new ItchListener()
        {
            @Override
            public void onStockDirectory(final StockDirectory m)
            {
                if (first.isEmpty())
                {
                    first.add(m.stockLocate() + " " + Symbols.decode(m.stock()) + " " + (char)m.marketCategory() + " " +
                        m.roundLotSize() + " " + (char)m.roundLotsOnly() + (char)m.issueClassification() + " " +
                        Alpha.decode(m.issueSubType(), 2) + " " + (char)m.authenticity() +
                        (char)m.luldReferencePriceTier());
                }
                if (!locates.add(m.stockLocate()) || !Symbols.isWellFormed(m.stock()) || m.roundLotSize() == 0 ||
                    "PT".indexOf(m.authenticity()) < 0)
                {
                    problems.add("R locate " + m.stockLocate() + " " + Symbols.decode(m.stock()));
                }
            }
        }));

        assertEquals(List.of("1 A N 100 NC Z P1"), first);
        assertEquals(List.of(), problems);
        assertEquals(993, locates.size());
    }

    /** Frame a BinaryFILE by its 2-byte big-endian length prefixes and dispatch each message. */
    private static int forEachMessage(final String path, final ItchMessageDispatcher dispatcher)
        throws IOException, URISyntaxException
    {
        final UnsafeBuffer file = new UnsafeBuffer(Files.readAllBytes(resource(path)));
        int messages = 0;
        int position = 0;
        while (position < file.capacity())
        {
            final int length = file.getShort(position, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            dispatcher.dispatch(file, position + 2, length);
            position += 2 + length;
            messages++;
        }
        assertEquals(file.capacity(), position, "last record runs past the end of " + path);
        return messages;
    }

    private static boolean isPrice(final long price)
    {
        return price > 0 && price <= Prices.MAX_PRICE;
    }

    private static Config manifestEntry(final String path) throws URISyntaxException
    {
        final Config manifest = ConfigFactory.parseFile(resource("manifest.json").toFile());
        for (final Config file : manifest.getConfigList("files"))
        {
            if (file.getString("path").equals(path))
            {
                return file;
            }
        }
        throw new AssertionError("manifest.json has no entry for " + path);
    }

    private static Path resource(final String path) throws URISyntaxException
    {
        return Path.of(ItchSampleFileTest.class.getResource("/data/" + path).toURI());
    }
}
