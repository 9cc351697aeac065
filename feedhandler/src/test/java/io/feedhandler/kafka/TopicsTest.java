package io.feedhandler.kafka;

import io.feedhandler.config.Profile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TopicsTest
{
    @Test
    void shouldNameTopicsMarketAssetClassDataTypeExchange()
    {
        final Topics topics = new Topics("equities", "nasdaq");

        assertEquals("market.equities.orders.nasdaq", topics.orders());
        assertEquals("market.equities.trades.nasdaq", topics.trades());
        assertEquals("market.equities.quotes.nasdaq", topics.quotes());
        assertEquals("market.equities.reference_data.nasdaq", topics.referenceData());
        assertEquals("market.equities.status.nasdaq", topics.status());
        assertEquals("market.dlq.nasdaq", topics.dlq());
        assertEquals(List.of(
            "market.equities.orders.nasdaq",
            "market.equities.trades.nasdaq",
            "market.equities.quotes.nasdaq",
            "market.equities.reference_data.nasdaq",
            "market.equities.status.nasdaq",
            "market.dlq.nasdaq"), topics.all());
    }

    @Test
    void shouldNameValueSubjectsPerAssetClassAndDataType()
    {
        final Topics topics = new Topics("equities", "bx");

        assertEquals("market.equities.trades-value", topics.valueSubject(Topics.DataType.TRADES));
        assertEquals("market.equities.reference_data-value", topics.valueSubject(Topics.DataType.REFERENCE_DATA));
        assertEquals(topics.trades(), topics.topic(Topics.DataType.TRADES));
        assertEquals(topics.referenceData(), topics.topic(Topics.DataType.REFERENCE_DATA));
    }

    @Test
    void shouldBuildEachNameOnce()
    {
        final Topics topics = new Topics("equities", "nasdaq");

        assertSame(topics.trades(), topics.trades());
        assertSame(topics.trades(), topics.topic(Topics.DataType.TRADES));
        assertSame(topics.dlq(), topics.all().get(5));
        assertSame(topics.valueSubject(Topics.DataType.QUOTES), topics.valueSubject(Topics.DataType.QUOTES));
    }

    @Test
    void shouldTakeTheNamesFromTheProfile() throws Exception
    {
        final Profile profile = Profile.defaults(Map.of("exchange", "psx"), Map.of());

        assertEquals("market.equities.quotes.psx", Topics.of(profile).quotes());
    }

    @Test
    void shouldRefuseNamesThatAProfileWouldRefuse()
    {
        final IllegalArgumentException failure =
            assertThrows(IllegalArgumentException.class, () -> new Topics("equities", "Nasdaq.GS"));

        assertEquals("exchange must be lowercase letters, digits and '_', 1 to 64 (it is part of topic names), " +
            "not 'Nasdaq.GS'", failure.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Topics("", "nasdaq"));
    }
}
