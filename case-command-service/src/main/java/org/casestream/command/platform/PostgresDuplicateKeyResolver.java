package org.casestream.command.platform;

import java.sql.SQLException;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon that PostgreSQL's unique violation (SQLState 23505) on the event table is a concurrency
 * conflict: another writer appended the same aggregate sequence number first. Axon's default resolver
 * does not know PostgreSQL's code, and without this a conflicting write would fail instead of being retried.
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
