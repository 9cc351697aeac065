package io.feedhandler.app;

import io.feedhandler.avro.RecordSchema;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.config.Profile;
import io.feedhandler.config.ProfileException;
import io.feedhandler.kafka.Topics;
import io.feedhandler.registry.IncompatibleSchemaException;
import io.feedhandler.registry.RegisteredSchema;
import io.feedhandler.registry.SchemaRegistryClient;
import io.feedhandler.registry.SchemaRegistryException;
import io.feedhandler.registry.SchemaRollout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code feedhandler schemas --profile P [--check | --register] [--schemas DIR]}: the local schemas,
 * their subjects and fingerprints, and what the profile's registry holds for them (registered id
 * and version, latest version, whether a changed schema would be accepted), so operators roll
 * schemas out before rolling the daemon, and contributors try a change against the real registry.
 */
@Command(name = "schemas", mixinStandardHelpOptions = true,
    description = {"Show the record schemas, their subjects, registered ids and versions, and compatibility.",
        "Exit status: 0 fine; 1 a schema change is refused (--check, --register; nothing registered);",
        "2 profile, schema files, or registry unreachable or refusing."})
public final class SchemasCommand implements Callable<Integer>
{
    /** A schema change would be refused. */
    static final int REFUSED = 1;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProfileOptions profileOptions;

    @Option(names = "--check", description = "Exit 1 if a schema may not become its subject's next version (no change made).")
    private boolean check;

    @Option(names = "--register", description = "Check, then register every schema the registry does not hold yet (all or none).")
    private boolean register;

    @Option(names = "--schemas", paramLabel = "DIR",
        description = "Schemas to use instead of the jar's, e.g. schemas/ of a working copy with a change.")
    private Path directory;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final Profile profile;
        final RecordSchemas schemas;
        try
        {
            profile = profileOptions.load(Map.of());
            schemas = directory == null ? RecordSchemas.fromClassPath() : RecordSchemas.fromDirectory(directory);
        }
        catch (final ProfileException | IllegalStateException ex)
        {
            err.println("schemas: " + ex.getMessage());
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        catch (final IOException ex)
        {
            err.println("schemas: " + directory + ": " + ex);
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        final Topics topics = Topics.of(profile);
        final String origin = directory == null ? "the jar's schemas" : directory.toString();
        if (!profile.schemaRegistry().enabled())
        {
            out.println("schemas: " + origin + "; no registry (schema-registry.url = none): single-object encoding");
            table(out, schemas, topics, List.of());
            out.flush();
            if (check || register)
            {
                err.println("schemas: --" + (check ? "check" : "register") + " needs a registry: schema-registry.url is none");
                return FeedHandlerCommand.ExitCode.BAD_INPUT;
            }
            return FeedHandlerCommand.ExitCode.OK;
        }
        try (SchemaRegistryClient client = SchemaRegistryClient.of(profile.schemaRegistry()))
        {
            final SchemaRollout rollout = new SchemaRollout(client, schemas, topics);
            out.println("schemas: " + origin + "; registry " + client.url());
            IncompatibleSchemaException refused = null;
            if (register)
            {
                try
                {
                    rollout.registerAll();
                }
                catch (final IncompatibleSchemaException ex)
                {
                    refused = ex;
                }
            }
            final List<SchemaRollout.SubjectState> states = rollout.inspect();
            table(out, schemas, topics, states);
            final List<String> breaks = new ArrayList<>();
            states.forEach(state -> breaks.addAll(state.breaks()));
            if (!breaks.isEmpty())
            {
                out.println(refused != null ? "refused, nothing registered:" : "would be refused:");
                breaks.forEach(line -> out.println("  " + line));
            }
            out.flush();
            return breaks.isEmpty() || !(check || register) ? FeedHandlerCommand.ExitCode.OK : REFUSED;
        }
        catch (final SchemaRegistryException ex)
        {
            out.flush();
            err.println("schemas: " + ex.getMessage());
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
    }

    private static void table(final PrintWriter out, final RecordSchemas schemas, final Topics topics,
        final List<SchemaRollout.SubjectState> states)
    {
        final String format = "%-14s %-40s %-16s %-20s %-7s %s%n";
        out.printf(Locale.ROOT, format, "record", "subject", "fingerprint", "registered", "latest", "status");
        for (final RecordSchema kind : RecordSchema.values())
        {
            final Optional<SchemaRollout.SubjectState> state = states.stream().filter(s -> s.kind() == kind).findFirst();
            out.printf(Locale.ROOT, format, kind.recordName(), topics.valueSubject(kind.dataType()),
                String.format(Locale.ROOT, "%016x", schemas.fingerprint(kind)),
                state.flatMap(SchemaRollout.SubjectState::registered).map(SchemasCommand::idAndVersion).orElse("-"),
                state.flatMap(SchemaRollout.SubjectState::latest).map(latest -> Integer.toString(latest.version())).orElse("-"),
                state.map(SchemasCommand::status).orElse("-"));
        }
    }

    private static String idAndVersion(final RegisteredSchema schema)
    {
        return "version " + schema.version() + ", id " + schema.id();
    }

    private static String status(final SchemaRollout.SubjectState state)
    {
        if (state.registered().isPresent())
        {
            final boolean latest = state.latest().map(l -> l.version() == state.registered().get().version()).orElse(true);
            return latest ? "registered, latest" : "registered, older than latest";
        }
        if (state.latest().isEmpty())
        {
            return "new subject: registering adds version 1";
        }
        final String level = state.compatibilityLevel().orElse("?");
        if (state.refused())
        {
            return "REFUSED (registry " + level + ": " + (state.registryCompatible() ? "compatible" : "incompatible") +
                "; see below)";
        }
        return "changed, compatible (" + level + "): registering adds version " + (state.latest().get().version() + 1);
    }
}
