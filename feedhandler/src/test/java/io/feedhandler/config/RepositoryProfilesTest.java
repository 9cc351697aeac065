package io.feedhandler.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The profiles in the repository's {@code conf/} folder load cleanly, as shipped. */
class RepositoryProfilesTest
{
    /** Maven runs tests in the module directory ({@code feedhandler/}); {@code conf/} is beside it. */
    private static final Path CONF = Path.of("..", "conf");
    private static final Path NASDAQ = CONF.resolve("nasdaq-totalview-itch.conf");

    @Test
    void shouldLoadTheNasdaqProfileWithItsLowLatencyProducer() throws Exception
    {
        assertTrue(Files.isRegularFile(NASDAQ), NASDAQ.toAbsolutePath().normalize() + " is missing");

        final Profile profile = Profile.load(NASDAQ, Map.of(), Map.of());

        assertEquals("nasdaq", profile.exchange());
        assertEquals("equities", profile.assetClass());
        assertEquals(ZoneId.of("America/New_York"), profile.timeZone());
        assertEquals("0", profile.kafka().producer().get("linger.ms"));
        assertEquals("all", profile.kafka().producer().get("acks"));
        assertEquals("true", profile.kafka().producer().get("enable.idempotence"));
        assertEquals("1000", profile.kafka().producer().get("max.block.ms"));
        assertEquals("feedhandler-nasdaq", profile.kafka().producer().get("client.id"));
        assertFalse(profile.schemaRegistry().enabled());
    }

    @Test
    void shouldLoadTheSoupBinTcpProfileAsTheNasdaqProfileWithAnotherTransport() throws Exception
    {
        final Profile profile = Profile.load(CONF.resolve("nasdaq-totalview-itch-soupbintcp.conf"), Map.of(), Map.of());

        assertEquals(Transport.SOUPBINTCP, profile.transport());
        assertEquals(java.util.Optional.of(Path.of("/etc/feedhandler/nasdaq-soupbintcp.credentials")),
            profile.soupBinTcp().credentialsFile());
        assertEquals(15000, profile.soupBinTcp().timeoutMillis());
        assertEquals("nasdaq", profile.exchange(), "the rest comes from the included MoldUDP64 profile");
        assertEquals("0", profile.kafka().producer().get("linger.ms"));
        assertEquals(Path.of("state/soupbintcp"), profile.checkpoint().directory());
    }

    @Test
    void shouldLoadEveryProfileInConf() throws IOException
    {
        final List<Path> profiles;
        try (Stream<Path> files = Files.list(CONF))
        {
            profiles = files.filter(file -> file.getFileName().toString().endsWith(".conf")).sorted().toList();
        }
        assertTrue(profiles.contains(NASDAQ), "no " + NASDAQ + " among " + profiles);
        for (final Path file : profiles)
        {
            try
            {
                Profile.load(file, Map.of(), Map.of());
            }
            catch (final ProfileException ex)
            {
                fail(ex.getMessage());
            }
        }
    }

    @Test
    void shouldShareTheNasdaqSettingsThroughAnIncludeAndChangeOnlyTheExchangeAndItsLines() throws Exception
    {
        final Profile nasdaq = Profile.load(NASDAQ, Map.of(), Map.of());
        final Profile bx = Profile.load(CONF.resolve("nasdaq-bx-itch.conf"), Map.of(), Map.of());
        final Profile psx = Profile.load(CONF.resolve("nasdaq-psx-itch.conf"), Map.of(), Map.of());
        final Profile local = Profile.load(CONF.resolve("local-demo.conf"), Map.of(), Map.of());

        assertEquals("bx", bx.exchange());
        assertEquals("psx", psx.exchange());
        assertEquals("feedhandler-bx", bx.kafka().producer().get("client.id"));
        assertEquals(nasdaq.kafka().producer().get("linger.ms"), bx.kafka().producer().get("linger.ms"));
        assertEquals(nasdaq.pipeline(), psx.pipeline());
        assertEquals(nasdaq.lines().a().networkInterface(), bx.lines().a().networkInterface(), "interfaces come from the include");
        assertFalse(nasdaq.lines().a().group().equals(bx.lines().a().group()), "BX has its own groups");
        assertFalse(bx.lines().a().group().equals(psx.lines().a().group()), "PSX has its own groups");
        assertEquals("lo", local.lines().a().networkInterface());
        assertEquals(9464, local.metrics().port());
    }
}
