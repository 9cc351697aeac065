package io.feedhandler.avro;

/**
 * The record kinds the handler publishes, one Avro schema each ({@code schemas/<name>.avsc} in the
 * repository and in the jar). Topic and subject names are built from {@link #dataType()} by the
 * Kafka side: {@code market.equities.<dataType>.<exchange>} and {@code market.equities.<dataType>-value}.
 */
public enum RecordSchema
{
    /** Order book changes: A, F, E, C, X, D, U. */
    ORDER_EVENT("OrderEvent", "orders"),
    /** Trade prints: P, Q, and E, C with the resting order's price. */
    TRADE("Trade", "trades"),
    /** Top of book (and depth) from the book. */
    QUOTE("Quote", "quotes"),
    /** Security reference data: R. */
    REFERENCE_DATA("ReferenceData", "reference_data"),
    /** Market, security and feed status: S, H, Y, L, V, W, K, J, h, I, N, O, B and line events. */
    STATUS("Status", "status");

    /** Avro namespace of every record schema. */
    public static final String NAMESPACE = "market.equities";

    private final String recordName;
    private final String dataType;

    RecordSchema(final String recordName, final String dataType)
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
    public String dataType()
    {
        return dataType;
    }
}
