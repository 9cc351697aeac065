package io.feedhandler.app;

import io.feedhandler.TestData;
import io.feedhandler.avro.RecordSchema;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.registry.RegistryExtension;
import io.feedhandler.registry.SchemaRegistryClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code feedhandler schemas} against a real registry, and {@code replay}'s refusal to start when
 * the registry is down (before any broker is contacted: none runs here).
 */
class SchemasCommandTest
{
    @RegisterExtension
    static final RegistryExtension REGISTRY = new RegistryExtension();

    @TempDir
    Path state;


    @Test
    void shouldExitTwoWithOneLineNamingTheUrlAndTheCauseWhenTheRegistryIsDown() throws Exception
    {
        final String down = "http://127.0.0.1:" + RegistryExtension.freePort();

        final CommandRun run = run("replay", "--no-progress", "--set", "schema-registry.url=" + down,
            "--set", "schema-registry.retries=1", "--set", "schema-registry.retry-backoff-ms=10",
            "--set", "checkpoint.directory=" + state, TestData.path("itch50/nasdaq-12302019-snippet.itch50").toString());

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(List.of("replay: schema registry " + down + " unreachable: connection refused (2 tries in"),
            List.of(run.err().lines().findFirst().orElseThrow().replaceAll(" \\d+ ms\\).*", "")));
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("fallback-to-single-object is false"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void shouldListSubjectsAndFingerprintsWithoutARegistry()
    {
        final CommandRun run = run("schemas", "--set", "asset-class=clinone");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("no registry (schema-registry.url = none)"), run.out());
        for (final RecordSchema kind : RecordSchema.values())
        {
            assertTrue(run.out().contains("market.clinone." + kind.dataType().nameInTopic() + "-value"), run.out());
        }
        assertEquals(2, run("schemas", "--check").exitCode());
    }

    @Test
    void shouldRegisterEverySchemaOnceAndShowIdsAndVersions() throws Exception
    {
        final String url = "schema-registry.url=" + REGISTRY.url();

        final CommandRun before = run("schemas", "--set", "asset-class=cliroll", "--set", url);
        final CommandRun registered = run("schemas", "--register", "--set", "asset-class=cliroll", "--set", url);
        final CommandRun again = run("schemas", "--register", "--set", "asset-class=cliroll", "--set", url);

        assertEquals(0, before.exitCode(), before.err());
        assertTrue(before.out().contains("new subject: registering adds version 1"), before.out());
        assertEquals(0, registered.exitCode(), registered.err());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(registered.out(), again.out(), "registering again changes nothing");
        try (SchemaRegistryClient client = REGISTRY.client())
        {
            for (final RecordSchema kind : RecordSchema.values())
            {
                final String subject = "market.cliroll." + kind.dataType().nameInTopic() + "-value";
                assertEquals(List.of(1), client.versions(subject));
                final int id = client.latest(subject).orElseThrow().id();
                assertTrue(registered.out().lines().anyMatch(line -> line.contains(subject) &&
                    line.contains("version 1, id " + id + " ") && line.endsWith("registered, latest")), registered.out());
            }
        }
    }

    @Test
    void shouldCheckAChangedSchemaDirectoryAndExitOneNamingSubjectFieldAndRule() throws Exception
    {
        final String url = "schema-registry.url=" + REGISTRY.url();
        assertEquals(0, run("schemas", "--register", "--set", "asset-class=clicheck", "--set", url).exitCode());
        final Path changed = Files.createDirectories(state.resolve("schemas"));
        final RecordSchemas original = RecordSchemas.fromClassPath();
        for (final RecordSchema kind : RecordSchema.values())
        {
            final String text = original.text(kind);
            Files.writeString(changed.resolve(kind.fileName()), kind != RecordSchema.STATUS ? text :
                text.replace("{\"name\": \"trackingNumber\"", "{\"name\": \"tracking\""));
        }

        final CommandRun check = run("schemas", "--check", "--schemas", changed.toString(), "--set", "asset-class=clicheck", "--set", url);
        final CommandRun register = run("schemas", "--register", "--schemas", changed.toString(), "--set", "asset-class=clicheck", "--set", url);

        assertEquals(1, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("would be refused:"), check.out());
        assertTrue(check.out().contains("market.clicheck.status-value (Status.avsc against registered version 1"), check.out());
        assertTrue(check.out().contains("field 'trackingNumber' (int, no default) is removed: rule 'remove only fields that have a default'"),
            check.out());
        assertTrue(check.out().contains("field 'tracking' (int) is added without a default: rule 'add fields only with a default'"),
            check.out());
        assertEquals(1, register.exitCode(), register.out() + register.err());
        assertTrue(register.out().contains("refused, nothing registered:"), register.out());
        try (SchemaRegistryClient client = REGISTRY.client())
        {
            assertEquals(List.of(1), client.versions("market.clicheck.status-value"));
        }
    }

    private static CommandRun run(final String... args)
    {
        return CommandRun.of(args);
    }
}
