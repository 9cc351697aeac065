package io.feedhandler.registry;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

import java.util.ArrayList;
import java.util.List;

/**
 * The project's schema evolution rules ({@code schemas/README.md}), checked between the latest
 * version a registry holds and the schema the handler is about to register. Each break is one
 * sentence naming the field and the rule, e.g. {@code field 'shares' changes type from long to
 * string: rule 'never change a field's type'}.
 *
 * <p>They are stricter than any one registry compatibility level on purpose: a consumer may read
 * with an older schema (forward) or a newer one (backward), so a change must work both ways; and
 * Avro's own compatibility ignores logical types, so a decimal's scale changing in place (every
 * price silently multiplied by 100) passes a registry's check but not these rules.
 */
public final class EvolutionRules
{
    /** A field added without a default: readers of the new schema cannot read old records. */
    public static final String ADD_WITH_DEFAULT = "add fields only with a default";
    /** A field without a default removed: readers of the old schema cannot read new records. */
    public static final String REMOVE_ONLY_WITH_DEFAULT = "remove only fields that have a default";
    /** The same name for a different type. */
    public static final String NEVER_CHANGE_TYPE = "never change a field's type or reuse its name: add a new field";
    /** Decimal scale or precision changed in place. */
    public static final String DECIMALS_KEEP_SCALE = "decimals keep their scale and precision";
    /** Enum symbols removed or reordered. */
    public static final String ENUM_SYMBOLS_AT_END = "enum symbols are only added, at the end";

    private EvolutionRules()
    {
    }

    /**
     * @param registered the latest version under the subject.
     * @param local      the schema about to be registered.
     * @return every break, one sentence each; empty if the change keeps the rules.
     */
    public static List<String> breaks(final Schema registered, final Schema local)
    {
        final List<String> breaks = new ArrayList<>();
        compareRecords("", registered, local, breaks);
        return breaks;
    }

    /**
     * Avro's own reader/writer check, for a registry's verdict the rules above do not explain.
     *
     * @param reader schema reading.
     * @param writer schema that wrote.
     * @return each incompatibility Avro finds, as "message at location".
     */
    public static List<String> avroIncompatibilities(final Schema reader, final Schema writer)
    {
        final List<String> found = new ArrayList<>();
        for (final SchemaCompatibility.Incompatibility incompatibility :
            SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities())
        {
            found.add(incompatibility.getType() + ": " + incompatibility.getMessage() + " at " + incompatibility.getLocation());
        }
        return found;
    }

    private static void compareRecords(final String prefix, final Schema registered, final Schema local, final List<String> breaks)
    {
        for (final Schema.Field old : registered.getFields())
        {
            final Schema.Field now = fieldOf(local, old);
            final String name = prefix + old.name();
            if (now == null)
            {
                if (!old.hasDefaultValue())
                {
                    breaks.add("field '" + name + "' (" + describe(old.schema()) + ", no default) is removed: rule '" +
                        REMOVE_ONLY_WITH_DEFAULT + "'");
                }
                continue;
            }
            compareTypes(name, old.schema(), now.schema(), breaks);
        }
        for (final Schema.Field now : local.getFields())
        {
            if (fieldOf(registered, now) == null && !now.hasDefaultValue())
            {
                breaks.add("field '" + prefix + now.name() + "' (" + describe(now.schema()) + ") is added without a default: rule '" +
                    ADD_WITH_DEFAULT + "'");
            }
        }
    }

    private static void compareTypes(final String name, final Schema old, final Schema now, final List<String> breaks)
    {
        final Schema oldDecimal = decimalIn(old);
        final Schema nowDecimal = decimalIn(now);
        if (oldDecimal != null && nowDecimal != null && shape(old).equals(shape(now)))
        {
            final LogicalTypes.Decimal before = (LogicalTypes.Decimal)oldDecimal.getLogicalType();
            final LogicalTypes.Decimal after = (LogicalTypes.Decimal)nowDecimal.getLogicalType();
            if (before.getScale() != after.getScale() || before.getPrecision() != after.getPrecision())
            {
                breaks.add("field '" + name + "' changes from " + describe(old) + " to " + describe(now) + ": rule '" +
                    DECIMALS_KEEP_SCALE + "'");
            }
            return;
        }
        if (!describe(old).equals(describe(now)))
        {
            breaks.add("field '" + name + "' changes type from " + describe(old) + " to " + describe(now) + ": rule '" +
                NEVER_CHANGE_TYPE + "'");
            return;
        }
        compareNamed(name, old, now, breaks);
    }

    /** Same description: look inside records (nested fields) and enums (symbols). */
    private static void compareNamed(final String name, final Schema old, final Schema now, final List<String> breaks)
    {
        switch (old.getType())
        {
            case RECORD -> compareRecords(name + ".", old, now, breaks);
            case ENUM ->
            {
                final List<String> before = old.getEnumSymbols();
                final List<String> after = now.getEnumSymbols();
                if (after.size() < before.size() || !after.subList(0, before.size()).equals(before))
                {
                    breaks.add("field '" + name + "' enum " + old.getName() + " symbols change from " + before + " to " +
                        after + ": rule '" + ENUM_SYMBOLS_AT_END + "'");
                }
            }
            case ARRAY -> compareNamed(name + "[]", old.getElementType(), now.getElementType(), breaks);
            case MAP -> compareNamed(name + "{}", old.getValueType(), now.getValueType(), breaks);
            case UNION ->
            {
                for (int i = 0; i < old.getTypes().size(); i++)
                {
                    compareNamed(name, old.getTypes().get(i), now.getTypes().get(i), breaks);
                }
            }
            default ->
            {
                // primitives: equal descriptions are equal types
            }
        }
    }

    private static Schema.Field fieldOf(final Schema record, final Schema.Field field)
    {
        final Schema.Field byName = record.getField(field.name());
        if (byName != null)
        {
            return byName;
        }
        for (final Schema.Field candidate : record.getFields())
        {
            if (candidate.aliases().contains(field.name()) || field.aliases().contains(candidate.name()))
            {
                return candidate;
            }
        }
        return null;
    }

    /** @return the decimal schema of a decimal or a nullable decimal, else null. */
    private static Schema decimalIn(final Schema schema)
    {
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal)
        {
            return schema;
        }
        if (schema.getType() == Schema.Type.UNION)
        {
            for (final Schema branch : schema.getTypes())
            {
                if (branch.getLogicalType() instanceof LogicalTypes.Decimal)
                {
                    return branch;
                }
            }
        }
        return null;
    }

    /** @return the type without decimal parameters, to tell a scale change from a type change. */
    private static String shape(final Schema schema)
    {
        return describe(schema).replaceAll("decimal\\(\\d+,\\d+\\)", "decimal");
    }

    /** @return e.g. {@code long}, {@code long (timestamp-nanos)}, {@code bytes (decimal(10,4))}, {@code [null, string]}. */
    static String describe(final Schema schema)
    {
        return switch (schema.getType())
        {
            case RECORD, ENUM -> schema.getFullName();
            case FIXED -> schema.getFullName() + " (fixed " + schema.getFixedSize() + ")" + logical(schema.getLogicalType());
            case ARRAY -> "array<" + describe(schema.getElementType()) + ">";
            case MAP -> "map<" + describe(schema.getValueType()) + ">";
            case UNION ->
            {
                final List<String> branches = new ArrayList<>();
                schema.getTypes().forEach(branch -> branches.add(describe(branch)));
                yield "[" + String.join(", ", branches) + "]";
            }
            default -> schema.getType().getName() + logical(schema.getLogicalType());
        };
    }

    private static String logical(final LogicalType type)
    {
        if (type == null)
        {
            return "";
        }
        if (type instanceof LogicalTypes.Decimal decimal)
        {
            return " (decimal(" + decimal.getPrecision() + "," + decimal.getScale() + "))";
        }
        return " (" + type.getName() + ")";
    }
}
