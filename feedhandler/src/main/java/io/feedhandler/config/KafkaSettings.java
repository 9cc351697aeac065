package io.feedhandler.config;

import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.AppInfoParser;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code kafka} section: where to publish, how topics are made, and the producer's properties.
 *
 * <p>{@code kafka.producer { ... }} holds Kafka producer properties, passed through verbatim
 * ({@code linger.ms = 0}, {@code compression.type = lz4}, {@code security.protocol = SSL}...), each
 * checked against kafka-clients' own definition when the profile loads. The publisher's promises
 * rest on a few of them, which are enforced:
 * <ul>
 *   <li>{@code enable.idempotence = true} and {@code acks = all}: no duplicate and no loss on a
 *       retry or a leader change (set for you when absent; anything else is refused);</li>
 *   <li>{@code linger.ms} set explicitly: Kafka 4.x waits 5 ms per batch by default, which a
 *       latency profile must decide on, not inherit;</li>
 *   <li>{@code max.block.ms} at most {@value #MAX_BLOCK_MS_LIMIT} (default {@value #DEFAULT_MAX_BLOCK_MS}):
 *       {@code send()} blocks that long when metadata or buffer space is missing, and the
 *       publisher must never stall the pipeline for long;</li>
 *   <li>what kafka-clients would refuse at start-up anyway, said now: {@code retries} not 0 and
 *       {@code max.in.flight.requests.per.connection} at most 5 with idempotence, and
 *       {@code delivery.timeout.ms} at least {@code linger.ms + request.timeout.ms}.</li>
 * </ul>
 * {@code delivery.timeout.ms}, {@code retries} and the rest keep Kafka's defaults unless set.
 * The feed handler sets {@code bootstrap.servers} (from {@code kafka.bootstrap-servers}) and the
 * serializers (records are Avro bytes) itself; {@code client.id} defaults to
 * {@code feedhandler-<exchange>}.
 *
 * @param bootstrapServers {@code host:port[,host:port...]} of the Kafka cluster.
 * @param topics           how missing topics are created.
 * @param producer         every producer property the profile sets, plus the enforced ones, by name.
 */
public record KafkaSettings(String bootstrapServers, TopicSettings topics, Map<String, String> producer)
{
    /** {@code max.block.ms} when the profile does not set it. */
    public static final long DEFAULT_MAX_BLOCK_MS = 1_000;
    /** The largest {@code max.block.ms} a profile may set. */
    public static final long MAX_BLOCK_MS_LIMIT = 10_000;
    /** Kafka refuses more in-flight requests per connection with idempotence. */
    static final int MAX_IN_FLIGHT_WITH_IDEMPOTENCE = 5;

    private static final String PRODUCER = "kafka.producer";
    private static final String CONFIG_PROVIDERS = "config.providers";
    /** A Kafka config provider reference, {@code ${provider:[path:]key}}, resolved by the producer. */
    private static final Pattern PROVIDER_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_-]+):[^}]+}");
    private static final Pattern BOOTSTRAP_SERVER =
        Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+):([0-9]{1,5})");
    private static final Map<String, String> SET_ELSEWHERE = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        "must not be set here: set kafka.bootstrap-servers (or KAFKA_BOOTSTRAP_SERVERS)",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
        "must not be set: keys are symbol bytes (ByteArraySerializer)",
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
        "must not be set: values are encoded Avro bytes (ByteArraySerializer)",
        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
        "must not be set: the publisher is idempotent, not transactional");

    /**
     * @param bootstrapServers {@code host:port[,host:port...]} of the Kafka cluster.
     * @param topics           how missing topics are created.
     * @param producer         producer properties by name.
     */
    public KafkaSettings
    {
        producer = Collections.unmodifiableMap(new TreeMap<>(producer));
    }

    /**
     * @return a new set of properties for {@code new KafkaProducer<byte[], byte[]>(...)}: the
     *         profile's producer properties, the bootstrap servers and byte array serializers.
     */
    public Properties producerProperties()
    {
        final Properties properties = new Properties();
        properties.putAll(producer);
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return properties;
    }

    /**
     * @param lingerMillis {@code linger.ms} in place of the profile's (file replay's own, see {@link ReplaySettings}).
     * @return as {@link #producerProperties()}, with that {@code linger.ms}.
     */
    public Properties producerProperties(final long lingerMillis)
    {
        final Properties properties = producerProperties();
        properties.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(lingerMillis));
        return properties;
    }

    static KafkaSettings read(final ProfileReader reader, final String exchange)
    {
        final String bootstrapServers = reader.matching("kafka.bootstrap-servers",
            Pattern.compile(BOOTSTRAP_SERVER + "(\\s*,\\s*" + BOOTSTRAP_SERVER + ")*"),
            "host:port[,host:port...] of the Kafka cluster (the profile, KAFKA_BOOTSTRAP_SERVERS or --set)");
        validatePorts(reader, bootstrapServers);
        final TopicSettings topics = TopicSettings.read(reader);
        final Map<String, String> producer = readProducer(reader, exchange);
        return new KafkaSettings(bootstrapServers.replaceAll("\\s+", ""), topics, producer);
    }

    private static void validatePorts(final ProfileReader reader, final String bootstrapServers)
    {
        for (final String server : bootstrapServers.split(","))
        {
            final String port = server.substring(server.lastIndexOf(':') + 1).trim();
            if (!port.isEmpty() && (Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535))
            {
                reader.invalid("kafka.bootstrap-servers", "must name ports from 1 to 65535");
                return;
            }
        }
    }

    private static Map<String, String> readProducer(final ProfileReader reader, final String exchange)
    {
        final Map<String, ConfigDef.ConfigKey> definitions = ProducerConfig.configDef().configKeys();
        final Map<String, String> properties = new TreeMap<>();
        final Map<String, Object> parsed = new TreeMap<>();
        final Map<String, String> secretProviders = new TreeMap<>();
        for (final Map.Entry<String, ConfigValue> leaf : reader.leaves(PRODUCER).entrySet())
        {
            final String name = leaf.getKey();
            final String path = PRODUCER + "." + name;
            final ConfigDef.ConfigKey definition = definitions.get(name);
            if (SET_ELSEWHERE.containsKey(name))
            {
                reader.invalid(path, SET_ELSEWHERE.get(name));
                continue;
            }
            if (definition == null && name.startsWith(CONFIG_PROVIDERS + "."))
            {
                // A config provider's class and parameters: Kafka reads them, its ConfigDef does not list them.
                properties.put(name, text(leaf.getValue()));
                continue;
            }
            if (definition != null && definition.type == ConfigDef.Type.PASSWORD)
            {
                final String text = text(leaf.getValue());
                final Matcher reference = PROVIDER_REFERENCE.matcher(text);
                if (!reference.matches())
                {
                    reader.invalidSecret(path, "must not be written in the profile: it is a secret. Read it from a file through " +
                        "Kafka's config provider: \"config.providers\" = file, \"config.providers.file.class\" = " +
                        "org.apache.kafka.common.config.provider.FileConfigProvider, and " + name + " = \"${file:" +
                        "/run/credentials/feedhandler@<profile>.service/kafka.properties:" + name + "}\" (quoted: HOCON would " +
                        "substitute it; quote the provider keys too, since config.providers is both a value and a prefix); " +
                        "systemd's LoadCredential= puts the file there");
                    continue;
                }
                secretProviders.put(path, reference.group(1));
            }
            if (definition == null)
            {
                reader.invalid(path, "is not a Kafka producer property (kafka-clients " + AppInfoParser.getVersion() +
                    "); property names are spelled as in Kafka's documentation, e.g. linger.ms");
                continue;
            }
            final String text = text(leaf.getValue());
            try
            {
                final Object value = ConfigDef.parseType(name, text, definition.type);
                if (definition.validator != null)
                {
                    definition.validator.ensureValid(name, value);
                }
                properties.put(name, text);
                parsed.put(name, value);
            }
            catch (final ConfigException ex)
            {
                reader.invalid(path, "must be a valid " + definition.type.name().toLowerCase(Locale.ROOT) +
                    " for Kafka: " + ex.getMessage());
            }
        }

        enforce(reader, properties, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
            "must be true: the publisher relies on the idempotent producer for no duplicates and no reordering on retries");
        enforce(reader, properties, ProducerConfig.ACKS_CONFIG, "all",
            "must be 'all' for idempotence: a record counts as sent once every in-sync replica has it");
        if (reader.value(PRODUCER + "." + ProducerConfig.LINGER_MS_CONFIG).isEmpty())
        {
            reader.missing(PRODUCER + "." + ProducerConfig.LINGER_MS_CONFIG,
                "must be set explicitly: Kafka 4.x waits 5 ms per batch by default; 0 sends at once (lowest latency)");
        }
        properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(DEFAULT_MAX_BLOCK_MS));
        final long maxBlockMs = number(parsed, ProducerConfig.MAX_BLOCK_MS_CONFIG).orElse(DEFAULT_MAX_BLOCK_MS);
        if (maxBlockMs > MAX_BLOCK_MS_LIMIT)
        {
            reader.invalid(PRODUCER + "." + ProducerConfig.MAX_BLOCK_MS_CONFIG, "must be at most " + MAX_BLOCK_MS_LIMIT +
                ": send() blocks up to max.block.ms when metadata or buffer space is missing, and the pipeline must" +
                " never stall that long (default " + DEFAULT_MAX_BLOCK_MS + ")");
        }
        number(parsed, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)
            .filter(inFlight -> inFlight > MAX_IN_FLIGHT_WITH_IDEMPOTENCE)
            .ifPresent(inFlight -> reader.invalid(PRODUCER + "." + ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                "must be at most " + MAX_IN_FLIGHT_WITH_IDEMPOTENCE + " with idempotence (Kafka refuses more)"));
        number(parsed, ProducerConfig.RETRIES_CONFIG)
            .filter(retries -> retries == 0)
            .ifPresent(retries -> reader.invalid(PRODUCER + "." + ProducerConfig.RETRIES_CONFIG,
                "must not be 0 with idempotence (Kafka refuses it; leave it unset for Kafka's default)"));
        checkDeliveryTimeout(reader, parsed, definitions);
        final List<String> providers = List.of(properties.getOrDefault(CONFIG_PROVIDERS, "").split("\\s*,\\s*"));
        secretProviders.forEach((path, provider) ->
        {
            if (!providers.contains(provider) || !properties.containsKey(CONFIG_PROVIDERS + "." + provider + ".class"))
            {
                reader.invalid(path, "names config provider '" + provider + "', which " + PRODUCER + "." + CONFIG_PROVIDERS +
                    " and " + PRODUCER + "." + CONFIG_PROVIDERS + "." + provider + ".class must declare");
            }
        });
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "feedhandler-" + exchange);
        return properties;
    }

    /**
     * Kafka's {@code KafkaProducer} constructor refuses a {@code delivery.timeout.ms} set below
     * {@code linger.ms + request.timeout.ms}; say so while loading the profile instead.
     */
    private static void checkDeliveryTimeout(
        final ProfileReader reader,
        final Map<String, Object> parsed,
        final Map<String, ConfigDef.ConfigKey> definitions)
    {
        final Optional<Long> deliveryTimeoutMs = number(parsed, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        if (deliveryTimeoutMs.isEmpty())
        {
            return;
        }
        final long lingerMs = number(parsed, ProducerConfig.LINGER_MS_CONFIG).orElse(0L);
        final long requestTimeoutMs = number(parsed, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)
            .orElse(((Number)definitions.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG).defaultValue).longValue());
        if (deliveryTimeoutMs.get() < lingerMs + requestTimeoutMs)
        {
            reader.invalid(PRODUCER + "." + ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "must be at least linger.ms + " +
                "request.timeout.ms = " + (lingerMs + requestTimeoutMs) + " (Kafka refuses less)");
        }
    }

    /**
     * Producer properties each valid alone that cannot work together.
     *
     * <p>{@code batch.size} above {@code buffer.memory}: the producer allocates each partition's
     * batch from that pool, and a batch bigger than the whole pool fails every send.
     */
    static void checkCombinations(final ProfileReader reader, final KafkaSettings kafka)
    {
        final Map<String, ConfigDef.ConfigKey> definitions = ProducerConfig.configDef().configKeys();
        final long batchSize = longProperty(kafka.producer(), definitions, ProducerConfig.BATCH_SIZE_CONFIG);
        final long bufferMemory = longProperty(kafka.producer(), definitions, ProducerConfig.BUFFER_MEMORY_CONFIG);
        if (batchSize > bufferMemory)
        {
            reader.invalid(PRODUCER + "." + ProducerConfig.BATCH_SIZE_CONFIG, "must be at most buffer.memory = " + bufferMemory +
                ": each batch is taken from that buffer, and a batch bigger than all of it fails every send");
        }
    }

    private static long longProperty(final Map<String, String> producer, final Map<String, ConfigDef.ConfigKey> definitions,
        final String name)
    {
        final ConfigDef.ConfigKey definition = definitions.get(name);
        final Object value = producer.containsKey(name)
            ? ConfigDef.parseType(name, producer.get(name), definition.type)
            : definition.defaultValue;
        return ((Number)value).longValue();
    }

    /** Put {@code required} when the property is absent; report any other value. */
    private static void enforce(
        final ProfileReader reader,
        final Map<String, String> properties,
        final String name,
        final String required,
        final String mustBe)
    {
        final String path = PRODUCER + "." + name;
        final String value = properties.get(name);
        if (value == null)
        {
            if (reader.value(path).isEmpty())
            {
                properties.put(name, required);
            }
            return; // else present but not valid for Kafka: already reported
        }
        if (value.trim().equalsIgnoreCase(required))
        {
            properties.put(name, required);
        }
        else
        {
            reader.invalid(path, mustBe);
        }
    }

    private static Optional<Long> number(final Map<String, Object> parsed, final String name)
    {
        return parsed.get(name) instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
    }

    private static String text(final ConfigValue value)
    {
        if (value.valueType() == ConfigValueType.LIST)
        {
            return ((List<?>)value.unwrapped()).stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value.unwrapped());
    }
}
