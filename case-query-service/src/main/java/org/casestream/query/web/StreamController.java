package org.casestream.query.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.casestream.query.stream.CaseStream;

@RestController
public class StreamController {

    private final CaseStream stream;

    public StreamController(CaseStream stream) {
        this.stream = stream;
    }

    @Operation(summary = "Server-Sent Events: one 'case' event per case change with the updated summary; "
            + "Last-Event-ID resumes from the recent buffer; the stream ends when the caller's token expires")
    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @AuthenticationPrincipal Jwt token) {
        Long resumeAfter = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                resumeAfter = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                // an id this service never sent: start live
            }
        }
        return stream.subscribe(resumeAfter, token.getExpiresAt());
    }
}
