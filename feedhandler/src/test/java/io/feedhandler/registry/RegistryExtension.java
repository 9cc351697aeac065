package io.feedhandler.registry;

import io.feedhandler.config.SchemaRegistrySettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One real schema registry for a test class: Apicurio Registry (its Quarkus build, the only
 * Confluent-compatible registry on Maven Central) run as a child process on a free loopback port,
 * with in-memory storage, serving the Confluent API under {@code /apis/ccompat/v7}. Started before
 * the class's first test, destroyed after its last (or killed earlier by the test: {@link #kill()}). Register it as
 * {@code @RegisterExtension static final RegistryExtension REGISTRY = new RegistryExtension();}.
 *
 * <p>Maven unpacks the registry into {@code target/apicurio} in {@code process-test-resources}
 * (see feedhandler/pom.xml). A test that cannot find or start it fails: it never skips.
 */
public final class RegistryExtension implements BeforeAllCallback, AfterAllCallback
{
    /** Where Maven unpacks the tarball, relative to the module (surefire's working directory). */
    static final Path HOME = Path.of("target", "apicurio");
    /** The Confluent-compatible API's path. */
    public static final String CCOMPAT = "/apis/ccompat/v7";

    private static final Duration START_DEADLINE = Duration.ofSeconds(90);

    private Process process;
    private Path log;
    private int port;

    @Override
    public void beforeAll(final ExtensionContext context) throws Exception
    {
        final Path jar = HOME.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar))
        {
            fail("no schema registry at " + jar.toAbsolutePath() + ": Maven unpacks io.apicurio:apicurio-registry-app:" +
                "tar.gz:all there in process-test-resources; run the tests through ./mvnw");
        }
        port = freePort();
        log = Path.of("target", "apicurio-" + context.getRequiredTestClass().getSimpleName() + ".log");
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
            "-Dquarkus.management.enabled=false", "-jar", jar.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        awaitReady();
    }

    @Override
    public void afterAll(final ExtensionContext context) throws InterruptedException
    {
        if (process != null)
        {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS))
            {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    /**
     * Kill the registry mid-test, as a crash or a lost host would (SIGKILL: no orderly shutdown),
     * and wait until the process is gone, so that its port refuses connections from here on.
     * {@link #afterAll} has nothing left to stop then.
     *
     * @throws InterruptedException if interrupted while waiting for the process to end.
     */
    public void kill() throws InterruptedException
    {
        if (process == null)
        {
            return;
        }
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS))
        {
            fail("the schema registry (pid " + process.pid() + ") was still running 30 s after SIGKILL");
        }
        process = null;
    }

    /** @return the Confluent-compatible API's base URL, e.g. {@code http://127.0.0.1:40123/apis/ccompat/v7}. */
    public URI url()
    {
        return URI.create("http://127.0.0.1:" + port + CCOMPAT);
    }

    /** @return settings for a client of this registry, short timeouts. */
    public SchemaRegistrySettings settings()
    {
        return SchemaRegistrySettings.of(url());
    }

    /** @return a client of this registry. */
    public SchemaRegistryClient client()
    {
        try
        {
            return SchemaRegistryClient.of(settings());
        }
        catch (final SchemaRegistryException ex)
        {
            throw new AssertionError(ex);
        }
    }

    /** @return a loopback port nothing listens on (bound and released just now). */
    public static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        final URI subjects = URI.create(url() + "/subjects");
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build())
        {
            while (System.nanoTime() < deadline)
            {
                if (!process.isAlive())
                {
                    fail("the schema registry exited with " + process.exitValue() + " before answering; its log " +
                        log.toAbsolutePath() + " ends:\n" + tail());
                }
                try
                {
                    final HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(subjects).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200)
                    {
                        return;
                    }
                }
                catch (final IOException ex)
                {
                    // not listening yet
                }
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        fail("the schema registry did not answer GET " + subjects + " within " + START_DEADLINE.toSeconds() +
            " s; its log " + log.toAbsolutePath() + " ends:\n" + tail());
    }

    private String tail() throws IOException
    {
        final List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
