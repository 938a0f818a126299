package org.casestream.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The baseline: one single-row INSERT committed on its own (autocommit) per operation, each client
 * on its own connection, rows of about the size of a stored intake event.
 */
final class RawInsertClient implements LoadClient {

    static final String TABLE = "bench_raw_insert";
    static final int PAYLOAD_BYTES = 500;

    private final Connection connection;
    private final PreparedStatement insert;
    private final byte[] payload;

    private RawInsertClient(Connection connection) throws SQLException {
        this.connection = connection;
        this.insert = connection.prepareStatement("INSERT INTO " + TABLE + " (payload) VALUES (?)");
        this.payload = new byte[PAYLOAD_BYTES];
        ThreadLocalRandom.current().nextBytes(payload);
    }

    static RawInsertClient connect(DatabaseTarget target) throws SQLException {
        Connection connection = target.connect();
        connection.setAutoCommit(true);
        return new RawInsertClient(connection);
    }

    static void createTable(DatabaseTarget target) throws SQLException {
        try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE
                    + " (id bigserial PRIMARY KEY, payload bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
        }
    }

    static void dropTable(DatabaseTarget target) throws SQLException {
        try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    @Override
    public void execute() throws SQLException {
        insert.setBytes(1, payload);
        insert.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            insert.close();
        }
    }
}
