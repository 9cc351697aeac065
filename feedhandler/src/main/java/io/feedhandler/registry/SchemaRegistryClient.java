package io.feedhandler.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedhandler.config.SchemaRegistrySettings;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small client of the Confluent Schema Registry REST API (Confluent's own, or a compatible one
 * such as Apicurio's {@code /apis/ccompat/v7}): the calls a producer needs at start, and the
 * consumer's look-up by id. Start-up only: it blocks, allocates and retries; the publishing path
 * never calls it.
 *
 * <p>Every request has the profile's timeout; a request the registry cannot answer (I/O error,
 * timeout, 5xx) is tried again {@code retries} times, waiting {@code retry-backoff-ms} and twice
 * as long each next time. What still fails becomes a {@link SchemaRegistryException} of one line
 * naming the URL and the cause. Basic auth credentials and a TLS trust store come from files.
 */
public final class SchemaRegistryClient implements AutoCloseable
{
    /** The content type the Confluent API documents for requests. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NOT_FOUND = 404;
    private static final int CONFLICT = 409;

    private final String base;
    private final HttpClient http;
    private final Optional<String> authorization;
    private final Duration timeout;
    private final int retries;
    private final Duration backoff;

    private SchemaRegistryClient(final SchemaRegistrySettings settings, final HttpClient http, final Optional<String> authorization)
    {
        final String url = settings.url().orElseThrow().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.http = http;
        this.authorization = authorization;
        this.timeout = settings.timeout();
        this.retries = settings.retries();
        this.backoff = settings.retryBackoff();
    }

    /**
     * @param settings the profile's {@code schema-registry} section, with a URL.
     * @return a client; nothing is sent yet.
     * @throws SchemaRegistryException if a credentials or trust store file cannot be read.
     */
    public static SchemaRegistryClient of(final SchemaRegistrySettings settings) throws SchemaRegistryException
    {
        final HttpClient.Builder builder = HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NORMAL);
        if (settings.trustStore().isPresent())
        {
            builder.sslContext(sslContext(settings.trustStore().get(), settings.trustStorePasswordFile()));
        }
        Optional<String> authorization = Optional.empty();
        if (settings.usernameFile().isPresent() && settings.passwordFile().isPresent())
        {
            final String credentials = firstLine(settings.usernameFile().get(), "user name") + ":" +
                firstLine(settings.passwordFile().get(), "password");
            authorization = Optional.of("Basic " +
                Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return new SchemaRegistryClient(settings, builder.build(), authorization);
    }

    /** @return the registry's URL as the profile gives it, without a trailing slash. */
    public String url()
    {
        return base;
    }

    /**
     * {@code POST /subjects/{subject}}: is this exact schema registered under the subject?
     *
     * @param subject e.g. {@code market.equities.trades-value}.
     * @param schema  schema JSON.
     * @return its id and version there; empty if the subject or the schema is unknown.
     * @throws SchemaRegistryException if the registry cannot answer.
     */
    public Optional<RegisteredSchema> lookup(final String subject, final String schema) throws SchemaRegistryException
    {
        final Answer answer = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
        if (answer.status() == NOT_FOUND)
        {
            return Optional.empty();
        }
        return Optional.of(registered(subject, answer.ok()));
    }

    /**
     * {@code POST /subjects/{subject}/versions}: register the schema (the registry returns the
     * existing id when it already holds it).
     *
     * @param subject e.g. {@code market.equities.trades-value}.
     * @param schema  schema JSON.
     * @return the global schema id.
     * @throws SchemaRegistryException if the registry cannot answer, or refuses the schema (409:
     *                                 incompatible with the subject's rule; 422: invalid).
     */
    public int register(final String subject, final String schema) throws SchemaRegistryException
    {
        final Answer answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        if (answer.status() == CONFLICT)
        {
            throw refused(answer, "refuses the schema of " + subject + " as incompatible with its compatibility rule");
        }
        return answer.ok().path("id").asInt();
    }

    /**
     * {@code GET /subjects/{subject}/versions/latest}.
     *
     * @param subject e.g. {@code market.equities.trades-value}.
     * @return the latest version; empty if the subject has none.
     * @throws SchemaRegistryException if the registry cannot answer.
     */
    public Optional<RegisteredSchema> latest(final String subject) throws SchemaRegistryException
    {
        final Answer answer = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        if (answer.status() == NOT_FOUND)
        {
            return Optional.empty();
        }
        return Optional.of(registered(subject, answer.ok()));
    }

    /**
     * {@code GET /subjects/{subject}/versions}.
     *
     * @param subject e.g. {@code market.equities.trades-value}.
     * @return its version numbers, oldest first; empty if the subject is unknown.
     * @throws SchemaRegistryException if the registry cannot answer.
     */
    public List<Integer> versions(final String subject) throws SchemaRegistryException
    {
        final Answer answer = send("GET", "/subjects/" + encode(subject) + "/versions", null);
        final List<Integer> versions = new ArrayList<>();
        if (answer.status() != NOT_FOUND)
        {
            answer.ok().forEach(version -> versions.add(version.asInt()));
        }
        return versions;
    }

    /**
     * {@code POST /compatibility/subjects/{subject}/versions/latest}: would the registry accept
     * this schema as the subject's next version, under the subject's compatibility rule?
     *
     * @param subject e.g. {@code market.equities.trades-value}.
     * @param schema  schema JSON.
     * @return the registry's verdict (true for a subject with no versions yet).
     * @throws SchemaRegistryException if the registry cannot answer.
     */
    public boolean isCompatible(final String subject, final String schema) throws SchemaRegistryException
    {
        final Answer answer = send("POST",
            "/compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true", schemaBody(schema));
        if (answer.status() == NOT_FOUND)
        {
            return true;
        }
        return answer.ok().path("is_compatible").asBoolean(false);
    }

    /**
     * {@code GET /config/{subject}}, falling back to the registry's global {@code GET /config}.
     *
     * @param subject e.g. {@code market.equities.trades-value}.
     * @return the compatibility level in force, e.g. {@code BACKWARD} or {@code NONE}.
     * @throws SchemaRegistryException if the registry cannot answer.
     */
    public String compatibilityLevel(final String subject) throws SchemaRegistryException
    {
        Answer answer = send("GET", "/config/" + encode(subject), null);
        if (answer.status() == NOT_FOUND)
        {
            answer = send("GET", "/config", null);
        }
        return answer.ok().path("compatibilityLevel").asText("BACKWARD");
    }

    /**
     * {@code PUT /config/{subject}}: set the subject's compatibility level.
     *
     * @param subject e.g. {@code market.equities.trades-value}.
     * @param level   {@code BACKWARD}, {@code FORWARD}, {@code FULL}, their {@code _TRANSITIVE} forms, or {@code NONE}.
     * @throws SchemaRegistryException if the registry cannot answer or refuses.
     */
    public void compatibilityLevel(final String subject, final String level) throws SchemaRegistryException
    {
        send("PUT", "/config/" + encode(subject), json(Map.of("compatibility", level))).ok();
    }

    /**
     * {@code GET /schemas/ids/{id}}: what a consumer does with the id in a record's framing.
     *
     * @param id global schema id.
     * @return the schema JSON; empty if the registry knows no such id.
     * @throws SchemaRegistryException if the registry cannot answer.
     */
    public Optional<String> schemaById(final int id) throws SchemaRegistryException
    {
        final Answer answer = send("GET", "/schemas/ids/" + id, null);
        if (answer.status() == NOT_FOUND)
        {
            return Optional.empty();
        }
        return Optional.of(answer.ok().path("schema").asText());
    }

    @Override
    public void close()
    {
        http.close();
    }

    private RegisteredSchema registered(final String subject, final JsonNode body)
    {
        return new RegisteredSchema(subject, body.path("id").asInt(), body.path("version").asInt(), body.path("schema").asText());
    }

    private static String schemaBody(final String schema)
    {
        return json(Map.of("schema", schema));
    }

    private static String json(final Map<String, String> fields)
    {
        try
        {
            return JSON.writeValueAsString(fields);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("cannot write a JSON request body", ex);
        }
    }

    private static String encode(final String pathElement)
    {
        return URLEncoder.encode(pathElement, StandardCharsets.UTF_8);
    }

    /** One answer: its status and body; {@link #ok()} insists on 2xx. */
    private final class Answer
    {
        private final String request;
        private final int status;
        private final String body;

        Answer(final String request, final int status, final String body)
        {
            this.request = request;
            this.status = status;
            this.body = body;
        }

        int status()
        {
            return status;
        }

        JsonNode ok() throws SchemaRegistryException
        {
            if (status / 100 != 2)
            {
                throw refused(this, "answers " + request + " with HTTP " + status);
            }
            try
            {
                return JSON.readTree(body);
            }
            catch (final JsonProcessingException ex)
            {
                throw new SchemaRegistryException("schema registry " + base + " answers " + request +
                    " with something other than JSON: " + abbreviate(body), false, ex);
            }
        }

        /** @return the registry's own {@code message}, or the body. */
        String message()
        {
            try
            {
                final JsonNode node = JSON.readTree(body);
                if (node.hasNonNull("message"))
                {
                    return node.get("message").asText();
                }
            }
            catch (final JsonProcessingException ex)
            {
                // not JSON: the body as it is
            }
            return abbreviate(body);
        }
    }

    private SchemaRegistryException refused(final Answer answer, final String what)
    {
        return new SchemaRegistryException("schema registry " + base + " " + what + ": " + answer.message(), false, null);
    }

    private Answer send(final String method, final String path, final String body) throws SchemaRegistryException
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .timeout(timeout)
            .header("Accept", CONTENT_TYPE + ", application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null)
        {
            request.header("Content-Type", CONTENT_TYPE);
        }
        authorization.ifPresent(value -> request.header("Authorization", value));
        final String what = method + " " + path;
        final long started = System.nanoTime();
        String cause = "";
        Throwable last = null;
        for (int attempt = 0; attempt <= retries; attempt++)
        {
            if (attempt > 0)
            {
                pause(backoff.multipliedBy(1L << Math.min(attempt - 1, 20)), what);
            }
            try
            {
                final HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                final int status = response.statusCode();
                if (status == 401 || status == 403)
                {
                    throw new SchemaRegistryException("schema registry " + base + " refuses the credentials" +
                        (authorization.isPresent() ? " of schema-registry.username-file and password-file" :
                            " (none given: set schema-registry.username-file and password-file)") +
                        " (HTTP " + status + " to " + what + ")", false, null);
                }
                if (status < 500)
                {
                    return new Answer(what, status, response.body());
                }
                cause = "HTTP " + status + " to " + what + ": " + abbreviate(response.body());
                last = null;
            }
            catch (final IOException ex)
            {
                cause = describe(ex);
                last = ex;
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("schema registry " + base + ": interrupted during " + what, true, ex);
            }
        }
        final long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        throw new SchemaRegistryException("schema registry " + base + " unreachable: " + cause + " (" +
            (retries + 1) + (retries == 0 ? " try" : " tries") + " in " + elapsedMs + " ms)", true, last);
    }

    private void pause(final Duration pause, final String what) throws SchemaRegistryException
    {
        try
        {
            Thread.sleep(pause);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("schema registry " + base + ": interrupted during " + what, true, ex);
        }
    }

    /** @return e.g. "connection refused", "no answer within 5000 ms", "unknown host registry". */
    private String describe(final IOException ex)
    {
        if (ex instanceof HttpConnectTimeoutException)
        {
            return "no connection within " + timeout.toMillis() + " ms";
        }
        if (ex instanceof HttpTimeoutException)
        {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause())
        {
            final String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (cause instanceof ConnectException)
            {
                // java.net.http's own ConnectException has no message; its cause is a ClosedChannelException.
                return message.isEmpty() ? "connection refused" : message.toLowerCase(java.util.Locale.ROOT);
            }
            if (cause instanceof UnknownHostException)
            {
                return "unknown host " + message;
            }
            if (cause instanceof SSLException)
            {
                return "TLS handshake failed: " + message;
            }
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root)
        {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static String abbreviate(final String text)
    {
        final String line = text.replaceAll("\\s+", " ").trim();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static String firstLine(final Path file, final String what) throws SchemaRegistryException
    {
        try
        {
            final String text = Files.readString(file, StandardCharsets.UTF_8);
            final int end = text.indexOf('\n');
            final String line = (end < 0 ? text : text.substring(0, end)).strip();
            if (line.isEmpty())
            {
                throw new SchemaRegistryException("schema registry " + what + " file " + file + " is empty", false, null);
            }
            return line;
        }
        catch (final IOException ex)
        {
            throw new SchemaRegistryException("schema registry " + what + " file " + file + " cannot be read: " + ex, false, ex);
        }
    }

    private static SSLContext sslContext(final Path trustStore, final Optional<Path> passwordFile) throws SchemaRegistryException
    {
        final char[] password = passwordFile.isPresent() ? firstLine(passwordFile.get(), "trust store password").toCharArray() : null;
        try
        {
            final KeyStore store = KeyStore.getInstance(trustStore.toFile(), password);
            final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            final SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        }
        catch (final IOException | GeneralSecurityException ex)
        {
            throw new SchemaRegistryException("schema registry trust store " + trustStore + " cannot be loaded: " + ex.getMessage(), false, ex);
        }
    }
}
