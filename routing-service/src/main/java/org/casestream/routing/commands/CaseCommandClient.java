package org.casestream.routing.commands;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.casestream.events.AssignmentReason;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.SlaTarget;
import org.casestream.support.calls.ServiceCalls;
import org.casestream.support.security.TokenSource;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The case commands routing sends. Every call carries an {@code Idempotency-Key} derived from the decision
 * (the event or timer that caused it), so a retry, or the same decision made again after a crash, applies once.
 * Retries with exponential backoff and jitter sit outside a circuit breaker: while the command service is down
 * the breaker fails calls fast and the caller (the Kafka listener or the timer loop) tries again later.
 */
public class CaseCommandClient {

    private static final Logger log = LoggerFactory.getLogger(CaseCommandClient.class);

    private final ServiceCalls calls;
    private final TokenSource tokens;

    public CaseCommandClient(CommandsProperties properties, TokenSource tokens) {
        this(properties, tokens, RestClient.builder(), null);
    }

    /** With Spring Boot's client builder (calls traced and timed) and the breaker's meters in {@code meters}. */
    public CaseCommandClient(CommandsProperties properties, TokenSource tokens, RestClient.Builder http,
                             MeterRegistry meters) {
        this.calls = new ServiceCalls("command-service", new ServiceCalls.Settings(properties.baseUrl(),
                properties.connectTimeout(), properties.readTimeout(), properties.maxAttempts(),
                properties.initialBackoff(), properties.circuitOpenFor()), http, meters);
        this.tokens = tokens;
    }

    public CircuitBreaker.State circuitState() {
        return calls.state();
    }

    public void classify(UUID caseId, Queue queue, String source, String key) {
        send(caseId, "classification", Map.of("queue", queue.wire(), "source", source), key);
    }

    public void changePriority(UUID caseId, Priority priority, String reason, String key) {
        send(caseId, "priority", Map.of("priority", priority.wire(), "reason", reason), key);
    }

    public void setSlaTargets(UUID caseId, Instant firstResponseDue, Instant resolutionDue, String policy, String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("firstResponseDue", firstResponseDue == null ? null : firstResponseDue.toString());
        body.put("resolutionDue", resolutionDue.toString());
        body.put("policy", policy);
        send(caseId, "sla-targets", body, key);
    }

    /** {@code agentId} null unassigns. */
    public void assign(UUID caseId, UUID agentId, AssignmentReason reason, String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("agentId", agentId);
        body.put("reason", reason.wire());
        send(caseId, "assignment", body, key);
    }

    public void escalate(UUID caseId, String reason, String key) {
        send(caseId, "escalations", Map.of("reason", reason), key);
    }

    public void recordBreach(UUID caseId, SlaTarget target, Instant dueAt, String key) {
        send(caseId, "sla-breaches", Map.of("target", target.wire(), "dueAt", dueAt.toString()), key);
    }

    private void send(UUID caseId, String command, Map<String, Object> body, String key) {
        String path = "/api/cases/" + caseId + "/" + command;
        Supplier<Void> call = () -> {
            post(path, body, key);
            return null;
        };
        try {
            calls.call(call);
        } catch (ServiceCalls.Transient | CallNotPermittedException e) {
            throw new CommandServiceUnavailable("command service unavailable for " + command + ": "
                    + Redacted.causes(e), e);
        }
    }

    private void post(String path, Map<String, Object> body, String key) {
        try {
            calls.http().post().uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.bearerToken())
                    .header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status == 409 && ServiceCalls.lostRaces(response.getBody().readAllBytes())) {
                            // the write lost every retry against concurrent ones on the same case: the next may win
                            throw new ServiceCalls.Transient("lost its races (409 concurrent-update)");
                        }
                        if (status == 404 || status == 409 || status == 422 || status == 400) {
                            throw new CommandRejected(path, status);
                        }
                        throw new ServiceCalls.Transient("answered " + status);
                    })
                    .toBodilessEntity();
        } catch (ResourceAccessException | UncheckedIOException e) {
            throw new ServiceCalls.Transient(Redacted.causes(e));
        } catch (CommandRejected rejected) {
            log.info("Command {} rejected with {}", path, rejected.status());
            throw rejected;
        }
    }
}
