package io.feedhandler.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.config.Profile;
import io.feedhandler.config.ProfileException;
import io.feedhandler.kafka.OutputVerifier;
import io.feedhandler.kafka.Topics;
import io.feedhandler.registry.SchemaRegistryClient;
import io.feedhandler.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

/**
 * {@code feedhandler verify --profile P [--from-beginning]}: reads the profile's output topics back
 * and reports, per session, whether every sequence number is published or reported as a gap; also
 * duplicates, records that do not decode against their schema, and per-symbol ordering violations.
 * Operators run it after an incident; the fault-injection tests end with it.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Audit what reached Kafka: per session, every sequence number published, dead-lettered or reported",
        "as a gap; duplicates; records that do not decode; per-symbol order within a partition.",
        "Exit status: 0 every sequence accounted for and every record sound; 1 not; 2 bad profile or Kafka unreachable."})
public final class VerifyCommand implements Callable<Integer>
{
    /** Something is missing, undecodable or out of order. */
    static final int FAILED = 1;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProfileOptions profileOptions;

    @Option(names = "--from-beginning",
        description = "Read every record the topics hold. Default: continue from the last verify of this group (the beginning the first time).")
    private boolean fromBeginning;

    @Option(names = "--group", paramLabel = "GROUP",
        description = "Consumer group keeping verify's position. Default: feedhandler-verify-<exchange>.")
    private String group;

    @Option(names = "--json", description = "One JSON object instead of the table.")
    private boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
        description = "How long to wait for Kafka's answer to each metadata, offset and commit request (default: 30).")
    private int timeoutSeconds;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final Profile profile;
        try
        {
            profile = profileOptions.load(Map.of());
        }
        catch (final ProfileException ex)
        {
            err.println("verify: " + ex.getMessage());
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        final Topics topics = Topics.of(profile);
        final String position = fromBeginning ? null : group != null ? group : "feedhandler-verify-" + profile.exchange();
        final OutputVerifier.Report report;
        try (SchemaRegistryClient registry = profile.schemaRegistry().enabled() ? SchemaRegistryClient.of(profile.schemaRegistry()) : null)
        {
            if (registry != null)
            {
                // Asked once up front: a registry that does not answer fails here in one line,
                // not once per record as a decode failure.
                registry.schemaById(1);
            }
            report = new OutputVerifier(profile.kafka().bootstrapServers(), Duration.ofSeconds(timeoutSeconds), topics, RecordSchemas.fromClassPath(),
                registry == null ? null : writerSchemas(registry)).verify(position);
        }
        catch (final SchemaRegistryException ex)
        {
            // The client's message names the registry: "schema registry URL unreachable: ...".
            err.println("verify: " + ex.getMessage() + "; verify needs it for the writer schema of each record's " +
                "schema id (SCHEMA_REGISTRY_URL=none reads the records with the local schemas instead)");
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        catch (final KafkaException ex)
        {
            err.println("verify: Kafka at " + profile.kafka().bootstrapServers() + " did not answer: " + ex.getMessage());
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        if (json)
        {
            try
            {
                out.println(new ObjectMapper().writeValueAsString(toJson(report, position)));
            }
            catch (final JsonProcessingException ex)
            {
                throw new IllegalStateException("verify report not writable as JSON", ex);
            }
        }
        else
        {
            table(out, report, topics, position);
        }
        out.flush();
        return report.passed() ? FeedHandlerCommand.ExitCode.OK : FAILED;
    }

    /**
     * @return the writer schema per Confluent id from the registry; an id the registry failed on
     *         fails again at once (the verifier caches only the ids that resolved), so a registry
     *         lost mid-run costs one request per id, not one per record.
     */
    private static IntFunction<Schema> writerSchemas(final SchemaRegistryClient registry)
    {
        final Map<Integer, RuntimeException> failed = new HashMap<>();
        return id ->
        {
            final RuntimeException before = failed.get(id);
            if (before != null)
            {
                throw before;
            }
            try
            {
                return writerSchema(registry, id);
            }
            catch (final RuntimeException ex)
            {
                failed.put(id, ex);
                throw ex;
            }
        };
    }

    private static Schema writerSchema(final SchemaRegistryClient registry, final int id)
    {
        try
        {
            return registry.schemaById(id).map(text -> new Schema.Parser().parse(text)).orElse(null);
        }
        catch (final SchemaRegistryException ex)
        {
            throw new IllegalStateException("schema id " + id + ": " + ex.getMessage(), ex);
        }
    }

    private static void table(final PrintWriter out, final OutputVerifier.Report report, final Topics topics, final String group)
    {
        out.println("verify: " + (group == null ? "from the beginning" : "group " + group + " (from where it stopped)"));
        for (final String topic : topics.all())
        {
            final int partitions = report.partitions().getOrDefault(topic, 0);
            out.printf("  %-45s %12d records%s%n", topic, report.records().getOrDefault(topic, 0L),
                partitions == 0 ? "  (topic missing)" : "");
        }
        for (final Map.Entry<String, OutputVerifier.SessionReport> entry : report.sessions().entrySet())
        {
            final OutputVerifier.SessionReport s = entry.getValue();
            out.printf("session %s: sequences %d..%d, %d with records, %d dead-lettered, %d in %d reported gap(s), " +
                    "%d MISSING, %d duplicate(s)%s%n", entry.getKey(), s.first(), s.last(), s.present(), s.deadLettered(),
                s.reportedMissing(), s.reportedGaps().size(), s.missing(), s.duplicates(),
                s.handlerStatus().isEmpty() ? "" : ", handler status " + s.handlerStatus());
            if (!s.missingRanges().isEmpty())
            {
                out.println("  missing and not reported: " + String.join(", ", s.missingRanges()) +
                    (s.missingRanges().size() < 10 ? "" : ", ..."));
            }
        }
        out.println("records that do not decode: " + report.decodeFailures());
        report.decodeFailureExamples().forEach(line -> out.println("  " + line));
        out.println("per-symbol order violations: " + report.orderViolations());
        report.orderViolationExamples().forEach(line -> out.println("  " + line));
        out.println(report.passed() ? "verify: every sequence number is published or reported"
            : "verify: FAILED: see MISSING, decode failures and order violations above");
    }

    private static Map<String, Object> toJson(final OutputVerifier.Report report, final String group)
    {
        final Map<String, Object> root = new LinkedHashMap<>();
        root.put("passed", report.passed());
        root.put("group", group);
        root.put("records", report.records());
        final Map<String, Object> sessions = new LinkedHashMap<>();
        report.sessions().forEach((name, s) ->
        {
            final Map<String, Object> session = new LinkedHashMap<>();
            session.put("first", s.first());
            session.put("last", s.last());
            session.put("present", s.present());
            session.put("deadLettered", s.deadLettered());
            session.put("reportedGaps", s.reportedGaps().size());
            session.put("reportedMissing", s.reportedMissing());
            session.put("missing", s.missing());
            session.put("missingRanges", s.missingRanges());
            session.put("duplicates", s.duplicates());
            session.put("repeatedGapRecords", s.repeatedGapRecords());
            session.put("handlerStatus", s.handlerStatus());
            sessions.put(name, session);
        });
        root.put("sessions", sessions);
        root.put("decodeFailures", report.decodeFailures());
        root.put("decodeFailureExamples", report.decodeFailureExamples());
        root.put("orderViolations", report.orderViolations());
        root.put("orderViolationExamples", List.copyOf(report.orderViolationExamples()));
        return root;
    }
}
