package io.feedhandler.app;

import io.feedhandler.config.Profile;
import io.feedhandler.config.ProfileException;
import io.feedhandler.kafka.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code feedhandler check-config --profile P [--set k=v]...}: loads a profile exactly as the daemon
 * does (same mixin, same environment) and either prints every problem, one line each, and exits 2,
 * or prints what the daemon would run with and where each deployment-specific value came from.
 * Meant for a deployment pipeline and for {@code ExecStartPre=} in the systemd unit.
 */
@Command(name = "check-config", mixinStandardHelpOptions = true,
    description = {"Check a profile as the daemon would load it, with --set and the environment applied.",
        "Exit status: 0 the profile is usable (a summary on stdout); 2 one line per problem on stderr."})
public final class CheckConfigCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProfileOptions profileOptions;

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
            ex.errors().forEach(err::println);
            err.flush();
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
        out.print(summary(profile));
        out.flush();
        return FeedHandlerCommand.ExitCode.OK;
    }

    static String summary(final Profile profile)
    {
        final Topics topics = Topics.of(profile);
        final StringBuilder text = new StringBuilder();
        text.append(profile.source()).append(": OK\n");
        line(text, "exchange", profile.exchange() + " (" + profile.assetClass() + ", " + profile.timeZone() + ")", profile, "exchange");
        line(text, "kafka", profile.kafka().bootstrapServers(), profile, "kafka.bootstrap-servers");
        text.append(String.format("  %-16s %s%n", "topics", String.join(", ", topics.all())));
        text.append(String.format("  %-16s %s partitions, replication factor %s, %s%n", "",
            profile.kafka().topics().partitions(), profile.kafka().topics().replicationFactor(),
            profile.kafka().topics().create() ? "created when missing" : "must exist"));
        final Map<String, String> producer = profile.kafka().producer();
        text.append(String.format("  %-16s acks=%s enable.idempotence=%s linger.ms=%s compression.type=%s client.id=%s%n", "producer",
            producer.get("acks"), producer.get("enable.idempotence"), producer.get("linger.ms"),
            producer.getOrDefault("compression.type", "none"), producer.get("client.id")));
        line(text, "replay", "linger.ms=" + profile.replay().lingerMillis() + " (file replay's producer)", profile, "replay.linger-ms");
        line(text, "schema registry", profile.schemaRegistry().url().map(Object::toString)
            .orElse("none (Avro single-object encoding)"), profile, "schema-registry.url");
        line(text, "pipeline", "ring " + profile.pipeline().ringSize() + ", " + profile.pipeline().waitStrategy().profileName() +
            ", stage threads " + profile.pipeline().stageThreads().profileName(), profile, "pipeline.wait-strategy");
        line(text, "checkpoint", profile.checkpoint().directory().toString(), profile, "checkpoint.directory");
        line(text, "restart", profile.checkpoint().rebuildBooks()
            ? "the session again from 1: the books rebuilt, published from the checkpoint + 1"
            : "from the checkpoint + 1 with empty books (quotes wrong for earlier orders)", profile, "checkpoint.rebuild-books");
        line(text, "metrics", profile.metrics().enabled()
            ? "http://" + profile.metrics().bindAddress() + ":" + profile.metrics().port() + "/metrics"
            : "off (metrics.port = 0)", profile, "metrics.port");
        return text.toString();
    }

    private static void line(final StringBuilder text, final String what, final String value, final Profile profile,
        final String key)
    {
        text.append(String.format("  %-16s %s  [%s: %s]%n", what, value, key, profile.origin(key)));
    }
}
