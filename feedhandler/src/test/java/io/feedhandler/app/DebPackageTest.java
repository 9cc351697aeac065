package io.feedhandler.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Debian package {@code ./mvnw package} builds, read back with {@code dpkg-deb} (runs in the
 * integration-test phase, after {@code package}): what it installs where, with which modes, which
 * files are conffiles, what the maintainer scripts do, and that the installed launcher, jar and
 * profile work together. Only the package-test execution (after {@code package}) sets
 * {@value #DIRECTORY}; {@code -Dtest=DebPackageTest} would otherwise also run it in the test phase,
 * against the .deb of the previous build.
 */
@EnabledIfSystemProperty(named = DebPackageTest.DIRECTORY, matches = ".+")
class DebPackageTest
{
    static final String DIRECTORY = "feedhandler.deb.directory";

    @TempDir
    Path directory;

    record Result(int exitCode, String output)
    {
    }

    @Test
    void shouldInstallTheJarLauncherUnitProfilesAndEnvironmentFiles() throws Exception
    {
        final Result contents = run("dpkg-deb", "-c", deb().toString());
        assertEquals(0, contents.exitCode(), contents.output());

        assertEntry(contents, "-rw-r--r-- root/root", "./usr/share/feedhandler/feedhandler.jar");
        assertEntry(contents, "-rwxr-xr-x root/root", "./usr/bin/feedhandler");
        assertEntry(contents, "-rw-r--r-- root/root", "./lib/systemd/system/feedhandler@.service");
        assertEntry(contents, "-rw-r--r-- root/root", "./etc/feedhandler/jvm-21.env");
        assertEntry(contents, "-rw-r--r-- root/root", "./etc/feedhandler/jvm-25.env");
        try (Stream<Path> profiles = Files.list(Path.of("..", "conf")))
        {
            for (final Path profile : profiles.filter(path -> path.toString().endsWith(".conf")).toList())
            {
                assertEntry(contents, "-rw-r--r-- root/root", "./etc/feedhandler/" + profile.getFileName());
            }
        }
        assertEntry(contents, "-rw-r--r-- root/root", "./usr/share/feedhandler/grafana/feedhandler.json");
        assertEntry(contents, "-rw-r--r-- root/root", "./usr/share/feedhandler/prometheus/feedhandler-alerts.yml");
    }

    @Test
    void shouldMarkEverythingUnderEtcAsConffilesAndCreateTheSystemUser() throws Exception
    {
        final Path control = directory.resolve("DEBIAN");
        assertEquals(0, run("dpkg-deb", "-e", deb().toString(), control.toString()).exitCode());

        final List<String> conffiles = Files.readAllLines(control.resolve("conffiles"));
        assertTrue(conffiles.contains("/etc/feedhandler/nasdaq-totalview-itch.conf"), conffiles.toString());
        assertTrue(conffiles.contains("/etc/feedhandler/jvm-21.env"), conffiles.toString());
        assertTrue(conffiles.contains("/etc/feedhandler/jvm-25.env"), conffiles.toString());
        final String postinst = Files.readString(control.resolve("postinst"));
        assertTrue(postinst.contains("adduser --system --group --no-create-home --home /var/lib/feedhandler"), postinst);
        for (final String script : List.of("postinst", "prerm", "postrm"))
        {
            assertEquals(0, run("sh", "-n", control.resolve(script).toString()).exitCode(), script);
        }

        final Result info = run("dpkg-deb", "-f", deb().toString(), "Package", "Architecture", "Depends");
        assertTrue(info.output().contains("Package: feedhandler"), info.output());
        assertTrue(info.output().contains("Architecture: amd64"), info.output());
        assertTrue(info.output().contains("Depends: adduser, openjdk-21-jre-headless"), info.output());
    }

    @Test
    void shouldRunTheInstalledLauncherJarAndProfileTogether() throws Exception
    {
        final Path root = directory.resolve("root");
        assertEquals(0, run("dpkg-deb", "-x", deb().toString(), root.toString()).exitCode());
        assertEquals(Files.readString(Path.of("..", "systemd", "feedhandler@.service")),
            Files.readString(root.resolve("lib/systemd/system/feedhandler@.service")));
        // The launcher names its absolute install paths; point them into the unpacked tree.
        final Path launcher = directory.resolve("feedhandler");
        Files.writeString(launcher, Files.readString(root.resolve("usr/bin/feedhandler"))
            .replace("/usr/share/feedhandler/", root.resolve("usr/share/feedhandler") + "/")
            .replace("/etc/feedhandler/", root.resolve("etc/feedhandler") + "/"));

        final Result check = run("env", "JAVA_HOME=" + System.getProperty("java.home"), "sh", launcher.toString(),
            "check-config", "--profile", root.resolve("etc/feedhandler/nasdaq-totalview-itch.conf").toString());

        assertEquals(0, check.exitCode(), check.output());
        assertTrue(check.output().contains("nasdaq-totalview-itch.conf: OK"), check.output());
    }

    private static void assertEntry(final Result contents, final String modeAndOwner, final String path)
    {
        assertTrue(contents.output().lines().anyMatch(line -> line.startsWith(modeAndOwner) && line.endsWith(" " + path)),
            modeAndOwner + " " + path + " in\n" + contents.output());
    }

    private static Path deb() throws IOException
    {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty(DIRECTORY))))
        {
            final List<Path> debs = new ArrayList<>(files.filter(path -> path.toString().endsWith("_amd64.deb")).toList());
            assertEquals(1, debs.size(), "one .deb in target/ (built by ./mvnw package): " + debs);
            return debs.get(0);
        }
    }

    private static Result run(final String... command) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
