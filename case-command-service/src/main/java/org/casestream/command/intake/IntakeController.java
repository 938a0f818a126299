package org.casestream.command.intake;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.casestream.command.platform.CallerChannel;
import org.casestream.command.platform.CommandDispatcher;
import org.casestream.events.CaseOrigin;
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
    private final CallerChannel channel;

    public IntakeController(IntakeService intake, CallerChannel channel) {
        this.intake = intake;
        this.channel = channel;
    }

    @Operation(summary = "Open a case from a channel, exactly once per Idempotency-Key or external reference",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = TicketRequest.class), examples = @ExampleObject(name = "web form",
                    value = """
                            {"customer": {"name": "Ada Lovelace", "email": "ada@example.com", "tier": "gold"},
                             "subject": "Cannot log in", "description": "The reset mail never arrives",
                             "externalRef": "form-123"}"""))),
            responses = @ApiResponse(responseCode = "201", description = "The case opened, or the one this "
                    + "Idempotency-Key or externalRef opened before (Idempotent-Replayed: true)",
                    content = @Content(schema = @Schema(implementation = CaseReceipt.class))))
    @PostMapping("/api/intake/tickets")
    public ResponseEntity<CaseReceipt> openTicket(
            @Parameter(description = "the same key returns the same case")
            @RequestHeader(name = CommandDispatcher.IDEMPOTENCY_KEY, required = false)
            @Pattern(regexp = CommandDispatcher.KEY_PATTERN, message = CommandDispatcher.KEY_RULE)
            String idempotencyKey,
            @Valid @RequestBody TicketRequest request) {
        return answer(intake.open(channel.current(), idempotencyKey, request, CaseOrigin.CHANNEL));
    }

    @Operation(operationId = "passOnReply",
            summary = "Pass on a customer's reply, by case number or externalRef; a reply to a done case reopens it")
    @ApiResponse(responseCode = "201", description = "The reply, added to the case",
            content = @Content(schema = @Schema(implementation = ReplyReceipt.class)))
    @PostMapping("/api/intake/replies")
    public ResponseEntity<ReplyReceipt> reply(@Valid @RequestBody ReplyRequest reply) {
        ReplyReceipt receipt = intake.reply(channel.current(), reply);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/cases/" + receipt.caseId() + "#comment-" + receipt.commentId()))
                .body(receipt);
    }

    /** 201 with the receipt; a replayed answer says so in {@code Idempotent-Replayed}. */
    public static ResponseEntity<CaseReceipt> answer(IntakeService.Outcome outcome) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/cases/" + outcome.receipt().caseId()))
                .header("Idempotent-Replayed", Boolean.toString(outcome.replayed()))
                .body(outcome.receipt());
    }
}
