package io.feedhandler.app;

import io.feedhandler.config.Profile;
import io.feedhandler.config.ProfileException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The options every command that runs with a profile shares: {@code --profile} and {@code --set}. */
final class ProfileOptions
{
    @Option(names = "--profile", paramLabel = "FILE", description = "Exchange profile (HOCON), e.g. conf/nasdaq-totalview-itch.conf. Default: built-in defaults.")
    Path profile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any profile key, e.g. --set kafka.topics.partitions=16.")
    Map<String, String> overrides = new LinkedHashMap<>();

    /**
     * @param extra overrides the command adds (weaker than the user's --set).
     * @return the profile.
     * @throws ProfileException naming the file, key and problem.
     */
    Profile load(final Map<String, String> extra) throws ProfileException
    {
        final Map<String, String> all = new LinkedHashMap<>(extra);
        all.putAll(overrides);
        return profile == null ? Profile.defaults(all, System.getenv()) : Profile.load(profile, all, System.getenv());
    }
}
