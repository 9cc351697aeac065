package io.feedhandler.app;

import io.feedhandler.config.Profile;
import io.feedhandler.config.ProfileException;
import io.feedhandler.config.Transport;
import io.feedhandler.sim.ExchangeSimulator;
import io.feedhandler.sim.MessageStore;
import io.feedhandler.sim.SoupBinTcpServer;
import io.feedhandler.transport.soupbintcp.Credentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code feedhandler simulate --profile P}: an exchange on this machine, to try a deployment
 * without one: plays a file or a generated day as MoldUDP64 on the profile's lines A and B, with
 * seeded loss and reordering per line, and serves re-requests on the profile's retransmission port.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Play a feed file or a generated day as MoldUDP64 multicast on the profile's lines A and B, with seeded",
        "loss and reordering per line, and serve re-requests on the profile's retransmission address; with",
        "--soupbintcp-port (or a soupbintcp profile) also serve it over SoupBinTCP: logins with sequence resume,",
        "bad logins rejected, connections dropped at seeded random points (--drop-connections).",
        "Run 'feedhandler run' with the same profile to receive it. Exit 0 when played (and lingered)."})
public final class SimulateCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProfileOptions profileOptions;

    @Option(names = "--file", paramLabel = "FILE", description = "BinaryFILE (.gz too) or MoldUDP64 capture to play. Default: a generated day.")
    private Path file;

    @Option(names = "--messages", defaultValue = "1000000", paramLabel = "N", description = "Messages of the generated day (default ${DEFAULT-VALUE}).")
    private long messages;

    @Option(names = "--symbols", defaultValue = "500", paramLabel = "N", description = "Symbols of the generated day (default ${DEFAULT-VALUE}).")
    private int symbols;

    @Option(names = "--rate", defaultValue = "100000", paramLabel = "N", description = "Messages per second; 0: as fast as possible (default ${DEFAULT-VALUE}).")
    private long rate;

    @Option(names = "--loss-a", defaultValue = "0", paramLabel = "FRACTION", description = "Data packets line A drops, 0 to 1 (default ${DEFAULT-VALUE}).")
    private double lossA;

    @Option(names = "--loss-b", defaultValue = "0", paramLabel = "FRACTION", description = "Data packets line B drops, 0 to 1 (default ${DEFAULT-VALUE}).")
    private double lossB;

    @Option(names = "--exclusive-loss", description = "Line B never drops a packet line A dropped: together the lines carry everything.")
    private boolean exclusiveLoss;

    @Option(names = "--reorder", defaultValue = "0", paramLabel = "FRACTION", description = "Packets held back behind the next one, per line (default ${DEFAULT-VALUE}).")
    private double reorder;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the loss, the reordering and the generated day (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--session", paramLabel = "NAME", description = "Session name, up to 10 characters. Default: S + the time, new each run.")
    private String session;

    @Option(names = "--heartbeat-ms", defaultValue = "1000", paramLabel = "MS", description = "Heartbeat interval while idle (default ${DEFAULT-VALUE}).")
    private long heartbeatMillis;

    @Option(names = "--no-retransmission", description = "A re-request server that never answers (gaps are given up).")
    private boolean noRetransmission;

    @Option(names = "--linger", defaultValue = "PT10S", paramLabel = "DURATION", description = "Keep serving re-requests this long after the end of session (default ${DEFAULT-VALUE}).")
    private Duration linger;

    @Option(names = "--soupbintcp-port", defaultValue = "-1", paramLabel = "PORT", description = "Also serve the session " +
        "over SoupBinTCP on this TCP port (0: any free port). Default: on soupbintcp.port when the profile's transport is " +
        "soupbintcp, else not at all.")
    private int soupBinTcpPort;

    @Option(names = "--credentials-file", paramLabel = "FILE", description = "username= and password= lines a SoupBinTCP " +
        "login must carry (others are rejected 'not authorised'). Default: the profile's soupbintcp.credentials-file.")
    private Path credentialsFile;

    @Option(names = "--drop-connections", defaultValue = "0", paramLabel = "N", description = "Drop SoupBinTCP connections " +
        "abruptly N times, at seeded random sequence numbers (--seed); clients must log in again and resume (default ${DEFAULT-VALUE}).")
    private int dropConnections;

    @Override
    public Integer call() throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (lossA < 0 || lossA > 1 || lossB < 0 || lossB > 1 || reorder < 0 || reorder > 1)
        {
            err.println("simulate: --loss-a, --loss-b and --reorder must be fractions from 0 to 1");
            return FeedHandlerCommand.ExitCode.USAGE;
        }
        final Profile profile;
        try
        {
            profile = profileOptions.load(Map.of());
        }
        catch (final ProfileException ex)
        {
            err.println("simulate: " + ex.getMessage());
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        final MessageStore store;
        try
        {
            store = file != null ? MessageStore.read(file) : MessageStore.generated(seed, symbols, messages);
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            err.println("simulate: " + ex.getMessage());
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        final String name = session != null ? session : "S" + (System.currentTimeMillis() / 1000 % 1_000_000_000L);
        final ExchangeSimulator.Settings settings = ExchangeSimulator.Settings.of(profile, name)
            .with(rate, lossA, lossB, exclusiveLoss, reorder, seed).with(heartbeatMillis, !noRetransmission, 32);
        out.println(String.format(Locale.ROOT, "simulate: session %s, %,d messages on A %s and B %s (via %s) at %s, " +
            "re-requests on %s", name, store.count(), settings.lineA(), settings.lineB(), settings.networkInterface(),
            rate == 0 ? "full speed" : String.format(Locale.ROOT, "%,d msg/s", rate), settings.retransmission()));
        out.flush();
        final SoupBinTcpServer soupBinTcp;
        try
        {
            soupBinTcp = soupBinTcpServer(profile, name, store);
        }
        catch (final IOException ex)
        {
            err.println("simulate: " + ex.getMessage());
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        if (soupBinTcp != null)
        {
            out.println(String.format(Locale.ROOT, "simulate: SoupBinTCP on %s:%d (session %s, %s, %d connections dropped on purpose)",
                profile.soupBinTcp().host(), soupBinTcp.port(), name,
                credentialsFile != null || profile.soupBinTcp().credentialsFile().isPresent() ? "logins checked" : "blank login",
                dropConnections));
            out.flush();
        }
        try (ExchangeSimulator simulator = new ExchangeSimulator(settings, store).start(); soupBinTcp)
        {
            final long expectedSeconds = rate > 0 ? store.count() / rate : 0;
            simulator.awaitFinished(expectedSeconds + 3600, TimeUnit.SECONDS);
            Thread.sleep(linger.toMillis());
            out.println(String.format(Locale.ROOT, "simulate: played %,d packets; dropped A %,d, B %,d; re-requests %,d, answered %,d",
                simulator.dataPackets(), simulator.dropped(0), simulator.dropped(1), simulator.requests().size(),
                simulator.answers()));
            if (soupBinTcp != null)
            {
                out.println(String.format(Locale.ROOT, "simulate: SoupBinTCP logins %,d, rejected %,d, connections dropped %,d, " +
                    "ends of session sent %,d", soupBinTcp.logins(), soupBinTcp.rejections(), soupBinTcp.dropped(),
                    soupBinTcp.endsSent()));
            }
            out.flush();
        }
        catch (final IOException ex)
        {
            err.println("simulate: " + ex.getMessage());
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        return FeedHandlerCommand.ExitCode.OK;
    }

    /** @return the SoupBinTCP server, started, or null when none is asked for. */
    private SoupBinTcpServer soupBinTcpServer(final Profile profile, final String name, final MessageStore store)
        throws IOException
    {
        final int port = soupBinTcpPort >= 0 ? soupBinTcpPort :
            profile.transport() == Transport.SOUPBINTCP ? profile.soupBinTcp().port() : -1;
        if (port < 0)
        {
            return null;
        }
        final Credentials credentials = Credentials.read(credentialsFile != null ? Optional.of(credentialsFile) :
            profile.soupBinTcp().credentialsFile());
        return new SoupBinTcpServer(new SoupBinTcpServer.Settings(new InetSocketAddress(profile.soupBinTcp().host(), port),
            name, credentials, rate, heartbeatMillis, dropConnections, seed), store).start();
    }
}
