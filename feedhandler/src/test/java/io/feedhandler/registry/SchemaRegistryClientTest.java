package io.feedhandler.registry;

import io.feedhandler.avro.RecordSchema;
import io.feedhandler.avro.RecordSchemas;
import io.feedhandler.config.SchemaRegistrySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST client against a real registry (Apicurio's Confluent-compatible API), one subject per test. */
class SchemaRegistryClientTest
{
    @RegisterExtension
    static final RegistryExtension REGISTRY = new RegistryExtension();

    private static final RecordSchemas SCHEMAS = RecordSchemas.fromClassPath();
    private static final String TRADE = SCHEMAS.text(RecordSchema.TRADE);

    @TempDir
    Path files;

    @Test
    void shouldRegisterOnceAndFindTheSameIdByLookupLatestAndId() throws Exception
    {
        try (SchemaRegistryClient client = REGISTRY.client())
        {
            assertEquals(Optional.empty(), client.lookup("client.register-value", TRADE));
            assertEquals(Optional.empty(), client.latest("client.register-value"));
            assertEquals(List.of(), client.versions("client.register-value"));

            final int id = client.register("client.register-value", TRADE);
            assertEquals(id, client.register("client.register-value", TRADE), "registering again returns the same id");

            final RegisteredSchema found = client.lookup("client.register-value", TRADE).orElseThrow();
            assertEquals(List.of("client.register-value", id, 1), List.of(found.subject(), found.id(), found.version()));
            final RegisteredSchema latest = client.latest("client.register-value").orElseThrow();
            assertEquals(List.of("client.register-value", id, 1), List.of(latest.subject(), latest.id(), latest.version()));
            assertEquals(List.of(1), client.versions("client.register-value"));
            assertEquals(SCHEMAS.schema(RecordSchema.TRADE), new org.apache.avro.Schema.Parser().parse(client.schemaById(id).orElseThrow()));
            assertEquals(Optional.empty(), client.schemaById(987_654));
        }
    }

    @Test
    void shouldReportIncompatibilityUnderBackwardAndRefuseToRegisterIt() throws Exception
    {
        try (SchemaRegistryClient client = REGISTRY.client())
        {
            client.register("client.compat-value", TRADE);
            final String changed = TRADE.replace("{\"name\": \"shares\", \"type\": \"long\"", "{\"name\": \"shares\", \"type\": \"string\"");
            assertEquals("NONE", client.compatibilityLevel("client.compat-value"), "Apicurio's default");

            client.compatibilityLevel("client.compat-value", "BACKWARD");

            assertEquals("BACKWARD", client.compatibilityLevel("client.compat-value"));
            assertFalse(client.isCompatible("client.compat-value", changed));
            assertTrue(client.isCompatible("client.new-value", changed), "a subject without versions accepts anything");
            final SchemaRegistryException refused = assertThrows(SchemaRegistryException.class,
                () -> client.register("client.compat-value", changed));
            assertFalse(refused.unreachable());
            assertTrue(refused.getMessage().contains("client.compat-value"), refused.getMessage());
            assertEquals(List.of(1), client.versions("client.compat-value"));
        }
    }

    @Test
    void shouldSendBasicAuthFromFilesAndNameAnEmptyOne() throws Exception
    {
        final Path user = Files.writeString(files.resolve("user"), "feedhandler\n");
        final Path password = Files.writeString(files.resolve("password"), "s3cret\n");
        final Path empty = Files.writeString(files.resolve("empty"), "\n");
        final SchemaRegistrySettings base = REGISTRY.settings();

        // Apicurio runs without authentication here: the header is sent and ignored.
        try (SchemaRegistryClient client = SchemaRegistryClient.of(withAuth(base, user, password)))
        {
            assertEquals(List.of(), client.versions("client.auth-value"));
        }
        final SchemaRegistryException thrown = assertThrows(SchemaRegistryException.class,
            () -> SchemaRegistryClient.of(withAuth(base, user, empty)));
        assertEquals("schema registry password file " + empty + " is empty", thrown.getMessage());
    }

    @Test
    void shouldNameTheUrlAndTheCauseWhenNothingListensAfterItsRetries() throws Exception
    {
        final URI down = URI.create("http://127.0.0.1:" + RegistryExtension.freePort());
        final SchemaRegistrySettings settings = new SchemaRegistrySettings(Optional.of(down), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(1), 2, Duration.ofMillis(20), false);

        try (SchemaRegistryClient client = SchemaRegistryClient.of(settings))
        {
            final SchemaRegistryException thrown = assertThrows(SchemaRegistryException.class,
                () -> client.lookup("client.down-value", TRADE));
            assertTrue(thrown.unreachable());
            assertTrue(thrown.getMessage().matches("schema registry " + down + " unreachable: connection refused \\(3 tries in \\d+ ms\\)"),
                thrown.getMessage());
        }
    }

    @Test
    void shouldNameATrustStoreThatCannotBeLoaded() throws Exception
    {
        final Path store = Files.writeString(files.resolve("truststore.p12"), "not a key store");
        final SchemaRegistrySettings base = REGISTRY.settings();
        final SchemaRegistrySettings settings = new SchemaRegistrySettings(base.url(), Optional.empty(), Optional.empty(),
            Optional.of(store), Optional.empty(), base.timeout(), base.retries(), base.retryBackoff(), false);

        final SchemaRegistryException thrown = assertThrows(SchemaRegistryException.class, () -> SchemaRegistryClient.of(settings));
        assertTrue(thrown.getMessage().startsWith("schema registry trust store " + store + " cannot be loaded"), thrown.getMessage());
        assertFalse(thrown.unreachable());
    }

    private static SchemaRegistrySettings withAuth(final SchemaRegistrySettings base, final Path user, final Path password)
    {
        return new SchemaRegistrySettings(base.url(), Optional.of(user), Optional.of(password), Optional.empty(),
            Optional.empty(), base.timeout(), base.retries(), base.retryBackoff(), false);
    }
}
