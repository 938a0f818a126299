package org.casestream.localstack.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's embedded binaries) on a persistent data directory: initialised
 * the first time, reused afterwards, never cleaned. Trust authentication for {@code postgres} on
 * loopback, no password.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "casestream";
    static final String USER = "postgres";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration STALE_SERVER_WAIT = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);

    private final EmbeddedPostgres server;
    private final int port;

    private LocalPostgres(EmbeddedPostgres server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * @param durable fsync and synchronous commits on (the data directory is meant to survive);
     *                zonky's test defaults turn both off
     */
    public static LocalPostgres start(Path dataDirectory, int port, boolean durable) throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        stopStaleServer(dataDirectory);
        boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
        LOG.info("Starting PostgreSQL on localhost:{} with {} data directory {}", port, fresh ? "a new" : "the existing", dataDirectory);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .start();
        LocalPostgres postgres = new LocalPostgres(server, port);
        try {
            postgres.ensureDatabase();
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public Connection connect() throws SQLException {
        return server.getDatabase(USER, DATABASE).getConnection();
    }

    private void ensureDatabase() throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
            LOG.info("Created database {}", DATABASE);
        }
    }

    /**
     * pg_ctl starts the postmaster as a daemon, so a killed (not stopped) infra JVM leaves it
     * running and holding the port: stop it before starting again on the same directory.
     */
    private static void stopStaleServer(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> stale = postmasterOf(dataDirectory);
        if (stale.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = stale.get();
        LOG.warn("A PostgreSQL server (pid {}) from an earlier run still uses {}; stopping it", postmaster.pid(), dataDirectory);
        postmaster.destroy();
        try {
            postmaster.onExit().get(STALE_SERVER_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("It did not stop within {} s; killing it", STALE_SERVER_WAIT.toSeconds());
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        }
    }

    private static Optional<ProcessHandle> postmasterOf(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        LOG.info("Stopping PostgreSQL");
        server.close();
    }
}
