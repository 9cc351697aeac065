package io.feedhandler.kafka;

import io.feedhandler.config.Profile;

import java.util.List;

/**
 * The names of one exchange's topics and schema subjects: the only place they are built.
 * <pre>
 *   topic    market.{asset_class}.{data_type}.{exchange}   market.equities.trades.nasdaq
 *   DLQ      market.dlq.{exchange}                         market.dlq.nasdaq
 *   subject  market.{asset_class}.{data_type}-value        market.equities.trades-value
 * </pre>
 * Every name is built once, in the constructor; the getters return the same strings every time.
 */
public final class Topics
{
    /** What a market data topic carries: the {@code data_type} part of its name. */
    public enum DataType
    {
        /** Order book events: add, execute, cancel, delete, replace. */
        ORDERS("orders"),
        /** Executions and crosses. */
        TRADES("trades"),
        /** Top of book changes. */
        QUOTES("quotes"),
        /** The stock directory and other per-security facts of the day. */
        REFERENCE_DATA("reference_data"),
        /** Trading actions, system events, gaps and recoveries. */
        STATUS("status");

        private final String nameInTopic;

        DataType(final String nameInTopic)
        {
            this.nameInTopic = nameInTopic;
        }

        /** @return how it is spelled in topic and subject names, e.g. {@code reference_data}. */
        public String nameInTopic()
        {
            return nameInTopic;
        }
    }

    private static final DataType[] DATA_TYPES = DataType.values();

    private final String assetClass;
    private final String exchange;
    private final String[] topics = new String[DATA_TYPES.length];
    private final String[] subjects = new String[DATA_TYPES.length];
    private final String dlq;
    private final List<String> all;

    /**
     * @param assetClass e.g. {@code equities}.
     * @param exchange   e.g. {@code nasdaq}.
     * @throws IllegalArgumentException if either is not lowercase {@code [a-z0-9_]}, 1 to 64 long
     *                                  (what a profile allows).
     */
    public Topics(final String assetClass, final String exchange)
    {
        this.assetClass = requireName("asset class", assetClass);
        this.exchange = requireName("exchange", exchange);
        for (final DataType type : DATA_TYPES)
        {
            topics[type.ordinal()] = "market." + assetClass + "." + type.nameInTopic() + "." + exchange;
            subjects[type.ordinal()] = "market." + assetClass + "." + type.nameInTopic() + "-value";
        }
        this.dlq = "market.dlq." + exchange;
        this.all = List.of(orders(), trades(), quotes(), referenceData(), status(), dlq);
    }

    /**
     * @param profile its {@code asset-class} and {@code exchange}.
     * @return the profile's topics.
     */
    public static Topics of(final Profile profile)
    {
        return new Topics(profile.assetClass(), profile.exchange());
    }

    /** @return e.g. {@code market.equities.orders.nasdaq}. */
    public String orders()
    {
        return topics[DataType.ORDERS.ordinal()];
    }

    /** @return e.g. {@code market.equities.trades.nasdaq}. */
    public String trades()
    {
        return topics[DataType.TRADES.ordinal()];
    }

    /** @return e.g. {@code market.equities.quotes.nasdaq}. */
    public String quotes()
    {
        return topics[DataType.QUOTES.ordinal()];
    }

    /** @return e.g. {@code market.equities.reference_data.nasdaq}. */
    public String referenceData()
    {
        return topics[DataType.REFERENCE_DATA.ordinal()];
    }

    /** @return e.g. {@code market.equities.status.nasdaq}. */
    public String status()
    {
        return topics[DataType.STATUS.ordinal()];
    }

    /** @return the dead letter queue for input that could not be decoded, e.g. {@code market.dlq.nasdaq}. */
    public String dlq()
    {
        return dlq;
    }

    /**
     * @param type what the topic carries.
     * @return its topic, e.g. {@code market.equities.trades.nasdaq} for {@link DataType#TRADES}.
     */
    public String topic(final DataType type)
    {
        return topics[type.ordinal()];
    }

    /**
     * @param type what the topic carries.
     * @return the schema registry subject of its values, e.g. {@code market.equities.trades-value}
     *         (shared by every exchange of the asset class).
     */
    public String valueSubject(final DataType type)
    {
        return subjects[type.ordinal()];
    }

    /** @return every topic: the five market data topics in {@link DataType} order, then the DLQ. */
    public List<String> all()
    {
        return all;
    }

    /** @return e.g. {@code equities}. */
    public String assetClass()
    {
        return assetClass;
    }

    /** @return e.g. {@code nasdaq}. */
    public String exchange()
    {
        return exchange;
    }

    @Override
    public String toString()
    {
        return String.join(", ", all);
    }

    private static String requireName(final String what, final String name)
    {
        if (name == null || !Profile.NAME.matcher(name).matches())
        {
            throw new IllegalArgumentException(what + " must be lowercase letters, digits and '_', 1 to 64 " +
                "(it is part of topic names), not '" + name + "'");
        }
        return name;
    }
}
