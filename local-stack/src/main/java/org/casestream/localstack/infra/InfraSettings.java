package org.casestream.localstack.infra;

import org.casestream.localstack.CasestreamHome;

/**
 * What {@code infra} starts and where.
 *
 * @param durablePostgres fsync and synchronous commit on, as a persistent store needs
 */
public record InfraSettings(CasestreamHome home, int postgresPort, int kafkaPort, int kafkaControllerPort,
                            boolean durablePostgres) {

    public static final int DEFAULT_POSTGRES_PORT = 5432;
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_MONGO_PORT = 27017;
    public static final int DEFAULT_SMTP_PORT = 3025;
    public static final int DEFAULT_IMAP_PORT = 3143;
    public static final String DEFAULT_SUPPORT_MAILBOX = "support@casestream.local";

    public InfraSettings {
        if (postgresPort == kafkaPort || postgresPort == kafkaControllerPort || kafkaPort == kafkaControllerPort) {
            throw new IllegalArgumentException("PostgreSQL, Kafka and the Kafka controller need three different ports, got "
                    + postgresPort + ", " + kafkaPort + ", " + kafkaControllerPort);
        }
    }

    public String postgresJdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + LocalPostgres.DATABASE;
    }

    /** The MongoDB wire server's port: {@code $CASESTREAM_MONGO_PORT}, else 27017. */
    public int mongoPort() {
        String value = System.getenv("CASESTREAM_MONGO_PORT");
        return value == null || value.isBlank() ? DEFAULT_MONGO_PORT : Integer.parseInt(value.trim());
    }

    /** The mail catcher's SMTP port: {@code $CASESTREAM_SMTP_PORT}, else 3025. */
    public int smtpPort() {
        return portFromEnv("CASESTREAM_SMTP_PORT", DEFAULT_SMTP_PORT);
    }

    /** The mail catcher's IMAP port, to read what was sent: {@code $CASESTREAM_IMAP_PORT}, else 3143. */
    public int imapPort() {
        return portFromEnv("CASESTREAM_IMAP_PORT", DEFAULT_IMAP_PORT);
    }

    /** The support mailbox customers write to: {@code $CASESTREAM_SUPPORT_MAILBOX}, else support@casestream.local. */
    public String supportMailbox() {
        String value = System.getenv("CASESTREAM_SUPPORT_MAILBOX");
        return value == null || value.isBlank() ? DEFAULT_SUPPORT_MAILBOX : value.trim();
    }

    /**
     * The support mailbox's IMAP password: {@code $CASESTREAM_SUPPORT_MAILBOX_PASSWORD} (./casestream up generates one
     * into {@code $CASESTREAM_HOME/secrets}); without it the catcher's convention, the address itself.
     */
    public String supportMailboxPassword() {
        String value = System.getenv("CASESTREAM_SUPPORT_MAILBOX_PASSWORD");
        return value == null || value.isBlank() ? supportMailbox() : value;
    }

    private static int portFromEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    public String mongoUri() {
        return "mongodb://localhost:" + mongoPort();
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }
}
