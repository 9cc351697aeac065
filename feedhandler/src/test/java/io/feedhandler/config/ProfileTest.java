package io.feedhandler.config;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileTest
{
    /** The smallest profile that loads: what each profile must set itself. Lines 1 to 8. */
    private static final String MINIMAL = """
        exchange = nasdaq
        asset-class = equities
        time-zone = America/New_York
        kafka {
          bootstrap-servers = "127.0.0.1:9092"
          producer { linger.ms = 0 }
        }

        """;

    @TempDir
    private Path directory;

    @Test
    void shouldFillEverythingAProfileLeavesOutFromTheDefaults() throws Exception
    {
        final Profile profile = load(MINIMAL);

        assertEquals("nasdaq", profile.exchange());
        assertEquals("equities", profile.assetClass());
        assertEquals(ZoneId.of("America/New_York"), profile.timeZone());
        assertEquals(Optional.empty(), profile.tradeDate());
        assertEquals("127.0.0.1:9092", profile.kafka().bootstrapServers());
        assertEquals(new TopicSettings(8, (short)1, true), profile.kafka().topics());
        assertEquals(new PipelineSettings(65_536, WaitStrategy.SLEEPING, OverloadPolicy.RECOVER, StageThreads.ONE), profile.pipeline());
        assertEquals(Path.of("state"), profile.checkpoint().directory());
        assertFalse(profile.schemaRegistry().enabled());
        assertEquals(Map.of(
            "acks", "all",
            "client.id", "feedhandler-nasdaq",
            "enable.idempotence", "true",
            "linger.ms", "0",
            "max.block.ms", "1000"), profile.kafka().producer(),
            "a file profile takes no producer properties from the defaults, only the enforced ones");
    }

    @Test
    void shouldGiveProducerPropertiesAKafkaProducerAccepts() throws Exception
    {
        // Port 1: nothing listens there, so the producer below talks to no one's broker.
        final Profile profile = load(MINIMAL + """
            kafka.producer {
              batch.size = 65536
              compression.type = lz4
              "delivery.timeout.ms" = 60000
              interceptor.classes = []
            }
            """, Map.of("kafka.bootstrap-servers", "127.0.0.1:1"), Map.of());

        final Properties properties = profile.kafka().producerProperties();

        assertEquals("127.0.0.1:1", properties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertEquals(ByteArraySerializer.class.getName(), properties.get(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG));
        assertEquals(ByteArraySerializer.class.getName(), properties.get(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG));
        assertEquals("65536", properties.get("batch.size"));
        assertEquals("lz4", properties.get("compression.type"));
        assertEquals("60000", properties.get("delivery.timeout.ms"), "a quoted key is the same property");
        assertEquals("0", properties.get("linger.ms"));
        assertEquals("all", properties.get("acks"));
        assertEquals("feedhandler-nasdaq", properties.get("client.id"));
        // The real constructor validates every property; it does not connect to anything.
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties))
        {
            assertTrue(producer.metrics().size() > 0);
        }
    }

    @Test
    void shouldRefuseAcksOtherThanAll() throws Exception
    {
        assertProblems(MINIMAL + "kafka.producer.acks = 1\n",
            "kafka.producer.acks must be 'all' for idempotence: a record counts as sent once every in-sync " +
                "replica has it (got '1' at line 9)");
    }

    @Test
    void shouldRefuseIdempotenceTurnedOff() throws Exception
    {
        assertProblems(MINIMAL + "kafka.producer.enable.idempotence = false\n",
            "kafka.producer.enable.idempotence must be true: the publisher relies on the idempotent producer for " +
                "no duplicates and no reordering on retries (got 'false' at line 9)");
    }

    @Test
    void shouldRequireLingerMsToBeSetExplicitly() throws Exception
    {
        assertProblems(MINIMAL.replace("producer { linger.ms = 0 }", "producer { batch.size = 16384 }"),
            "kafka.producer.linger.ms must be set explicitly: Kafka 4.x waits 5 ms per batch by default; " +
                "0 sends at once (lowest latency) (missing)");
    }

    @Test
    void shouldRefuseAMaxBlockMsThatCouldStallThePipeline() throws Exception
    {
        assertProblems(MINIMAL + "kafka.producer.max.block.ms = 60000\n",
            "kafka.producer.max.block.ms must be at most 10000: send() blocks up to max.block.ms when metadata or " +
                "buffer space is missing, and the pipeline must never stall that long (default 1000) " +
                "(got '60000' at line 9)");
    }

    @Test
    void shouldSayBeforeStartWhatKafkaWouldRefuseWithIdempotence() throws Exception
    {
        assertProblems(MINIMAL + """
                kafka.producer.retries = 0
                kafka.producer.max.in.flight.requests.per.connection = 6
                kafka.producer.delivery.timeout.ms = 1000
                """,
            "kafka.producer.max.in.flight.requests.per.connection must be at most 5 with idempotence " +
                "(Kafka refuses more) (got '6' at line 10)",
            "kafka.producer.retries must not be 0 with idempotence (Kafka refuses it; leave it unset for " +
                "Kafka's default) (got '0' at line 9)",
            "kafka.producer.delivery.timeout.ms must be at least linger.ms + request.timeout.ms = 30000 " +
                "(Kafka refuses less) (got '1000' at line 11)");
    }

    @Test
    void shouldCheckEveryProducerPropertyAgainstKafkasOwnDefinition() throws Exception
    {
        assertProblems(MINIMAL + """
                kafka.producer {
                  compression.type = zip
                  batch.size = big
                  linger.m = 5
                  bootstrap.servers = "10.0.0.1:9092"
                  value.serializer = org.apache.kafka.common.serialization.StringSerializer
                }
                """,
            "kafka.producer.batch.size must be a valid int for Kafka: Invalid value big for configuration " +
                "batch.size: Not a number of type INT (got 'big' at line 11)",
            "kafka.producer.bootstrap.servers must not be set here: set kafka.bootstrap-servers (or " +
                "KAFKA_BOOTSTRAP_SERVERS) (got '10.0.0.1:9092' at line 13)",
            "kafka.producer.compression.type must be a valid string for Kafka: Invalid value zip for " +
                "configuration compression.type: String must be one of: none, gzip, snappy, lz4, zstd " +
                "(got 'zip' at line 10)",
            "kafka.producer.linger.m is not a Kafka producer property (kafka-clients 4.3.1); property names are " +
                "spelled as in Kafka's documentation, e.g. linger.ms (got '5' at line 12)",
            "kafka.producer.value.serializer must not be set: values are encoded Avro bytes (ByteArraySerializer) " +
                "(got 'org.apache.kafka.common.serialization.StringSerializer' at line 14)");
    }

    @Test
    void shouldRefuseASecretWrittenInTheProfileWithoutRepeatingIt() throws Exception
    {
        assertProblems(MINIMAL + "kafka.producer { security.protocol = SASL_SSL, sasl.jaas.config = \"hunter2\" }\n",
            "kafka.producer.sasl.jaas.config must not be written in the profile: it is a secret. Read it from a file " +
                "through Kafka's config provider: \"config.providers\" = file, \"config.providers.file.class\" = " +
                "org.apache.kafka.common.config.provider.FileConfigProvider, and sasl.jaas.config = \"${file:" +
                "/run/credentials/feedhandler@<profile>.service/kafka.properties:sasl.jaas.config}\" (quoted: HOCON would " +
                "substitute it; quote the provider keys too, since config.providers is both a value and a prefix); " +
                "systemd's LoadCredential= puts the file there (got a value written out, not shown, " +
                "at line 9)");
    }

    @Test
    void shouldReadASecretThroughKafkasFileConfigProvider() throws Exception
    {
        final Path secrets = directory.resolve("kafka.properties");
        Files.writeString(secrets, "password=s3cret\n");
        final Profile profile = load(MINIMAL + "kafka.producer {\n" +
            "  \"config.providers\" = file\n" +
            "  \"config.providers.file.class\" = org.apache.kafka.common.config.provider.FileConfigProvider\n" +
            "  ssl.truststore.password = \"${file:" + secrets + ":password}\"\n" +
            "}\n");

        final org.apache.kafka.clients.producer.ProducerConfig resolved =
            new org.apache.kafka.clients.producer.ProducerConfig(profile.kafka().producerProperties());
        assertEquals("s3cret", resolved.getPassword("ssl.truststore.password").value());
    }

    @Test
    void shouldRefuseASecretReferenceToAnUndeclaredConfigProvider() throws Exception
    {
        assertProblems(MINIMAL + "kafka.producer.ssl.key.password = \"${vault:secret/kafka:key}\"\n",
            "kafka.producer.ssl.key.password names config provider 'vault', which kafka.producer.config.providers and " +
                "kafka.producer.config.providers.vault.class must declare (got '${vault:secret/kafka:key}' at line 9)");
    }

    @Test
    void shouldRefuseAnExchangeNameThatCannotBePartOfATopicName() throws Exception
    {
        assertProblems(MINIMAL + "exchange = NASDAQ-GS\n",
            "exchange must be the exchange's name in lowercase letters, digits and '_', at most 64, e.g. nasdaq " +
                "(it names topics) (got 'NASDAQ-GS' at line 9)");
    }

    @Test
    void shouldRefuseARingSizeThatIsNotAPowerOfTwo() throws Exception
    {
        assertProblems(MINIMAL + "pipeline.ring-size = 65535\n",
            "pipeline.ring-size must be a power of two (the ring indexes slots with a mask) (got '65535' at line 9)");
        assertProblems(MINIMAL + "pipeline.ring-size = 64k\n",
            "pipeline.ring-size must be a whole number from 2 to 16777216 (got '64k' at line 9)");
    }

    @Test
    void shouldReadQuoteDepthLevelsAndRefuseMoreThanTheRecordBufferHolds() throws Exception
    {
        assertEquals(0, Profile.load(write(MINIMAL), Map.of(), Map.of()).book().depthLevels(), "default: top of book only");
        assertEquals(5, Profile.load(write(MINIMAL + "book.depth-levels = 5\n"), Map.of(), Map.of()).book().depthLevels());
        assertProblems(MINIMAL + "book.depth-levels = 11\n",
            "book.depth-levels must be a whole number from 0 to 10 (got '11' at line 9)");
    }

    @Test
    void shouldRebuildTheBooksAfterARestartUnlessTheProfileSaysNot() throws Exception
    {
        assertTrue(Profile.load(write(MINIMAL), Map.of(), Map.of()).checkpoint().rebuildBooks(), "default: rebuild");
        assertFalse(Profile.load(write(MINIMAL + "checkpoint.rebuild-books = false\n"), Map.of(), Map.of()).checkpoint().rebuildBooks());
        assertProblems(MINIMAL + "checkpoint.rebuild-books = sometimes\n",
            "checkpoint.rebuild-books must be true or false (got 'sometimes' at line 9)");
    }

    @Test
    void shouldGiveAReplayItsOwnLingerAndTheLiveLinesTheProfiles() throws Exception
    {
        final Profile profile = Profile.load(write(MINIMAL), Map.of(), Map.of());
        assertEquals(5, profile.replay().lingerMillis(), "default: batches fill for up to 5 ms in a replay");
        assertEquals("0", profile.kafka().producerProperties().get(ProducerConfig.LINGER_MS_CONFIG), "live: the profile's");
        assertEquals("5", profile.kafka().producerProperties(profile.replay().lingerMillis()).get(ProducerConfig.LINGER_MS_CONFIG));
        assertEquals(0, Profile.load(write(MINIMAL + "replay.linger-ms = 0\n"), Map.of(), Map.of()).replay().lingerMillis());
        assertProblems(MINIMAL + "replay.linger-ms = 5000\n",
            "replay.linger-ms must be a whole number from 0 to 1000 (got '5000' at line 9)");
    }

    @Test
    void shouldRefuseAnUnknownWaitStrategy() throws Exception
    {
        assertProblems(MINIMAL + "pipeline.wait-strategy = spin\n",
            "pipeline.wait-strategy must be one of busy-spin, yielding, sleeping, blocking (got 'spin' at line 9)");
    }

    @Test
    void shouldReadEveryChoiceOfWaitStrategyAndOverloadPolicy() throws Exception
    {
        for (final WaitStrategy strategy : WaitStrategy.values())
        {
            for (final OverloadPolicy policy : List.of(OverloadPolicy.RECOVER, OverloadPolicy.SHED))
            {
                final Profile profile = load(MINIMAL + "pipeline.wait-strategy = " + strategy.profileName() +
                    "\npipeline.overload-policy = " + policy.profileName() + "\n");
                assertEquals(strategy, profile.pipeline().waitStrategy());
                assertEquals(policy, profile.pipeline().overloadPolicy());
            }
        }
    }

    @Test
    void shouldReadEveryChoiceOfStageThreadsAndRefuseOthers() throws Exception
    {
        for (final StageThreads threads : StageThreads.values())
        {
            assertEquals(threads, load(MINIMAL + "pipeline.stage-threads = " + threads.profileName() + "\n")
                .pipeline().stageThreads());
        }
        assertProblems(MINIMAL + "pipeline.stage-threads = 3\n",
            "pipeline.stage-threads must be one of one, per-stage (got '3' at line 9)");
    }

    @Test
    void shouldRefuseTheBlockOverloadPolicyBecauseALiveLineMustNeverWait() throws Exception
    {
        assertProblems(MINIMAL + "pipeline.overload-policy = block\n",
            "pipeline.overload-policy must be recover or shed: block would stall a live line's socket thread and lose " +
            "packets in the kernel (file replay always waits for the ring, whatever this says) (got 'block' at line 9)");
    }

    @Test
    void shouldReadTheLinesAndTheRetransmissionServer() throws Exception
    {
        final Profile profile = load(MINIMAL + """
            lines.a { group = "233.54.12.111", port = 26477, interface = eth1 }
            lines.b { group = "233.49.196.111", port = 26477, interface = eth2 }
            retransmission { host = "10.1.2.3", port = 18000, max-messages-per-request = 30 }
            """);

        assertEquals("233.54.12.111", profile.lines().a().group().getHostAddress());
        assertEquals("eth2", profile.lines().b().networkInterface());
        assertEquals(26477, profile.lines().b().port());
        assertEquals(2000, profile.lines().staleAfterMillis());
        assertEquals(new RetransmissionSettings("10.1.2.3", 18000, 5, 50, 1000, 5, 8, 30), profile.retransmission());
    }

    @Test
    void shouldRefuseALineGroupThatIsNotMulticast() throws Exception
    {
        assertProblems(MINIMAL + "lines.a.group = \"10.0.0.1\"\n",
            "lines.a.group must be an IPv4 multicast group, 224.0.0.0 to 239.255.255.255, e.g. 233.54.12.111 " +
            "(got '10.0.0.1' at line 9)");
    }

    @Test
    void shouldReportEveryProblemAtOnceInTheOrderTheKeysAreRead() throws Exception
    {
        assertProblems("""
                exchange = "Nasdaq"
                time-zone = EST
                trade-date = 2019-02-30
                kafka {
                  bootstrap-servers = "broker"
                  topics.partitions = 0
                  topics.create = maybe
                  producer { linger.ms = 0, acks = 0 }
                }
                pipeline.overload-policy = drop
                schema-registry.url = "registry:8081"
                """,
            "exchange must be the exchange's name in lowercase letters, digits and '_', at most 64, e.g. nasdaq " +
                "(it names topics) (got 'Nasdaq' at line 1)",
            "asset-class must be set: lowercase letters, digits and '_', at most 64, e.g. equities (it names topics) " +
                "(missing)",
            "time-zone must be a time zone region such as America/New_York (abbreviations such as EST are fixed " +
                "offsets, without daylight saving time) (got 'EST' at line 2)",
            "trade-date must be an ISO date such as 2019-12-30, or absent to take it from the feed file's name " +
                "(MMDDYYYY) or today (got '2019-02-30' at line 3)",
            "kafka.bootstrap-servers must be host:port[,host:port...] of the Kafka cluster (the profile, " +
                "KAFKA_BOOTSTRAP_SERVERS or --set) (got 'broker' at line 5)",
            "kafka.topics.partitions must be a whole number from 1 to 10000 (got '0' at line 6)",
            "kafka.topics.create must be true or false (got 'maybe' at line 7)",
            "kafka.producer.acks must be 'all' for idempotence: a record counts as sent once every in-sync " +
                "replica has it (got '0' at line 8)",
            "pipeline.overload-policy must be one of recover, shed (got 'drop' at line 10)",
            "schema-registry.url must be 'none' or an http(s) URL such as http://registry:8081 " +
                "(got 'registry:8081' at line 11)");
    }

    @Test
    void shouldRefuseAKeyItDoesNotKnowAndSayWhichKeysAreKnownThere() throws Exception
    {
        assertProblems(MINIMAL + "kafka.topic.partitions = 16\npipline.ring-size = 1024\nkafka.topics.partition = 16\n",
            "kafka.topic.partitions is not a profile key; known keys under kafka: bootstrap-servers, producer, " +
                "topics (got '16' at line 9)",
            "kafka.topics.partition is not a profile key; known keys under kafka.topics: create, partitions, " +
                "replication-factor (got '16' at line 11)",
            "pipline.ring-size is not a profile key; known keys at the top: asset-class, book, checkpoint, exchange, " +
                "kafka, lines, metrics, pipeline, replay, retransmission, schema-registry, soupbintcp, time-zone, trade-date, " +
                "transport (got '1024' at line 10)");
    }

    @Test
    void shouldReadTheSoupBinTcpSessionAndRefuseATimeoutShorterThanTheHeartbeat() throws Exception
    {
        final Profile profile = load(MINIMAL + "transport = soupbintcp\nsoupbintcp { host = feed.example, port = 4000, " +
            "credentials-file = /etc/feedhandler/soup.credentials }\n", Map.of(), Map.of());
        assertEquals(Transport.SOUPBINTCP, profile.transport());
        assertEquals("feed.example", profile.soupBinTcp().host());
        assertEquals(4000, profile.soupBinTcp().port());
        assertEquals(java.util.Optional.of(Path.of("/etc/feedhandler/soup.credentials")), profile.soupBinTcp().credentialsFile());
        assertEquals(1000, profile.soupBinTcp().heartbeatMillis());
        assertEquals(15000, profile.soupBinTcp().timeoutMillis());
        assertEquals(1, profile.soupBinTcp().firstSequence());
        assertEquals(Transport.MOLDUDP64, load(MINIMAL, Map.of(), Map.of()).transport());

        assertProblems(MINIMAL + "transport = tcp\nsoupbintcp.timeout-ms = 1000\n",
            "transport must be one of moldudp64, soupbintcp (got 'tcp' at line 9)",
            "soupbintcp.timeout-ms must be longer than soupbintcp.heartbeat-ms (1000) (got '1000' at line 10)");
    }

    @Test
    void shouldRefuseAValueWhereASectionBelongs() throws Exception
    {
        assertProblems(MINIMAL + "pipeline = fast\n",
            "pipeline must be a section { ... } (got 'fast' at line 9)");
    }

    @Test
    void shouldTakeBootstrapServersAndTheRegistryFromTheEnvironment() throws Exception
    {
        final Profile profile = load(MINIMAL, Map.of(), Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "kafka1:9092, kafka2:9092",
            "SCHEMA_REGISTRY_URL", "http://registry:8081"));

        assertEquals("kafka1:9092,kafka2:9092", profile.kafka().bootstrapServers());
        assertEquals("kafka1:9092,kafka2:9092", profile.kafka().producerProperties().get("bootstrap.servers"));
        assertEquals(Optional.of(URI.create("http://registry:8081")), profile.schemaRegistry().url());
        assertTrue(profile.schemaRegistry().enabled());
    }

    @Test
    void shouldReadNoneAsNoRegistryEvenOverAUrlInTheProfile() throws Exception
    {
        final String withRegistry = MINIMAL + "schema-registry.url = \"https://registry.example:8081\"\n";
        assertTrue(load(withRegistry).schemaRegistry().enabled());

        final Profile fromEnvironment = load(withRegistry, Map.of(), Map.of("SCHEMA_REGISTRY_URL", "none"));
        assertEquals(Optional.empty(), fromEnvironment.schemaRegistry().url());
        assertFalse(fromEnvironment.schemaRegistry().enabled());

        final Profile fromSet = load(withRegistry, Map.of("schema-registry.url", "none"), Map.of());
        assertFalse(fromSet.schemaRegistry().enabled());
    }

    @Test
    void shouldReadTheRegistryConnectionKeysAndDefaultToRefusingToStartWithoutIt() throws Exception
    {
        final SchemaRegistrySettings defaults = load(MINIMAL).schemaRegistry();
        assertEquals(List.of(Duration.ofSeconds(5), 3, Duration.ofMillis(250), false, Optional.empty()),
            List.of(defaults.timeout(), defaults.retries(), defaults.retryBackoff(), defaults.fallbackToSingleObject(),
                defaults.usernameFile()));

        final SchemaRegistrySettings set = load(MINIMAL + """
            schema-registry {
              url = "https://registry:8081"
              username-file = /run/credentials/user
              password-file = /run/credentials/password
              trust-store = /etc/feedhandler/registry.p12
              timeout-ms = 800
              retries = 0
              fallback-to-single-object = true
            }
            """).schemaRegistry();
        assertEquals(List.of(Optional.of(Path.of("/run/credentials/user")), Optional.of(Path.of("/run/credentials/password")),
                Optional.of(Path.of("/etc/feedhandler/registry.p12")), Duration.ofMillis(800), 0, true),
            List.of(set.usernameFile(), set.passwordFile(), set.trustStore(), set.timeout(), set.retries(),
                set.fallbackToSingleObject()));
    }

    @Test
    void shouldRefuseAUserNameWithoutAPasswordAndAnUnknownRegistryKey() throws Exception
    {
        assertProblems(MINIMAL + "schema-registry.username-file = user\nschema-registry.retry = 2\n",
            "schema-registry.username-file and schema-registry.password-file must be set together (basic auth), or neither",
            "schema-registry.retry is not a profile key; known keys under schema-registry: fallback-to-single-object, " +
                "password-file, retries, retry-backoff-ms, timeout-ms, trust-store, trust-store-password-file, url, " +
                "username-file (got '2' at line 10)");
    }

    @Test
    void shouldIgnoreABlankEnvironmentVariable() throws Exception
    {
        final Profile profile = load(MINIMAL, Map.of(), Map.of("KAFKA_BOOTSTRAP_SERVERS", " "));

        assertEquals("127.0.0.1:9092", profile.kafka().bootstrapServers());
    }

    @Test
    void shouldLetSetOverrideAnyKeyAndWinOverTheEnvironment() throws Exception
    {
        final Profile profile = load(MINIMAL,
            Map.of(
                "kafka.bootstrap-servers", "from-set:9092",
                "kafka.topics.partitions", "16",
                "kafka.topics.create", "false",
                "kafka.producer.linger.ms", "2",
                "kafka.producer.\"compression.type\"", "zstd",
                "pipeline.wait-strategy", "busy-spin",
                "trade-date", "2019-12-30"),
            Map.of("KAFKA_BOOTSTRAP_SERVERS", "from-environment:9092"));

        assertEquals("from-set:9092", profile.kafka().bootstrapServers());
        assertEquals(new TopicSettings(16, (short)1, false), profile.kafka().topics());
        assertEquals("2", profile.kafka().producer().get("linger.ms"));
        assertEquals("zstd", profile.kafka().producer().get("compression.type"));
        assertEquals(WaitStrategy.BUSY_SPIN, profile.pipeline().waitStrategy());
        assertEquals(Optional.of(LocalDate.of(2019, 12, 30)), profile.tradeDate());
    }

    @Test
    void shouldSayWhenABadValueCameFromSetOrTheEnvironment() throws Exception
    {
        final ProfileException failure = assertThrows(ProfileException.class, () -> load(MINIMAL,
            Map.of("kafka.producer.acks", "1", "no..key", "1"),
            Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka1")));

        assertEquals(List.of(
            problem("--set no..key=1: 'no..key' is not a key (path parameter: Invalid path 'no..key': path has a " +
                "leading, trailing, or two adjacent period '.' (use quoted \"\" empty string if you want an empty " +
                "element))"),
            problem("kafka.bootstrap-servers must be host:port[,host:port...] of the Kafka cluster (the profile, " +
                "KAFKA_BOOTSTRAP_SERVERS or --set) (got 'kafka1' from environment variable KAFKA_BOOTSTRAP_SERVERS)"),
            problem("kafka.producer.acks must be 'all' for idempotence: a record counts as sent once every in-sync " +
                "replica has it (got '1' from --set)")), failure.errors());
    }

    @Test
    void shouldRefuseAnUnknownKeyGivenWithSet() throws Exception
    {
        assertProblems(MINIMAL, Map.of("pipeline.ringsize", "1024"),
            "pipeline.ringsize is not a profile key; known keys under pipeline: overload-policy, ring-size, " +
                "stage-threads, wait-strategy (got '1024' from --set)");
    }

    @Test
    void shouldResolveSubstitutionsFromTheGivenEnvironmentOnly() throws Exception
    {
        final String profile = MINIMAL + "checkpoint.directory = ${?STATE_DIRECTORY}\n";

        assertEquals(Path.of("/var/lib/feedhandler"),
            load(profile, Map.of(), Map.of("STATE_DIRECTORY", "/var/lib/feedhandler")).checkpoint().directory());
        assertEquals(Path.of("state"), load(profile).checkpoint().directory(),
            "an optional substitution of an unset variable leaves the default");
        assertProblems(MINIMAL + "checkpoint.directory = ${STATE_DIRECTORY}\n",
            "line 9: Could not resolve substitution to a value: ${STATE_DIRECTORY}");
    }

    @Test
    void shouldRequireTheKeysEveryProfileMustSetItself() throws Exception
    {
        assertProblems("pipeline.ring-size = 1024\n",
            "exchange must be set: the exchange's name in lowercase letters, digits and '_', at most 64, e.g. " +
                "nasdaq (it names topics) (missing)",
            "asset-class must be set: lowercase letters, digits and '_', at most 64, e.g. equities (it names " +
                "topics) (missing)",
            "time-zone must be set: a time zone region such as America/New_York (abbreviations such as EST are " +
                "fixed offsets, without daylight saving time) (missing)",
            "kafka.bootstrap-servers must be set: host:port[,host:port...] of the Kafka cluster (the profile, " +
                "KAFKA_BOOTSTRAP_SERVERS or --set) (missing)",
            "kafka.producer.linger.ms must be set explicitly: Kafka 4.x waits 5 ms per batch by default; " +
                "0 sends at once (lowest latency) (missing)");
    }

    @Test
    void shouldReportASyntaxErrorWithItsLine() throws Exception
    {
        assertProblems(MINIMAL + "pipeline {\n  ring-size = 1024\n",
            "line 11: expecting a close parentheses ')' here, not: end of file");
    }

    @Test
    void shouldReportAMissingFileWithoutAStackTrace()
    {
        final Path missing = directory.resolve("nope.conf");

        final ProfileException failure = assertThrows(ProfileException.class,
            () -> Profile.load(missing, Map.of(), Map.of()));

        assertEquals("profile " + missing + ": no such file (looked in " + directory + ")", failure.getMessage());
    }

    @Test
    void shouldLoadTheBuiltInProfile() throws Exception
    {
        final Profile profile = Profile.defaults();

        assertEquals("nasdaq", profile.exchange());
        assertEquals("equities", profile.assetClass());
        assertEquals("127.0.0.1:9092", profile.kafka().bootstrapServers());
        assertEquals("0", profile.kafka().producer().get("linger.ms"));
        assertEquals("none", profile.kafka().producer().get("compression.type"), "no lz4 buffers per batch at linger.ms 0");
        assertEquals(5, profile.replay().lingerMillis());
        assertEquals(new PipelineSettings(65_536, WaitStrategy.SLEEPING, OverloadPolicy.RECOVER, StageThreads.ONE), profile.pipeline());

        final Profile demo = Profile.defaults(Map.of("kafka.bootstrap-servers", "127.0.0.1:40123"), Map.of());
        assertEquals("127.0.0.1:40123", demo.kafka().bootstrapServers());
        final ProfileException failure = assertThrows(ProfileException.class,
            () -> Profile.defaults(Map.of("kafka.producer.acks", "1"), Map.of()));
        assertTrue(failure.getMessage().startsWith("profile (built-in defaults): kafka.producer.acks must be 'all'"),
            failure.getMessage());
    }

    @Test
    void shouldTakeTheTradeDateFromTheProfileThenTheFileNameThenToday() throws Exception
    {
        // 2019-12-31 03:00 UTC is still 2019-12-30 in New York.
        final Clock clock = Clock.fixed(Instant.parse("2019-12-31T03:00:00Z"), ZoneOffset.UTC);
        final Path dayFile = Path.of("/data/01022020.NASDAQ_ITCH50.gz");
        final Profile profile = load(MINIMAL);

        assertEquals(LocalDate.of(2020, 1, 2), profile.tradingDay(dayFile, clock).date());
        assertEquals(LocalDate.of(2019, 12, 30), profile.tradingDay(Path.of("capture.pcap"), clock).date());
        assertEquals(LocalDate.of(2019, 12, 30), profile.tradingDay(clock).date());

        final Profile pinned = load(MINIMAL + "trade-date = 2019-07-01\n");
        assertEquals(LocalDate.of(2019, 7, 1), pinned.tradingDay(dayFile, clock).date());
        assertEquals(LocalDate.of(2019, 7, 1), pinned.tradingDay(clock).date());
        assertEquals(ZoneId.of("America/New_York"), pinned.tradingDay(clock).zone());
    }

    private Profile load(final String text) throws IOException, ProfileException
    {
        return load(text, Map.of(), Map.of());
    }

    private Profile load(final String text, final Map<String, String> overrides, final Map<String, String> environment)
        throws IOException, ProfileException
    {
        return Profile.load(write(text), overrides, environment);
    }

    private Path write(final String text) throws IOException
    {
        return Files.writeString(directory.resolve("test.conf"), text);
    }

    private String problem(final String sentence)
    {
        return "profile " + directory.resolve("test.conf") + ": " + sentence;
    }

    private void assertProblems(final String text, final String... expected) throws IOException
    {
        assertProblems(text, Map.of(), expected);
    }

    private void assertProblems(final String text, final Map<String, String> overrides, final String... expected)
        throws IOException
    {
        final Path file = write(text);
        final ProfileException failure = assertThrows(ProfileException.class,
            () -> Profile.load(file, overrides, Map.of()));
        assertEquals(List.of(expected).stream().map(this::problem).toList(), failure.errors());
        assertEquals(String.join(System.lineSeparator(), failure.errors()), failure.getMessage());
    }
}
