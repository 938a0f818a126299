package org.casestream.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.TopicListing;
import org.apache.kafka.common.TopicPartition;
import org.casestream.localstack.infra.LocalKafka;
import org.casestream.localstack.infra.LocalMongo;
import org.casestream.localstack.infra.LocalPostgres;
import org.casestream.localstack.jwt.LocalJwtIssuer;
import org.casestream.localstack.jwt.LocalKeyPair;
import org.casestream.localstack.jwt.Role;

/**
 * The one test base for infrastructure, for every service's integration tests: one real PostgreSQL and one
 * real Kafka broker (KRaft) for the whole test JVM, on free ports and a temporary directory, plus a key pair for
 * signing test JWTs. Kafka can be stopped and started again on the same port and
 * log directory, to test what happens while the broker is away.
 */
public final class TestInfrastructure {

    /**
     * The key survey links are signed with (CASESTREAM_SURVEY_KEY): the same for every service of the test JVM, so a
     * link the notification service mails is one the command service takes; tests sign their own with it too.
     */
    public static final String SURVEY_KEY = "test-survey-key-" + "0123456789abcdefghijklmnopqrstuvwxyz";

    private static Path home;
    private static LocalPostgres postgres;
    private static LocalKafka kafka;
    private static int kafkaPort;
    private static int controllerPort;
    private static LocalJwtIssuer issuer;
    private static LocalMongo mongo;

    private TestInfrastructure() {
    }

    public static synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            home = Files.createTempDirectory("casestream-test-");
            postgres = LocalPostgres.start(home.resolve("postgres"), freePort(), false);
            kafkaPort = freePort();
            controllerPort = freePort();
            startKafka();
            LocalKeyPair keys = LocalKeyPair.ensure(home.resolve("jwt"));
            issuer = new LocalJwtIssuer(keys);
            Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stopAll, "test-infra-stop"));
        } catch (Exception e) {
            throw new IllegalStateException("Test infrastructure did not start", e);
        }
    }

    public static synchronized void stopKafka() {
        if (kafka != null) {
            try {
                kafka.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            kafka = null;
        }
    }

    public static synchronized void startKafka() {
        if (kafka == null) {
            try {
                kafka = LocalKafka.start(home.resolve("kafka"), kafkaPort, controllerPort);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not start", e);
            }
        }
    }

    /**
     * A broker of its own, empty, on free ports, auto-creating topics with Kafka's stock single partition: for
     * a test that needs a broker no other test has touched (no topics yet). The caller closes it.
     */
    public static LocalKafka separateKafka() {
        return separateKafka(Map.of());
    }

    /** As {@link #separateKafka()}, with further broker settings (a production broker's retention, say). */
    public static LocalKafka separateKafka(Map<String, String> brokerSettings) {
        start();
        Map<String, String> settings = new java.util.HashMap<>(Map.of("num.partitions", "1"));
        settings.putAll(brokerSettings);
        try {
            return LocalKafka.start(Files.createTempDirectory(home, "kafka-"), freePort(), freePort(), settings);
        } catch (Exception e) {
            throw new IllegalStateException("A separate Kafka did not start", e);
        }
    }

    /** How many partitions {@code topic} has on the broker at {@code bootstrapServers}; 0 when it does not exist. */
    public static int partitionCount(String bootstrapServers, String topic) {
        try (Admin admin = admin(bootstrapServers)) {
            Map<String, TopicListing> topics = admin.listTopics().namesToListings().get(10, TimeUnit.SECONDS);
            if (!topics.containsKey(topic)) {
                return 0;
            }
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        }
    }

    /** The partitions the members of consumer group {@code group} hold between them right now. */
    public static Set<TopicPartition> assignedPartitions(String bootstrapServers, String group) {
        try (Admin admin = admin(bootstrapServers)) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(10, TimeUnit.SECONDS).get(group);
            Set<TopicPartition> assigned = new HashSet<>();
            description.members().forEach(member -> assigned.addAll(member.assignment().topicPartitions()));
            return assigned;
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe consumer group " + group, e);
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    /**
     * The settings that point a service at this infrastructure: its PostgreSQL database, the Kafka broker, the
     * key its tokens are checked with, and the key of survey links.
     */
    public static Map<String, String> serviceProperties() {
        start();
        return Map.of(
                "spring.datasource.url", jdbcUrl(),
                "spring.datasource.username", "postgres",
                "spring.kafka.bootstrap-servers", kafkaBootstrapServers(),
                "spring.security.oauth2.resourceserver.jwt.public-key-location", publicKeyLocation(),
                "casestream.surveys.key", SURVEY_KEY);
    }

    /** A new temporary directory (for an index, a home, a mail store), removed with the JVM's temporary files. */
    public static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    /** A new, empty database on the same server, for tests that need a service instance of their own. */
    public static String createDatabase(String name) {
        start();
        try (var connection = postgres.connect(); var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return postgres.jdbcUrl().replace("/" + LocalPostgres.DATABASE, "/" + name);
    }

    /**
     * A MongoDB wire server (memory backend) on a free port, started on first use; each caller should use a
     * database of its own name.
     */
    public static synchronized String mongoUri() {
        start();
        if (mongo == null) {
            mongo = LocalMongo.startInMemory(0);
        }
        return mongo.connectionString();
    }

    public static String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    public static String publicKeyLocation() {
        return home.resolve("jwt").resolve(LocalKeyPair.PUBLIC_KEY_FILE).toUri().toString();
    }

    public static String token(Role role, String user) {
        return issuer.mint(role, user);
    }

    /** A token that expires after {@code ttl}. */
    public static String token(Role role, String user, java.time.Duration ttl) {
        return issuer.mint(role, user, ttl);
    }

    /** A token with further claims: a channel's {@code channel}, a person's {@code agentId}. */
    public static String token(Role role, String user, java.util.Map<String, ?> claims) {
        return issuer.mint(role, user, LocalJwtIssuer.DEFAULT_TTL, claims);
    }

    /**
     * Stops the servers that outlive the JVM. Kafka runs inside this JVM and ends with it: stopping it here would
     * race the Spring contexts that close in their own shutdown hooks, whose consumers then wait for a broker
     * that is gone (a 30 s exit).
     */
    private static void stopAll() {
        if (mongo != null) {
            mongo.close();
        }
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is exiting; the temporary directory goes with it
        }
    }

    private static int freePort() {
        return Ports.free();
    }
}
