package io.feedhandler.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigResolver;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One exchange feed's settings: a HOCON file under {@code conf/} (one per feed; systemd runs one
 * process per profile), checked in full when it loads.
 * <pre>{@code
 * Profile profile = Profile.load(Path.of("conf/nasdaq-totalview-itch.conf"), sets, System.getenv());
 * new KafkaProducer<byte[], byte[]>(profile.kafka().producerProperties());
 * }</pre>
 *
 * <p>Where a value comes from, strongest first:
 * <ol>
 *   <li>{@code --set key=value} on the command line, for any key (quote a key holding dots as
 *       one element: {@code kafka.producer."linger.ms"} and {@code kafka.producer.linger.ms} are
 *       the same property);</li>
 *   <li>the environment: {@value #KAFKA_BOOTSTRAP_SERVERS} for {@code kafka.bootstrap-servers},
 *       {@value #SCHEMA_REGISTRY_URL} for {@code schema-registry.url} ({@code none}: no registry,
 *       single-object encoding); blank counts as unset;</li>
 *   <li>the profile file, which may also use {@code ${?VARIABLE}} for any environment variable;</li>
 *   <li>the built-in defaults ({@code defaults.conf} beside this class), except for the keys a
 *       profile must set itself: {@code exchange}, {@code asset-class}, {@code time-zone},
 *       {@code kafka.bootstrap-servers} and the {@code kafka.producer} section, where a default
 *       would hide a mistake (a Chicago feed in New York time; an unchosen {@code linger.ms}).</li>
 * </ol>
 *
 * <p>Every problem is reported, all at once, as a {@link ProfileException}: one line per problem
 * naming the profile, the key, what it must be and what it is, and where that value came from.
 * A key no section knows is a problem too: a typo must not leave a default silently in force.
 *
 * <p>To add a section (feed lines, SoupBinTCP, metrics, systemd): a record with a
 * {@code static read(ProfileReader)} like {@link PipelineSettings}, its defaults in
 * {@code defaults.conf}, its keys commented in the profiles under {@code conf/}, and one field here.
 */
public final class Profile
{
    /** Overrides {@code kafka.bootstrap-servers}. */
    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    /** Overrides {@code schema-registry.url}; {@code none} for no registry. */
    public static final String SCHEMA_REGISTRY_URL = "SCHEMA_REGISTRY_URL";
    /**
     * What {@code exchange} and {@code asset-class} must match: both become parts of topic names
     * ({@code market.equities.trades.nasdaq}).
     */
    public static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,64}");

    private static final String DEFAULTS_SOURCE = "(built-in defaults)";
    private static final List<String> SET_BY_EACH_PROFILE =
        List.of("exchange", "asset-class", "time-zone", "kafka.bootstrap-servers", "kafka.producer");
    private static final Map<String, String> ENVIRONMENT_OVERRIDES = Map.of(
        KAFKA_BOOTSTRAP_SERVERS, "kafka.bootstrap-servers",
        SCHEMA_REGISTRY_URL, "schema-registry.url");

    private final String source;
    private final String exchange;
    private final String assetClass;
    private final ZoneId timeZone;
    private final Optional<LocalDate> tradeDate;
    private final KafkaSettings kafka;
    private final PipelineSettings pipeline;
    private final CheckpointSettings checkpoint;
    private final SchemaRegistrySettings schemaRegistry;
    private final LineSettings lines;
    private final RetransmissionSettings retransmission;
    private final Transport transport;
    private final SoupBinTcpSettings soupBinTcp;
    private final MetricsSettings metrics;
    private final Config resolved;
    private final BookSettings book;
    private final ReplaySettings replay;

    private Profile(final String source, final ProfileReader reader, final Config resolved)
    {
        this.resolved = resolved;
        this.source = source;
        this.exchange = reader.matching("exchange", NAME,
            "the exchange's name in lowercase letters, digits and '_', at most 64, e.g. nasdaq (it names topics)");
        this.assetClass = reader.matching("asset-class", NAME,
            "lowercase letters, digits and '_', at most 64, e.g. equities (it names topics)");
        this.timeZone = readTimeZone(reader);
        this.tradeDate = readTradeDate(reader);
        this.kafka = KafkaSettings.read(reader, exchange);
        this.pipeline = PipelineSettings.read(reader);
        this.checkpoint = CheckpointSettings.read(reader);
        this.schemaRegistry = SchemaRegistrySettings.read(reader);
        this.lines = LineSettings.read(reader);
        this.retransmission = RetransmissionSettings.read(reader);
        this.transport = reader.choice("transport", ProfileReader.choicesOf(Transport.class, Transport::profileName))
            .orElse(Transport.MOLDUDP64);
        this.soupBinTcp = SoupBinTcpSettings.read(reader);
        this.metrics = MetricsSettings.read(reader);
        this.book = BookSettings.read(reader);
        this.replay = ReplaySettings.read(reader);
        checkCombinations(reader, kafka);
    }

    /**
     * Settings that are each valid but cannot work together, found here rather than by Kafka's
     * constructor or at the first send.
     */
    private static void checkCombinations(final ProfileReader reader, final KafkaSettings kafka)
    {
        KafkaSettings.checkCombinations(reader, kafka);
    }

    /**
     * Load and check a profile file.
     *
     * @param file        the profile, e.g. {@code conf/nasdaq-totalview-itch.conf}; messages name it as given.
     * @param overrides   {@code --set key=value} pairs from the command line, any key.
     * @param environment the process's environment ({@code System.getenv()}).
     * @return the profile.
     * @throws ProfileException naming every problem found.
     */
    public static Profile load(final Path file, final Map<String, String> overrides, final Map<String, String> environment)
        throws ProfileException
    {
        final String source = file.toString();
        if (!Files.isRegularFile(file))
        {
            throw new ProfileException(List.of("profile " + source + ": no such file (looked in " +
                file.toAbsolutePath().normalize().getParent() + ")"));
        }
        final Config parsed = parse(source, () -> ConfigFactory.parseFile(file.toFile(), options(source)));
        Config fallback = defaultsConfig();
        for (final String path : SET_BY_EACH_PROFILE)
        {
            fallback = fallback.withoutPath(path);
        }
        return build(source, parsed.withFallback(fallback), overrides, environment);
    }

    /**
     * @return the built-in profile ({@code defaults.conf}: NASDAQ, a broker on 127.0.0.1:9092, no
     *         registry, development settings), as {@code feedhandler demo} starts from; no
     *         overrides, no environment.
     */
    public static Profile defaults()
    {
        try
        {
            return defaults(Map.of(), Map.of());
        }
        catch (final ProfileException ex)
        {
            throw new IllegalStateException("the built-in profile is broken: " + ex.getMessage(), ex);
        }
    }

    /**
     * @param overrides   {@code --set key=value} pairs, e.g. the demo broker's bootstrap servers.
     * @param environment the process's environment.
     * @return the built-in profile with these applied.
     * @throws ProfileException naming every problem found.
     */
    public static Profile defaults(final Map<String, String> overrides, final Map<String, String> environment)
        throws ProfileException
    {
        return build(DEFAULTS_SOURCE, defaultsConfig(), overrides, environment);
    }

    private static Config defaultsConfig()
    {
        return ConfigFactory.parseResources(Profile.class, "defaults.conf", options(DEFAULTS_SOURCE));
    }

    private static Profile build(
        final String source,
        final Config profile,
        final Map<String, String> overrides,
        final Map<String, String> environment) throws ProfileException
    {
        final List<String> errors = new ArrayList<>();
        Config layered = ConfigFactory.empty();
        for (final Map.Entry<String, String> variable : new TreeMap<>(ENVIRONMENT_OVERRIDES).entrySet())
        {
            final String value = environment.get(variable.getKey());
            if (value != null && !value.isBlank())
            {
                layered = layered.withValue(variable.getValue(), ConfigValueFactory.fromAnyRef(
                    value.trim(), ProfileReader.ENVIRONMENT_ORIGIN + " " + variable.getKey()));
            }
        }
        for (final Map.Entry<String, String> set : new TreeMap<>(overrides).entrySet())
        {
            try
            {
                layered = layered.withValue(set.getKey(),
                    ConfigValueFactory.fromAnyRef(set.getValue(), ProfileReader.SET_ORIGIN));
            }
            catch (final ConfigException ex)
            {
                errors.add("profile " + source + ": --set " + set.getKey() + "=" + set.getValue() +
                    ": '" + set.getKey() + "' is not a key (" + ex.getMessage() + ")");
            }
        }
        layered = layered.withFallback(profile);

        final Config resolved;
        try
        {
            // Substitutions see the environment as given, never System.getenv() behind the caller's
            // back, so a test sees exactly what the daemon would.
            resolved = layered.resolve(ConfigResolveOptions.defaults()
                .setUseSystemEnvironment(false)
                .appendResolver(new EnvironmentResolver(environment)));
        }
        catch (final ConfigException ex)
        {
            errors.add("profile " + source + ": " + withoutOrigin(ex));
            throw new ProfileException(errors);
        }

        final ProfileReader reader = new ProfileReader(source, resolved);
        final Profile loaded = new Profile(source, reader, resolved);
        reader.reportUnknownKeys();
        errors.addAll(reader.errors());
        if (!errors.isEmpty())
        {
            throw new ProfileException(errors);
        }
        return loaded;
    }

    /** {@code ${VARIABLE}} and {@code ${?VARIABLE}} in a profile, from the given environment. */
    private record EnvironmentResolver(Map<String, String> environment) implements ConfigResolver
    {
        @Override
        public ConfigValue lookup(final String path)
        {
            final String value = environment.get(path);
            return value == null ? null : ConfigValueFactory.fromAnyRef(value, ProfileReader.ENVIRONMENT_ORIGIN + " " + path);
        }

        @Override
        public ConfigResolver withFallback(final ConfigResolver fallback)
        {
            final ConfigResolver first = this;
            return new ConfigResolver()
            {
                @Override
                public ConfigValue lookup(final String path)
                {
                    final ConfigValue value = first.lookup(path);
                    return value != null ? value : fallback.lookup(path);
                }

                @Override
                public ConfigResolver withFallback(final ConfigResolver next)
                {
                    return first.withFallback(fallback.withFallback(next));
                }
            };
        }
    }

    private static Config parse(final String source, final Supplier<Config> parser) throws ProfileException
    {
        try
        {
            return parser.get();
        }
        catch (final ConfigException ex)
        {
            throw new ProfileException(List.of("profile " + source + ": " + withoutOrigin(ex)));
        }
    }

    /** Typesafe's messages start with the file and line; say "line N: ..." instead. */
    private static String withoutOrigin(final ConfigException ex)
    {
        final ConfigOrigin origin = ex.origin();
        final String message = ex.getMessage();
        if (origin != null && message.startsWith(origin.description() + ": "))
        {
            final String rest = message.substring(origin.description().length() + 2);
            return origin.lineNumber() >= 0 ? "line " + origin.lineNumber() + ": " + rest : rest;
        }
        return message;
    }

    private static ConfigParseOptions options(final String source)
    {
        return ConfigParseOptions.defaults()
            .setSyntax(ConfigSyntax.CONF)
            .setAllowMissing(false)
            .setOriginDescription(source);
    }

    private static ZoneId readTimeZone(final ProfileReader reader)
    {
        final String mustBe = "a time zone region such as America/New_York (abbreviations such as EST " +
            "are fixed offsets, without daylight saving time)";
        final Optional<String> text = reader.text("time-zone", true, mustBe);
        if (text.isPresent())
        {
            try
            {
                if (!ZoneId.SHORT_IDS.containsKey(text.get()))
                {
                    return ZoneId.of(text.get());
                }
            }
            catch (final DateTimeException ex)
            {
                // reported below, with the value and where it came from
            }
            reader.invalid("time-zone", "must be " + mustBe);
        }
        return ZoneId.of("UTC");
    }

    private static Optional<LocalDate> readTradeDate(final ProfileReader reader)
    {
        final String mustBe = "an ISO date such as 2019-12-30, or absent to take it from the feed file's " +
            "name (MMDDYYYY) or today";
        final Optional<String> text = reader.text("trade-date", false, mustBe);
        try
        {
            return text.map(LocalDate::parse);
        }
        catch (final DateTimeParseException ex)
        {
            reader.invalid("trade-date", "must be " + mustBe);
            return Optional.empty();
        }
    }

    /**
     * The trading day of a feed file: the profile's {@code trade-date} if set, else the
     * {@code MMDDYYYY} in the file's name, else today in the exchange's time zone.
     *
     * @param feedFile a BinaryFILE or capture, e.g. {@code 12302019.NASDAQ_ITCH50.gz}.
     * @param clock    today's source.
     * @return the day, to turn ITCH timestamps into epoch nanoseconds.
     */
    public TradingDay tradingDay(final Path feedFile, final Clock clock)
    {
        final Path name = feedFile.getFileName();
        final Optional<LocalDate> fromName = name == null ? Optional.empty() : TradingDay.dateInFileName(name.toString());
        return TradingDay.of(tradeDate.or(() -> fromName).orElseGet(() -> LocalDate.now(clock.withZone(timeZone))), timeZone);
    }

    /**
     * The trading day of a live session: the profile's {@code trade-date} if set, else today in
     * the exchange's time zone.
     *
     * @param clock today's source.
     * @return the day, to turn ITCH timestamps into epoch nanoseconds.
     */
    public TradingDay tradingDay(final Clock clock)
    {
        return TradingDay.of(tradeDate.orElseGet(() -> LocalDate.now(clock.withZone(timeZone))), timeZone);
    }

    /** @return what the profile was loaded from, as messages name it. */
    public String source()
    {
        return source;
    }

    /** @return {@code exchange}: lowercase name, e.g. {@code nasdaq}; in topic names, keys of market-wide events, {@code client.id}. */
    public String exchange()
    {
        return exchange;
    }

    /** @return {@code asset-class}, e.g. {@code equities}; in topic and subject names. */
    public String assetClass()
    {
        return assetClass;
    }

    /** @return {@code time-zone}: the zone of the exchange's timestamps, e.g. {@code America/New_York}. */
    public ZoneId timeZone()
    {
        return timeZone;
    }

    /** @return {@code trade-date}, if the profile pins one. */
    public Optional<LocalDate> tradeDate()
    {
        return tradeDate;
    }

    /** @return the {@code kafka} section. */
    public KafkaSettings kafka()
    {
        return kafka;
    }

    /** @return the {@code replay} section. */
    public ReplaySettings replay()
    {
        return replay;
    }

    /** @return the {@code book} section. */
    public BookSettings book()
    {
        return book;
    }

    /** @return the {@code pipeline} section. */
    public PipelineSettings pipeline()
    {
        return pipeline;
    }

    /** @return the {@code checkpoint} section. */
    public CheckpointSettings checkpoint()
    {
        return checkpoint;
    }

    /** @return the {@code schema-registry} section. */
    public SchemaRegistrySettings schemaRegistry()
    {
        return schemaRegistry;
    }

    /** @return the {@code lines} section: multicast lines A and B. */
    public LineSettings lines()
    {
        return lines;
    }

    /** @return how {@code run} receives the feed: MoldUDP64 lines or a SoupBinTCP session. */
    public Transport transport()
    {
        return transport;
    }

    /** @return the {@code soupbintcp} section: the session {@code transport = soupbintcp} logs in to. */
    public SoupBinTcpSettings soupBinTcp()
    {
        return soupBinTcp;
    }

    /** @return the {@code retransmission} section: the MoldUDP64 re-request server. */
    public RetransmissionSettings retransmission()
    {
        return retransmission;
    }

    /** @return the {@code metrics} section. */
    public MetricsSettings metrics()
    {
        return metrics;
    }

    /**
     * Where a key's value came from, for {@code check-config} and for operators chasing an override.
     *
     * @param path a key, e.g. {@code kafka.bootstrap-servers}.
     * @return e.g. {@code environment variable KAFKA_BOOTSTRAP_SERVERS}, {@code --set},
     *         {@code line 33 of conf/nasdaq-totalview-itch.conf}, {@code built-in defaults}, or
     *         {@code unset}.
     */
    public String origin(final String path)
    {
        if (!resolved.hasPath(path))
        {
            return "unset";
        }
        final ConfigOrigin origin = resolved.getValue(path).origin();
        final String description = origin.description();
        if (origin.lineNumber() < 0)
        {
            return description.equals(DEFAULTS_SOURCE) ? "built-in defaults" : description;
        }
        final String suffix = ": " + origin.lineNumber();
        final String name = description.endsWith(suffix) ? description.substring(0, description.length() - suffix.length()) : description;
        return name.equals(DEFAULTS_SOURCE) ? "built-in defaults" : "line " + origin.lineNumber() + " of " + name;
    }

    /** @return e.g. {@code profile conf/nasdaq-totalview-itch.conf (nasdaq equities)}. */
    @Override
    public String toString()
    {
        return "profile " + source + " (" + exchange + " " + assetClass + ")";
    }
}
