package org.casestream.notification.inbound;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.casestream.notification.inbound.MailReader.UnreadableMail;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.casestream.support.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * For sites that pipe their mail in rather than have a mailbox read: one raw RFC 5322 message per call, handled
 * exactly as a message read from a mailbox (the same Message-ID twice, here or there, is one case).
 * Admins, and API keys of the {@code email} channel (see the security configuration).
 */
@RestController
public class InboundMailController {

    public static final String MEDIA_TYPE = "message/rfc822";
    static final String SOURCE = "api";

    private final MailIntake intake;
    private final InboundMailProperties properties;

    public InboundMailController(MailIntake intake, InboundMailProperties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    @Operation(summary = "Receive one raw RFC 5322 message (Content-Type: message/rfc822): a new case, a reply on its "
            + "case, or ignored (auto-replies, bounces, list mail); once per Message-ID")
    @PostMapping(path = "/api/mail/inbound", consumes = MEDIA_TYPE)
    public ResponseEntity<?> receive(@RequestBody(required = false) byte[] raw) {
        MailIntake.Outcome outcome;
        try {
            outcome = intake.receive(raw == null ? new byte[0] : raw, SOURCE);
        } catch (UnreadableMail e) {
            throw new InvalidRequest(List.of(new FieldError("message", e.getMessage())));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("result", outcome.result().name().toLowerCase(java.util.Locale.ROOT));
        answer.put("messageId", outcome.messageId());
        answer.put("caseId", outcome.caseId());
        answer.put("caseNumber", outcome.caseNumber());
        answer.put("reason", outcome.reason());
        return switch (outcome.result()) {
            case OPENED, REPLIED -> ResponseEntity.status(HttpStatus.CREATED).body(answer);
            case IGNORED, DUPLICATE -> ResponseEntity.ok(answer);
            case BUSY -> ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
            case RETRY -> Problems.dependencyUnavailable("The command service's intake", properties.retryAfter());
        };
    }
}
