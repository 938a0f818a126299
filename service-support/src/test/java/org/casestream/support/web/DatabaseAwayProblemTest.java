package org.casestream.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;

/**
 * However a framework wraps it, a failure caused by the database being away is a 503 with Retry-After: no
 * connection from the pool in time, a connection the server dropped while shutting down (57P01), a refused one (08001).
 * Anything else stays a 500.
 */
class DatabaseAwayProblemTest {

    private final ProblemHandling handling = new ProblemHandling();
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void aFailureCausedByTheDatabaseBeingAwayIsServiceUnavailable() {
        for (Exception away : new Exception[] {
                new IllegalStateException("wrapped", new SQLTransientConnectionException("pool timed out")),
                new RuntimeException(new IllegalStateException(new SQLException("terminating connection", "57P01"))),
                new RuntimeException(new SQLException("connection refused", "08001")),
                rollbackFailedAfter(new RuntimeException(new SQLException("I/O error", "08006"))),
                // the commit failed (only logged by the transaction manager), then the rollback on the closed connection
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))}) {
            ResponseEntity<ProblemDetail> answer = handling.unexpected(away, request, response);
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(answer.getBody().getType().toString()).endsWith("/dependency-unavailable");
        }
    }

    /** The connection broke mid-transaction, so the rollback failed too: the rollback's failure wraps the first. */
    private static TransactionSystemException rollbackFailedAfter(RuntimeException first) {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(first);
        return rollback;
    }

    @Test
    void otherFailuresAreInternalErrors() {
        assertThat(handling.unexpected(new RuntimeException(new SQLException("duplicate key", "23505")), request, response)
                .getStatusCode().value()).isEqualTo(500);
        assertThat(handling.unexpected(new IllegalStateException("bug"), request, response).getStatusCode().value()).isEqualTo(500);
    }

    /** The gateway's API key lookup runs in a filter, before any controller: the container would answer 500. */
    @Test
    void aFilterThatFailsBecauseTheDatabaseIsAwayIsServiceUnavailableToo() throws Exception {
        DatabaseAway filter = new DatabaseAway(new com.fasterxml.jackson.databind.ObjectMapper());
        org.springframework.mock.web.MockHttpServletResponse response = new org.springframework.mock.web.MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/cases"), response, (req, res) -> {
            throw new IllegalStateException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("pool timed out"));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString()).contains("/dependency-unavailable");

        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/cases"),
                new org.springframework.mock.web.MockHttpServletResponse(), (req, res) -> {
                    throw new IllegalStateException("bug");
                })).hasMessage("bug");
    }
}
