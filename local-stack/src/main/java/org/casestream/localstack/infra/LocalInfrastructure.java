package org.casestream.localstack.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL, Kafka, the MongoDB wire server and a mail catcher for running Casestream without Docker.
 * {@link #start()} returns once they accept connections and then writes {@code infra.ready}; {@link #close()}
 * removes it first and stops them all, PostgreSQL last. Both are safe to call from a shutdown hook while the other
 * runs. In between, a drill may stop and start one part at a time through {@link InfraControl}.
 */
public final class LocalInfrastructure implements AutoCloseable {

    private static final Duration KAFKA_READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(LocalInfrastructure.class);

    private final InfraSettings settings;
    private LocalPostgres postgres;
    private LocalKafka kafka;
    private LocalMongo mongo;
    private LocalMailCatcher mail;
    private InfraControl control;
    private boolean closed;

    /** The parts a fault drill can stop and start one at a time (see {@link InfraControl}). */
    public enum Part { POSTGRES, KAFKA, MONGO }

    public LocalInfrastructure(InfraSettings settings) {
        this.settings = settings;
    }

    public InfraSettings settings() {
        return settings;
    }

    public synchronized void start() throws Exception {
        if (closed) {
            throw new IllegalStateException("Already stopped");
        }
        long startedAt = System.nanoTime();
        Files.createDirectories(settings.home().root());
        Files.deleteIfExists(settings.home().readyFile());
        try {
            for (Part part : Part.values()) {
                start(part);
            }
            mail = LocalMailCatcher.start(settings.smtpPort(), settings.imapPort(), settings.supportMailbox(),
                    settings.supportMailboxPassword());
            verifyPostgres();
            verifyKafka();
            control = InfraControl.start(this);
        } catch (Exception e) {
            stopServers();
            closed = true;
            throw e;
        }
        writeReadyFile();
        LOG.info("Local infrastructure ready in {} ms: PostgreSQL {}, Kafka {}, MongoDB {}",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt),
                settings.postgresJdbcUrl(), settings.kafkaBootstrapServers(), settings.mongoUri());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Files.deleteIfExists(settings.home().readyFile());
        } catch (IOException e) {
            LOG.warn("Could not remove {}", settings.home().readyFile(), e);
        }
        stopServers();
        LOG.info("Local infrastructure stopped");
    }

    /** Starts {@code part} on its port and data directory; nothing happens when it already runs. */
    public synchronized void start(Part part) throws Exception {
        switch (part) {
            case POSTGRES -> {
                if (postgres == null) {
                    postgres = LocalPostgres.start(settings.home().postgresDirectory(), settings.postgresPort(),
                            settings.durablePostgres());
                }
            }
            case KAFKA -> {
                if (kafka == null) {
                    kafka = LocalKafka.start(settings.home().kafkaDirectory(), settings.kafkaPort(),
                            settings.kafkaControllerPort());
                }
            }
            case MONGO -> {
                if (mongo == null) {
                    mongo = LocalMongo.start(settings.home().mongoDirectory(), settings.mongoPort());
                }
            }
        }
    }

    /** Stops {@code part} cleanly (its data stays); the others go on running. */
    public synchronized void stop(Part part) throws Exception {
        LOG.info("Stopping {} on request", part);
        switch (part) {
            case POSTGRES -> {
                if (postgres != null) {
                    postgres.close();
                    postgres = null;
                }
            }
            case KAFKA -> {
                if (kafka != null) {
                    kafka.close();
                    kafka = null;
                }
            }
            case MONGO -> {
                if (mongo != null) {
                    mongo.close();
                    mongo = null;
                }
            }
        }
    }

    private void stopServers() {
        if (control != null) {
            control.close();
            control = null;
        }
        if (mail != null) {
            try {
                mail.close();
            } catch (Exception e) {
                LOG.error("The mail catcher did not stop cleanly", e);
            }
            mail = null;
        }
        if (mongo != null) {
            try {
                mongo.close();
            } catch (Exception e) {
                LOG.error("The MongoDB wire server did not stop cleanly", e);
            }
            mongo = null;
        }
        if (kafka != null) {
            try {
                kafka.close();
            } catch (Exception e) {
                LOG.error("Kafka did not stop cleanly", e);
            }
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (Exception e) {
                LOG.error("PostgreSQL did not stop cleanly", e);
            }
            postgres = null;
        }
    }

    private void verifyPostgres() throws Exception {
        try (Connection connection = postgres.connect();
             Statement statement = connection.createStatement();
             ResultSet settingsRow = statement.executeQuery(
                     "SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit')")) {
            settingsRow.next();
            LOG.info("PostgreSQL {} accepts connections at {} (fsync={}, synchronous_commit={})",
                    settingsRow.getString(1), settings.postgresJdbcUrl(), settingsRow.getString(2), settingsRow.getString(3));
        }
    }

    private void verifyKafka() throws Exception {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "casestream-local-stack-readiness",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_READY_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            int brokers = admin.describeCluster().nodes().get(KAFKA_READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS).size();
            String clusterId = admin.describeCluster().clusterId().get(KAFKA_READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            LOG.info("Kafka accepts connections at {} (cluster {}, {} broker)", kafka.bootstrapServers(), clusterId, brokers);
        }
    }

    /** Written readable by its owner only (a temporary file's permissions): it holds the control token. */
    private void writeReadyFile() throws IOException {
        Path ready = settings.home().readyFile();
        String content = String.join("\n",
                "pid=" + ProcessHandle.current().pid(),
                "started=" + Instant.now(),
                "postgres.port=" + settings.postgresPort(),
                "postgres.url=" + settings.postgresJdbcUrl(),
                "postgres.user=" + LocalPostgres.USER,
                "kafka.port=" + settings.kafkaPort(),
                "kafka.bootstrap=" + settings.kafkaBootstrapServers(),
                "mongo.port=" + settings.mongoPort(),
                "mongo.uri=" + settings.mongoUri(),
                "smtp.port=" + settings.smtpPort(),
                "imap.port=" + settings.imapPort(),
                "control.port=" + control.port(),
                "control.token=" + control.token(),
                "");
        Path temp = Files.createTempFile(ready.getParent(), ".infra.ready", ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        try {
            Files.move(temp, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, ready, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
