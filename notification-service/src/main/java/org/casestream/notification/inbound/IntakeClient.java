package org.casestream.notification.inbound;

import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;
import org.casestream.notification.inbound.ReceivedMail.AttachmentMeta;
import org.casestream.support.calls.ServiceCalls;
import org.casestream.support.security.TokenSource;
import org.casestream.support.web.Redacted;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The command service's intake, as the email channel calls it: {@code POST /api/intake/tickets} for a new case and
 * {@code POST /api/intake/replies} for a customer's reply, under this service's own identity (its tokens speak for
 * channel {@code email}). Every call carries an {@code Idempotency-Key} derived from the Message-ID, so a retry, or
 * the same message taken over by another instance, is the same case and the same comment. Retries with backoff
 * sit outside a circuit breaker, as routing's commands do.
 */
public class IntakeClient {

    /** The intake's answer: which case, its number. */
    public record Receipt(UUID caseId, String caseNumber) {
    }

    /** The intake refused the call for good (400, 409, 422): trying again would not help. */
    public static class Refused extends RuntimeException {
        private final int status;

        public Refused(int status) {
            super("the intake answered " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** No case of that number that the email channel opened (404). */
    public static class UnknownCase extends RuntimeException {
        public UnknownCase() {
            super("no such case of the email channel");
        }
    }

    /** The command service could not be reached, failed, or refused the credentials (after retries). */
    public static class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ServiceCalls calls;
    private final TokenSource tokens;

    public IntakeClient(InboundMailProperties properties, TokenSource tokens) {
        this(properties, tokens, RestClient.builder(), null);
    }

    /** With Spring Boot's client builder (calls traced and timed) and the breaker's meters in {@code meters}. */
    public IntakeClient(InboundMailProperties properties, TokenSource tokens, RestClient.Builder http,
                        MeterRegistry meters) {
        this.calls = new ServiceCalls("intake", new ServiceCalls.Settings(properties.commandUrl(),
                properties.connectTimeout(), properties.readTimeout(), properties.maxAttempts(),
                properties.initialBackoff(), properties.retryAfter()), http, meters);
        this.tokens = tokens;
    }

    public Receipt openTicket(String key, String name, String email, String subject, String description,
            List<AttachmentMeta> attachments) {
        Map<String, Object> body = new HashMap<>();
        body.put("customer", Map.of("name", name, "email", email));
        body.put("subject", subject);
        body.put("description", description);
        body.put("attachments", uploaded(attachments));
        return call("/api/intake/tickets", key, body);
    }

    public Receipt reply(String key, String caseNumber, String text, List<AttachmentMeta> attachments) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseNumber", caseNumber);
        body.put("body", text);
        body.put("attachments", uploaded(attachments));
        return call("/api/intake/replies", key, body);
    }

    /**
     * The mail's files, uploaded to the command service's attachment store and named by id (their type is then
     * sniffed there); one the store refuses (too large) is passed on by name, type and size only, so the mail
     * still lands. An upload the intake then replays away (a mail read twice) is pruned unnamed.
     */
    private List<Map<String, Object>> uploaded(List<AttachmentMeta> attachments) {
        return attachments.stream().limit(20).map(attachment -> {
            try {
                return Map.<String, Object>of("attachmentId", upload(attachment));
            } catch (Refused refused) {
                return Map.<String, Object>of("name", attachment.name(), "contentType", attachment.contentType(),
                        "size", attachment.size());
            }
        }).toList();
    }

    private String upload(AttachmentMeta attachment) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(attachment.content()) {
            @Override
            public String getFilename() {
                return attachment.name();
            }
        });
        Supplier<String> post = () -> {
            try {
                return calls.http().post().uri("/api/attachments")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.bearerToken())
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(form)
                        .retrieve()
                        .onStatus(HttpStatusCode::isError, (request, response) -> {
                            int status = response.getStatusCode().value();
                            if (status == 400 || status == 413) {
                                throw new Refused(status);
                            }
                            throw new ServiceCalls.Transient("answered " + status);
                        })
                        .body(JsonNode.class).path("attachmentId").asText();
            } catch (ResourceAccessException | UncheckedIOException e) {
                throw new ServiceCalls.Transient(Redacted.causes(e));
            }
        };
        try {
            return calls.call(post);
        } catch (ServiceCalls.Transient | CallNotPermittedException e) {
            throw new Unavailable("the attachment store is unavailable: " + Redacted.causes(e), e);
        }
    }

    private Receipt call(String path, String key, Map<String, Object> body) {
        Supplier<Receipt> post = () -> post(path, key, body);
        try {
            return calls.call(post);
        } catch (ServiceCalls.Transient | CallNotPermittedException e) {
            throw new Unavailable("the intake is unavailable: " + Redacted.causes(e), e);
        } catch (IllegalStateException e) {
            // the token source: no secret, or the gateway issued no token
            throw new Unavailable("no token for the intake: " + e.getMessage(), e);
        }
    }

    private Receipt post(String path, String key, Map<String, Object> body) {
        try {
            JsonNode answer = calls.http().post().uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.bearerToken())
                    .header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status == 404) {
                            throw new UnknownCase();
                        }
                        if (status == 409 && ServiceCalls.lostRaces(response.getBody().readAllBytes())) {
                            throw new ServiceCalls.Transient("lost its races (409 concurrent-update)");
                        }
                        if (status == 400 || status == 409 || status == 413 || status == 422) {
                            throw new Refused(status);
                        }
                        throw new ServiceCalls.Transient("answered " + status);
                    })
                    .body(JsonNode.class);
            return new Receipt(UUID.fromString(answer.path("caseId").asText()), answer.path("caseNumber").asText());
        } catch (ResourceAccessException | UncheckedIOException e) {
            throw new ServiceCalls.Transient(Redacted.causes(e));
        }
    }
}
