package org.casestream.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** The PostgreSQL the services use, where the raw baseline runs too. */
record DatabaseTarget(String jdbcUrl, String user, String password) {

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** The settings that decide what a commit costs, for the report. */
    Map<String, String> settings() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('server_version'), current_setting('fsync'),"
                     + " current_setting('synchronous_commit'), current_setting('max_connections')")) {
            row.next();
            settings.put("server_version", row.getString(1));
            settings.put("fsync", row.getString(2));
            settings.put("synchronous_commit", row.getString(3));
            settings.put("max_connections", row.getString(4));
        }
        return settings;
    }
}
