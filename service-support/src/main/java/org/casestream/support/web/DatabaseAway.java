package org.casestream.support.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A failure caused by the service's database being away is a 503 with {@code Retry-After}, never a 500: in a
 * controller (see {@link ProblemHandling}) and, through this filter, in a filter before it (authentication reading
 * an API key, say), which the container would otherwise answer with a bare 500.
 */
public class DatabaseAway extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAway.class);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final ObjectMapper mapper;

    public DatabaseAway(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public static ResponseEntity<ProblemDetail> problem() {
        return Problems.dependencyUnavailable("The service's database", RETRY);
    }

    /**
     * No connection within the pool's timeout, or one the database dropped: SQLSTATE class 08 (connection exception)
     * or 57P (the server shutting down or not yet accepting connections), or a transaction that could not be
     * committed or rolled back (then the first failure is only aside, or only logged, and the cause is the pool's
     * closed connection, which has no SQLSTATE).
     */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransactionSystemException) {
                // a commit or rollback the database did not complete: its connection broke (PostgreSQL restarting,
                // the pool's connection closed under it). The outcome is unknown, so the caller is told to retry,
                // which its Idempotency-Key makes safe
                return true;
            }
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            if (!causedBy(failure) || response.isCommitted()) {
                throw failure;
            }
            log.warn("Request {} {}: the database is not reachable ({})", request.getMethod(), request.getRequestURI(),
                    Redacted.causes(failure));
            ProblemResponses.write(request, response, problem(), mapper);
        }
    }
}
