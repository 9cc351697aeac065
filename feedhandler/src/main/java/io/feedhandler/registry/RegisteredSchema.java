package io.feedhandler.registry;

/**
 * One schema as a registry holds it under a subject.
 *
 * @param subject e.g. {@code market.equities.trades-value}.
 * @param id      the global schema id records carry in their Confluent framing.
 * @param version the schema's version number under the subject (from 1).
 * @param schema  the schema text as the registry returns it.
 */
public record RegisteredSchema(String subject, int id, int version, String schema)
{
}
