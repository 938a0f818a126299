package org.casestream.support.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The one way this service builds RFC 9457 problem details. */
public final class Problems {

    private static final String TYPE_BASE = "https://casestream.org/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /**
     * A dependency of the service (its database, a peer) is away: 503 with {@code Retry-After}, at once rather
     * than after a driver's default timeout, so that callers and load balancers move on.
     */
    public static ResponseEntity<ProblemDetail> dependencyUnavailable(String what, Duration retryAfter) {
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable", "Service unavailable",
                what + " is not reachable right now", retryAfter);
    }

    /** A problem the caller may try again after {@code retryAfter}: its {@code Retry-After} in whole seconds (at least 1). */
    public static ResponseEntity<ProblemDetail> retryLater(HttpStatus status, String type, String title, String why,
                                                           Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(of(status, type, title, why + "; try again in " + seconds + " seconds"));
    }

    public static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
        problem.setProperty("errors", errors);
        return problem;
    }
}
