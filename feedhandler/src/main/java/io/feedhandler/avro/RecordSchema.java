package io.feedhandler.avro;

import io.feedhandler.kafka.Topics;

/**
 * The record kinds the handler publishes, one Avro schema each ({@code schemas/<name>.avsc} in the
 * repository and in the jar). Topic and subject names are built from {@link #dataType()} by the
 * Kafka side: {@code market.equities.<dataType>.<exchange>} and {@code market.equities.<dataType>-value}.
 */
public enum RecordSchema
{
    /** Order book changes: A, F, E, C, X, D, U. */
    ORDER_EVENT("OrderEvent", Topics.DataType.ORDERS),
    /** Trade prints: P, Q, and E, C with the resting order's price. */
    TRADE("Trade", Topics.DataType.TRADES),
    /** Top of book (and depth) from the book. */
    QUOTE("Quote", Topics.DataType.QUOTES),
    /** Security reference data: R. */
    REFERENCE_DATA("ReferenceData", Topics.DataType.REFERENCE_DATA),
    /** Market, security and feed status: S, H, Y, L, V, W, K, J, h, I, N, O, B and line events. */
    STATUS("Status", Topics.DataType.STATUS);

    /** Avro namespace of every record schema. */
    public static final String NAMESPACE = "market.equities";

    private final String recordName;
    private final Topics.DataType dataType;

    RecordSchema(final String recordName, final Topics.DataType dataType)
    {
        this.recordName = recordName;
        this.dataType = dataType;
    }

    /** @return the Avro record name, e.g. {@code OrderEvent}. */
    public String recordName()
    {
        return recordName;
    }

    /** @return the Avro full name, e.g. {@code market.equities.OrderEvent}. */
    public String fullName()
    {
        return NAMESPACE + "." + recordName;
    }

    /** @return the schema's file name, e.g. {@code OrderEvent.avsc}. */
    public String fileName()
    {
        return recordName + ".avsc";
    }

    /** @return the data type part of topic and subject names, e.g. {@code orders}. */
    public Topics.DataType dataType()
    {
        return dataType;
    }
}
