package io.feedhandler.app.systemd;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The template unit {@code systemd/feedhandler@.service} as systemd itself judges it: {@code
 * systemd-analyze verify} must print nothing (it exits 0 even on errors, so any output fails), and
 * the hardening score of {@code systemd-analyze security --offline=yes} must not get worse. Needs
 * systemd-analyze (Debian package systemd; {@code .ci/run} installs it): missing, the test fails.
 */
class SystemdUnitTest
{
    /** The exposure score reached (lower is better; 10 is unprotected). Lower it when you harden more. */
    private static final double EXPOSURE_AT_MOST = 1.2;
    private static final Path UNIT = Path.of("..", "systemd", "feedhandler@.service");
    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for \\S+: ([0-9.]+)");

    @TempDir
    Path directory;

    record Result(int exitCode, String output)
    {
    }

    @Test
    void shouldPassSystemdAnalyzeVerifyWithoutASingleLineOfOutput() throws Exception
    {
        final Result verify = run("systemd-analyze", "verify", unitWithStubBinary().toString());

        assertEquals("", verify.output());
        assertEquals(0, verify.exitCode());
    }

    @Test
    void shouldKeepTheHardeningScoreOfSystemdAnalyzeSecurity() throws Exception
    {
        final Result security = run("systemd-analyze", "security", "--offline=yes", "--no-pager", unitWithStubBinary().toString());

        final Matcher score = EXPOSURE.matcher(security.output());
        assertTrue(score.find(), security.output());
        final double exposure = Double.parseDouble(score.group(1));
        assertTrue(exposure <= EXPOSURE_AT_MOST, "exposure " + exposure + " > " + EXPOSURE_AT_MOST + ":\n" + security.output());
    }

    @Test
    void shouldBeTheNotifyServiceTheDaemonIsWrittenFor() throws IOException
    {
        final List<String> lines = Files.readAllLines(UNIT);
        for (final String directive : List.of("Type=notify", "NotifyAccess=main", "KillSignal=SIGTERM", "Restart=on-failure",
            "User=feedhandler", "StateDirectory=feedhandler/%i", "EnvironmentFile=-/etc/feedhandler/%i.env",
            "EnvironmentFile=/etc/feedhandler/jvm.env", "MemoryDenyWriteExecute=no",
            "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX AF_NETLINK", "SystemCallFilter=@system-service",
            "CapabilityBoundingSet=", "ExecStart=/usr/bin/feedhandler run --profile /etc/feedhandler/%i.conf"))
        {
            assertTrue(lines.contains(directive), directive);
        }
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("WatchdogSec=")));
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("TimeoutStopSec=")));
    }

    @Test
    void shouldStartThisJdkWithTheOptionsOfItsEnvironmentFile() throws Exception
    {
        final int feature = Runtime.version().feature() >= 25 ? 25 : 21;
        final Path environment = Path.of("..", "systemd", "jvm-" + feature + ".env");
        String options = "";
        for (final String line : Files.readAllLines(environment))
        {
            if (line.startsWith("FEEDHANDLER_JAVA_OPTS=") || line.startsWith("FEEDHANDLER_DAEMON_OPTS="))
            {
                options += " " + line.substring(line.indexOf('=') + 1);
            }
        }
        assertTrue(options.contains("-Xmx") && options.contains("--add-exports"), environment + ": " + options);
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The production heap is too big for a shared test machine: same flags, small heap.
        for (final String option : options.trim().split("\\s+"))
        {
            command.add(option.startsWith("-Xms") || option.startsWith("-Xmx") ? option.substring(0, 4) + "64m" : option);
        }
        command.add("-version");

        final Result java = run(command.toArray(String[]::new));

        assertEquals(0, java.exitCode(), java.output());
        assertTrue(!java.output().contains("WARNING"), java.output());
    }

    /** systemd-analyze checks that ExecStart's binary exists: point it at a stub in a copy of the unit. */
    private Path unitWithStubBinary() throws IOException
    {
        final Path stub = directory.resolve("feedhandler");
        Files.writeString(stub, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        final Path unit = directory.resolve("feedhandler@.service");
        Files.writeString(unit, Files.readString(UNIT).replace("/usr/bin/feedhandler", stub.toString()));
        return unit;
    }

    private static Result run(final String... command) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
