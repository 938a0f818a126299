package org.casestream.command.intake;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.casestream.command.platform.CommandDispatcher;
import org.casestream.support.security.Caller;
import org.casestream.events.Channel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Where external channels post tickets. The channel comes from the caller's credentials. */
@RestController
public class IntakeController {

    private final IntakeService intake;
    private final Channel defaultChannel;

    public IntakeController(IntakeService intake, @Value("${casestream.intake.default-channel}") String defaultChannel) {
        this.intake = intake;
        this.defaultChannel = Channel.of(defaultChannel);
    }

    @Operation(summary = "Open a case from a channel, exactly once per Idempotency-Key or external reference")
    @PostMapping("/api/intake/tickets")
    public ResponseEntity<CaseReceipt> openTicket(
            @Parameter(description = "the same key returns the same case")
            @RequestHeader(name = CommandDispatcher.IDEMPOTENCY_KEY, required = false)
            @Pattern(regexp = CommandDispatcher.KEY_PATTERN, message = CommandDispatcher.KEY_RULE)
            String idempotencyKey,
            @Valid @RequestBody TicketRequest request) {
        Caller caller = Caller.current();
        Channel channel = caller.channel() != null ? Channel.of(caller.channel())
                : request.channel() != null ? request.channel() : defaultChannel;
        return answer(intake.open(channel, idempotencyKey, request));
    }

    /** 201 with the receipt; a replayed answer says so in {@code Idempotent-Replayed}. */
    public static ResponseEntity<CaseReceipt> answer(IntakeService.Outcome outcome) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/cases/" + outcome.receipt().caseId()))
                .header("Idempotent-Replayed", Boolean.toString(outcome.replayed()))
                .body(outcome.receipt());
    }
}
