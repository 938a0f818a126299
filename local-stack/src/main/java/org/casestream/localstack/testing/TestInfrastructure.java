package org.casestream.localstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

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

    public static String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    /** A new, empty database on the same server, for tests that need a service instance of their own. */
    public static String createDatabase(String name) {
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
