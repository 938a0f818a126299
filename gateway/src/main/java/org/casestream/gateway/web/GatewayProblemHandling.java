package org.casestream.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.casestream.gateway.auth.AccountLocked;
import org.casestream.gateway.auth.AuthenticationFailed;
import org.casestream.gateway.auth.LoginThrottled;
import org.casestream.gateway.auth.SecondFactorRequired;
import org.casestream.gateway.http.WebProperties;
import org.casestream.support.web.Problems;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The gateway's own failures as problem+json (the shared handler does the rest), and the dashboard's
 * client-side routes: a GET for a page that is not a file answers the dashboard's index.html.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class GatewayProblemHandling {

    private static final Logger log = LoggerFactory.getLogger(GatewayProblemHandling.class);
    /** How soon a caller may try a service that was not reachable: services restart within seconds. */
    private static final Duration BACKEND_RETRY = Duration.ofSeconds(5);

    private final WebProperties web;

    public GatewayProblemHandling(WebProperties web) {
        this.web = web;
    }

    @ExceptionHandler(AuthenticationFailed.class)
    ResponseEntity<ProblemDetail> authenticationFailed(AuthenticationFailed failure) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                        "Wrong username or password, or the account is disabled, or the token is not valid"));
    }

    /** The password was right; the login needs its second factor's code (and first its enrolment, if it has none). */
    @ExceptionHandler(SecondFactorRequired.class)
    ResponseEntity<ProblemDetail> secondFactorRequired(SecondFactorRequired required) {
        boolean enrol = required.enrolment() != null;
        ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED,
                enrol ? "second-factor-enrolment-required" : "second-factor-required", "Second factor required",
                enrol ? "Add this secret to an authenticator app, then log in again with the code it shows"
                        : "Log in again with the code your authenticator app shows");
        if (enrol) {
            problem.setProperty("enrolment", required.enrolment());
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }

    @ExceptionHandler(LoginThrottled.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottled throttled) {
        return Problems.retryLater(HttpStatus.TOO_MANY_REQUESTS, "login-throttled", "Too many failed logins",
                "Too many failed logins from this address", throttled.retryAfter());
    }

    @ExceptionHandler(AccountLocked.class)
    ResponseEntity<ProblemDetail> locked(AccountLocked locked) {
        return Problems.retryLater(HttpStatus.LOCKED, "account-locked", "Account locked", "Too many failed logins",
                locked.retryAfter());
    }


    /**
     * The service behind the route is down (503, at once: the connect timeout is 2 s) or did not answer within
     * the read timeout (504): either way a problem the caller can act on, never a hanging request or a 500.
     */
    @ExceptionHandler(ResourceAccessException.class)
    ResponseEntity<ProblemDetail> backendUnavailable(ResourceAccessException failure, HttpServletRequest request) {
        log.warn("No answer from the service for {} {}: {}", request.getMethod(), request.getRequestURI(),
                Redacted.causes(failure));
        if (timedOut(failure)) {
            return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).body(Problems.of(HttpStatus.GATEWAY_TIMEOUT,
                    "service-timeout", "Service timeout", "The service behind this path did not answer in time"));
        }
        return Problems.retryLater(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                "The service behind this path is not reachable", BACKEND_RETRY);
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)
                    || cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<?> noResource(NoResourceFoundException missing, HttpServletRequest request) throws IOException {
        if (isClientRoute(request) && web.spaIndex().exists()) {
            try (InputStream in = web.spaIndex().getInputStream()) {
                return ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
                        .header(HttpHeaders.CACHE_CONTROL, "no-cache").body(in.readAllBytes());
            }
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "Nothing is served at this path"));
    }

    private static boolean isClientRoute(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean get = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        return get && !startsWithSegment(path, "/api") && !startsWithSegment(path, "/v3")
                && !startsWithSegment(path, "/actuator");
    }

    private static boolean startsWithSegment(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
