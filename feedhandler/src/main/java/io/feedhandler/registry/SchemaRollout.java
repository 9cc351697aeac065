package io.feedhandler.registry;

import io.feedhandler.avro.RecordSchema;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.kafka.Topics;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the handler's schemas in the registry at start, before anything is published: for each
 * record kind, under its subject {@code market.{asset_class}.{data_type}-value},
 * <ol>
 *   <li>look the exact schema up: registered already (a restart, or another exchange of the same
 *       asset class) means its id is reused and no version is added;</li>
 *   <li>otherwise check it against the subject's latest version: the registry's compatibility
 *       endpoint (its level) and the project's {@link EvolutionRules};</li>
 *   <li>only when every kind passes, register the new ones.</li>
 * </ol>
 * All or nothing: one refused schema registers none, so a refused start changes nothing.
 */
public final class SchemaRollout
{
    private static final Logger LOG = LogManager.getLogger(SchemaRollout.class);

    private final SchemaRegistryClient client;
    private final RecordSchemas schemas;
    private final Topics topics;

    /**
     * What the registry holds for one local schema.
     *
     * @param kind               the record kind.
     * @param subject            its subject.
     * @param registered         this exact schema's id and version under the subject, if registered.
     * @param latest             the subject's latest version, if any.
     * @param compatibilityLevel the subject's level, when a check was needed (else empty).
     * @param registryCompatible the registry's verdict (true when no check was needed).
     * @param breaks             why it may not be registered, one sentence each naming subject, field and rule.
     */
    public record SubjectState(
        RecordSchema kind,
        String subject,
        Optional<RegisteredSchema> registered,
        Optional<RegisteredSchema> latest,
        Optional<String> compatibilityLevel,
        boolean registryCompatible,
        List<String> breaks)
    {
        /** @return true if the schema may not be registered. */
        public boolean refused()
        {
            return !breaks.isEmpty();
        }
    }

    /**
     * @param client  a registry client.
     * @param schemas the local schemas.
     * @param topics  names the subjects.
     */
    public SchemaRollout(final SchemaRegistryClient client, final RecordSchemas schemas, final Topics topics)
    {
        this.client = client;
        this.schemas = schemas;
        this.topics = topics;
    }

    /**
     * Ask the registry about every local schema; change nothing.
     *
     * @return one state per record kind, in {@link RecordSchema} order.
     * @throws SchemaRegistryException if the registry cannot answer.
     */
    public List<SubjectState> inspect() throws SchemaRegistryException
    {
        final List<SubjectState> states = new ArrayList<>();
        for (final RecordSchema kind : RecordSchema.values())
        {
            states.add(inspect(kind));
        }
        return states;
    }

    /**
     * Check every local schema, then register those the registry does not hold yet.
     *
     * @return every kind's registered schema (id and version).
     * @throws SchemaRegistryException   if the registry cannot answer, or refuses a registration.
     * @throws IncompatibleSchemaException if a schema may not be registered; none was.
     */
    public Map<RecordSchema, RegisteredSchema> registerAll() throws SchemaRegistryException, IncompatibleSchemaException
    {
        final List<SubjectState> states = inspect();
        final List<String> breaks = new ArrayList<>();
        states.forEach(state -> breaks.addAll(state.breaks()));
        if (!breaks.isEmpty())
        {
            throw new IncompatibleSchemaException(breaks);
        }
        final Map<RecordSchema, RegisteredSchema> registered = new EnumMap<>(RecordSchema.class);
        for (final SubjectState state : states)
        {
            if (state.registered().isPresent())
            {
                registered.put(state.kind(), state.registered().get());
                LOG.info("schema {}: registered already as version {}, id {}", state.subject(),
                    state.registered().get().version(), state.registered().get().id());
                continue;
            }
            final String text = schemas.text(state.kind());
            final int id = client.register(state.subject(), text);
            final RegisteredSchema added = client.lookup(state.subject(), text).orElseThrow(() -> new SchemaRegistryException(
                "schema registry " + client.url() + " registered " + state.subject() + " as id " + id +
                    " but does not find it under the subject", false, null));
            registered.put(state.kind(), added);
            LOG.info("schema {}: registered {} as version {}, id {}", state.subject(), state.kind().fileName(),
                added.version(), added.id());
        }
        return registered;
    }

    private SubjectState inspect(final RecordSchema kind) throws SchemaRegistryException
    {
        final String subject = topics.valueSubject(kind.dataType());
        final String text = schemas.text(kind);
        final Optional<RegisteredSchema> registered = client.lookup(subject, text);
        final Optional<RegisteredSchema> latest = client.latest(subject);
        if (registered.isPresent() || latest.isEmpty())
        {
            return new SubjectState(kind, subject, registered, latest, Optional.empty(), true, List.of());
        }
        final String level = client.compatibilityLevel(subject).toUpperCase(Locale.ROOT);
        // NONE accepts any change (Confluent's meaning); Apicurio's compatibility endpoint answers
        // false under NONE all the same, so it is asked only when a level is in force.
        final boolean registryCompatible = level.equals("NONE") || client.isCompatible(subject, text);
        final Schema local = schemas.schema(kind);
        final Schema previous = parse(subject, latest.get());
        final String where = subject + " (" + kind.fileName() + " against registered version " + latest.get().version() +
            ", id " + latest.get().id() + "; registry " + level + " check: " +
            (registryCompatible ? "compatible" : "incompatible") + "): ";
        final List<String> breaks = new ArrayList<>();
        EvolutionRules.breaks(previous, local).forEach(found -> breaks.add(where + found));
        if (!registryCompatible && breaks.isEmpty())
        {
            // The registry refuses what the project's rules allow: say what Avro finds, in the
            // directions the level checks.
            final List<String> found = new ArrayList<>();
            if (level.startsWith("BACKWARD") || level.startsWith("FULL"))
            {
                found.addAll(EvolutionRules.avroIncompatibilities(local, previous));
            }
            if (level.startsWith("FORWARD") || level.startsWith("FULL"))
            {
                found.addAll(EvolutionRules.avroIncompatibilities(previous, local));
            }
            if (found.isEmpty())
            {
                found.add("the registry's " + level + " rule refuses it" +
                    (level.endsWith("TRANSITIVE") ? " against an older version" : ""));
            }
            found.forEach(reason -> breaks.add(where + reason));
        }
        return new SubjectState(kind, subject, registered, latest, Optional.of(level), registryCompatible, List.copyOf(breaks));
    }

    private Schema parse(final String subject, final RegisteredSchema latest) throws SchemaRegistryException
    {
        try
        {
            return new Schema.Parser().parse(latest.schema());
        }
        catch (final SchemaParseException ex)
        {
            throw new SchemaRegistryException("schema registry " + client.url() + ": version " + latest.version() +
                " of " + subject + " is not an Avro schema this handler can read: " + ex.getMessage(), false, ex);
        }
    }
}
