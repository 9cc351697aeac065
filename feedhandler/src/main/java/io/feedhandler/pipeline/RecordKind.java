package io.feedhandler.pipeline;

/**
 * What a published record is: it decides the topic ({@code market.{asset_class}.{data_type}.{exchange}})
 * and the schema. The data type names are the platform's and must not change.
 */
public enum RecordKind
{
    ORDER("orders"),
    TRADE("trades"),
    QUOTE("quotes"),
    REFERENCE_DATA("reference_data"),
    STATUS("status");

    private final String dataType;

    RecordKind(final String dataType)
    {
        this.dataType = dataType;
    }

    /** @return the {@code data_type} part of the topic name. */
    public String dataType()
    {
        return dataType;
    }
}
