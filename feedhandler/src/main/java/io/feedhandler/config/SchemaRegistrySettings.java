package io.feedhandler.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code schema-registry} section: where the Confluent-compatible registry is, how to reach it,
 * and what to do when it cannot be reached at start.
 *
 * @param url                    a Confluent-compatible schema registry, e.g. {@code http://registry:8081}
 *                               (Apicurio: {@code http://host:8080/apis/ccompat/v7}); empty for none:
 *                               records are then written in Avro single-object encoding instead of
 *                               Confluent framing.
 * @param usernameFile           file holding the basic auth user name (one line); with {@code passwordFile}.
 * @param passwordFile           file holding the basic auth password (one line).
 * @param trustStore             trust store (PKCS12 or JKS) of the registry's TLS certificate, for
 *                               {@code https} with a private CA; empty: the JDK's own CAs.
 * @param trustStorePasswordFile file holding the trust store's password; empty: none.
 * @param timeout                per request: connecting and waiting for the answer.
 * @param retries                attempts after the first when the registry cannot be reached or answers 5xx.
 * @param retryBackoff           pause before the first retry, doubled before each next one.
 * @param fallbackToSingleObject when the registry cannot be reached at start: start anyway with
 *                               single-object encoding (logged as a warning, counted) instead of
 *                               refusing to start.
 */
public record SchemaRegistrySettings(
    Optional<URI> url,
    Optional<Path> usernameFile,
    Optional<Path> passwordFile,
    Optional<Path> trustStore,
    Optional<Path> trustStorePasswordFile,
    Duration timeout,
    int retries,
    Duration retryBackoff,
    boolean fallbackToSingleObject)
{
    /** What {@code schema-registry.url} (or {@code SCHEMA_REGISTRY_URL}) says for "no registry". */
    public static final String NONE = "none";

    private static final String SECTION = "schema-registry.";

    /**
     * @param url the registry; the rest as the built-in defaults say (no auth, JDK trust, 5 s, 3 retries).
     * @return settings for tests and tools.
     */
    public static SchemaRegistrySettings of(final URI url)
    {
        return new SchemaRegistrySettings(Optional.of(url), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Duration.ofSeconds(5), 3, Duration.ofMillis(250), false);
    }

    /** @return whether records are framed with registry schema ids. */
    public boolean enabled()
    {
        return url.isPresent();
    }

    static SchemaRegistrySettings read(final ProfileReader reader)
    {
        final Optional<URI> url = readUrl(reader);
        final Optional<Path> usernameFile = file(reader, "username-file", "a file holding the registry user name");
        final Optional<Path> passwordFile = file(reader, "password-file", "a file holding the registry password");
        if (usernameFile.isPresent() != passwordFile.isPresent())
        {
            reader.error(SECTION + "username-file and " + SECTION + "password-file must be set together " +
                "(basic auth), or neither");
        }
        final Optional<Path> trustStore = file(reader, "trust-store", "a PKCS12 or JKS trust store file");
        final Optional<Path> trustStorePasswordFile =
            file(reader, "trust-store-password-file", "a file holding the trust store's password");
        if (trustStorePasswordFile.isPresent() && trustStore.isEmpty())
        {
            reader.error(SECTION + "trust-store-password-file is set without " + SECTION + "trust-store");
        }
        final Duration timeout = Duration.ofMillis(reader.wholeNumber(SECTION + "timeout-ms", 100, 600_000));
        final int retries = (int)reader.wholeNumber(SECTION + "retries", 0, 100);
        final Duration backoff = Duration.ofMillis(reader.wholeNumber(SECTION + "retry-backoff-ms", 0, 60_000));
        final boolean fallback = reader.flag(SECTION + "fallback-to-single-object");
        return new SchemaRegistrySettings(url, usernameFile, passwordFile, trustStore, trustStorePasswordFile,
            timeout, retries, backoff, fallback);
    }

    private static Optional<URI> readUrl(final ProfileReader reader)
    {
        final String mustBe = "'" + NONE + "' or an http(s) URL such as http://registry:8081";
        final Optional<String> text = reader.text(SECTION + "url", true, mustBe);
        if (text.isEmpty() || text.get().equals(NONE))
        {
            return Optional.empty();
        }
        try
        {
            final URI uri = new URI(text.get());
            final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getUserInfo() == null)
            {
                return Optional.of(uri);
            }
        }
        catch (final URISyntaxException ex)
        {
            // reported below, with the value and where it came from
        }
        // A user:password@ in the URL would end up in logs: credentials go in username-file and password-file.
        reader.invalid(SECTION + "url", "must be " + mustBe);
        return Optional.empty();
    }

    private static Optional<Path> file(final ProfileReader reader, final String key, final String mustBe)
    {
        final Optional<String> text = reader.text(SECTION + key, false, mustBe);
        if (text.isEmpty())
        {
            return Optional.empty();
        }
        try
        {
            if (!text.get().isBlank())
            {
                return Optional.of(Path.of(text.get()));
            }
        }
        catch (final InvalidPathException ex)
        {
            // reported below
        }
        reader.invalid(SECTION + key, "must be " + mustBe);
        return Optional.empty();
    }
}
