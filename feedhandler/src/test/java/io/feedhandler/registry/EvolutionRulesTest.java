package io.feedhandler.registry;

import io.feedhandler.avro.RecordSchema;
import io.feedhandler.avro.RecordSchemas;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each evolution rule of schemas/README.md, on the real schemas with one edit each. */
class EvolutionRulesTest
{
    private static final RecordSchemas SCHEMAS = RecordSchemas.fromClassPath();

    @Test
    void shouldAcceptTheSameSchemaAndADocOnlyChange()
    {
        final String trade = SCHEMAS.text(RecordSchema.TRADE);

        assertEquals(List.of(), breaks(trade, trade));
        assertEquals(List.of(), breaks(trade, trade.replace("One trade print.", "One trade print, as sent.")));
    }

    @Test
    void shouldNameAFieldWhoseTypeChanges()
    {
        final String trade = SCHEMAS.text(RecordSchema.TRADE);
        final String changed = trade.replace("{\"name\": \"shares\", \"type\": \"long\"", "{\"name\": \"shares\", \"type\": \"string\"");

        assertEquals(List.of("field 'shares' changes type from long to string: rule '" + EvolutionRules.NEVER_CHANGE_TYPE + "'"),
            breaks(trade, changed));
    }

    @Test
    void shouldNameAFieldAddedWithoutADefaultAndAcceptOneWithADefault()
    {
        final String trade = SCHEMAS.text(RecordSchema.TRADE);
        final String without = addField(trade, "{\"name\": \"venue\", \"type\": \"string\"}");
        final String with = addField(trade, "{\"name\": \"venue\", \"type\": [\"null\", \"string\"], \"default\": null}");

        assertEquals(List.of("field 'venue' (string) is added without a default: rule '" + EvolutionRules.ADD_WITH_DEFAULT + "'"),
            breaks(trade, without));
        assertEquals(List.of(), breaks(trade, with));
    }

    @Test
    void shouldNameAFieldRemovedThatHadNoDefaultAndAcceptRemovingOneWithADefault()
    {
        final String trade = SCHEMAS.text(RecordSchema.TRADE);
        final Schema parsed = new Schema.Parser().parse(trade);
        final String withoutPrintable = withoutField(parsed, "printable");
        final String withoutCrossType = withoutField(parsed, "crossType");

        assertEquals(List.of("field 'printable' (boolean, no default) is removed: rule '" +
            EvolutionRules.REMOVE_ONLY_WITH_DEFAULT + "'"), breaks(trade, withoutPrintable));
        assertEquals(List.of(), breaks(trade, withoutCrossType));
    }

    @Test
    void shouldNameADecimalWhoseScaleChangesWhichAvrosOwnCheckLetsThrough()
    {
        final String trade = SCHEMAS.text(RecordSchema.TRADE);
        final String changed = trade.replace("\"precision\": 10, \"scale\": 4}, \"doc\": \"Trade price",
            "\"precision\": 10, \"scale\": 2}, \"doc\": \"Trade price");

        assertEquals(List.of("field 'price' changes from bytes (decimal(10,4)) to bytes (decimal(10,2)): rule '" +
            EvolutionRules.DECIMALS_KEEP_SCALE + "'"), breaks(trade, changed));
        assertEquals(List.of(), EvolutionRules.avroIncompatibilities(parse(changed), parse(trade)));
    }

    @Test
    void shouldNameAnEnumWhoseSymbolsAreNotOnlyAppended()
    {
        final String trade = SCHEMAS.text(RecordSchema.TRADE);
        final String reordered = trade.replace("[\"NON_CROSS\", \"CROSS\",", "[\"CROSS\", \"NON_CROSS\",");
        final String appended = trade.replace("\"EXECUTION_WITH_PRICE\"]", "\"EXECUTION_WITH_PRICE\", \"AUCTION\"]");

        assertEquals(1, breaks(trade, reordered).size());
        assertTrue(breaks(trade, reordered).get(0).startsWith("field 'source' enum TradeSource symbols change"),
            breaks(trade, reordered).toString());
        assertEquals(List.of(), breaks(trade, appended));
    }

    @Test
    void shouldLookInsideNestedRecords()
    {
        final String quote = SCHEMAS.text(RecordSchema.QUOTE);
        final String changed = quote.replace("{\"name\": \"orders\", \"type\": \"int\"", "{\"name\": \"orders\", \"type\": \"long\"");

        final List<String> breaks = breaks(quote, changed);
        assertTrue(breaks.stream().anyMatch(line -> line.startsWith("field 'bids[].orders' changes type from int to long")),
            breaks.toString());
    }

    private static List<String> breaks(final String registered, final String local)
    {
        return EvolutionRules.breaks(parse(registered), parse(local));
    }

    private static Schema parse(final String text)
    {
        return new Schema.Parser().parse(text);
    }

    private static String addField(final String record, final String field)
    {
        final int end = record.lastIndexOf(']');
        return record.substring(0, end) + ", " + field + record.substring(end);
    }

    private static String withoutField(final Schema record, final String name)
    {
        final List<Schema.Field> kept = record.getFields().stream().filter(field -> !field.name().equals(name))
            .map(field -> new Schema.Field(field, field.schema())).toList();
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, kept).toString();
    }
}
