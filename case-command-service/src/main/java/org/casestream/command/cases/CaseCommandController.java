package org.casestream.command.cases;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.groups.Default;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.casestream.command.agents.AgentDirectory;
import org.casestream.command.attachments.Attachments;
import org.casestream.command.audit.CaseHistory;
import org.casestream.command.audit.CaseState;
import org.casestream.command.domain.InvalidCommand;
import org.casestream.command.domain.RuleViolation;
import org.casestream.command.domain.cases.CaseCommands.AddComment;
import org.casestream.command.domain.cases.CaseCommands.AssignCase;
import org.casestream.command.domain.cases.CaseCommands.ChangePriority;
import org.casestream.command.domain.cases.CaseCommands.ChangeStatus;
import org.casestream.command.domain.cases.CaseCommands.ClassifyCase;
import org.casestream.command.domain.cases.CaseCommands.EscalateCase;
import org.casestream.command.domain.cases.CaseCommands.RateSatisfaction;
import org.casestream.command.domain.cases.CaseCommands.RecordSlaBreach;
import org.casestream.command.domain.cases.CaseCommands.SetSlaTargets;
import org.casestream.command.domain.cases.CaseCommands.TagCase;
import org.casestream.command.domain.cases.CaseCommands.UnassignCase;
import org.casestream.command.intake.CaseReceipt;
import org.casestream.command.intake.IntakeController;
import org.casestream.command.intake.IntakeService;
import org.casestream.command.intake.TicketRequest;
import org.casestream.command.platform.CallerChannel;
import org.casestream.command.platform.CommandDispatcher;
import org.casestream.command.queues.Queues;
import org.casestream.events.AssignmentReason;
import org.casestream.events.Attachment;
import org.casestream.events.AuthorType;
import org.casestream.events.CaseOrigin;
import org.casestream.events.CaseStatus;
import org.casestream.events.Visibility;
import org.casestream.support.security.Caller;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.Forbidden;
import org.casestream.support.web.InvalidRequest;
import org.casestream.support.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Agents' and leads' commands on cases. Each answers with the case as it is after the command. */
@RestController
public class CaseCommandController {

    private final CommandDispatcher commands;
    private final IntakeService intake;
    private final CallerChannel channels;
    private final CaseHistory history;
    private final AgentDirectory agents;
    private final Attachments attachments;
    private final Queues queues;
    private final Clock clock;

    public CaseCommandController(CommandDispatcher commands, IntakeService intake, CallerChannel channels,
            CaseHistory history, AgentDirectory agents, Attachments attachments, Queues queues, Clock clock) {
        this.commands = commands;
        this.intake = intake;
        this.channels = channels;
        this.history = history;
        this.agents = agents;
        this.attachments = attachments;
        this.queues = queues;
        this.clock = clock;
    }

    @Operation(summary = "An agent opens a case (the channel it came through is required)")
    @PostMapping("/api/cases")
    public ResponseEntity<CaseReceipt> open(
            @RequestHeader(name = CommandDispatcher.IDEMPOTENCY_KEY, required = false)
            @Pattern(regexp = CommandDispatcher.KEY_PATTERN, message = CommandDispatcher.KEY_RULE) String idempotencyKey,
            @Validated({Default.class, TicketRequest.OpenedByAgent.class}) @RequestBody TicketRequest request) {
        return IntakeController.answer(intake.open(request.channel(), idempotencyKey, request, CaseOrigin.AGENT));
    }

    @Operation(operationId = "changeStatus", summary = "Move the case new → inprogress → done; anything else is 409",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = CaseRequests.StatusChange.class),
                    examples = @ExampleObject(name = "start work", value = "{\"status\": \"inprogress\"}"))))
    @PostMapping("/api/cases/{caseId}/status")
    public CaseState status(@PathVariable UUID caseId, @Valid @RequestBody CaseRequests.StatusChange change) {
        return after(caseId, new ChangeStatus(caseId, change.status()));
    }

    @Operation(operationId = "addComment",
            summary = "Reply publicly or add an internal note, optionally under an earlier comment",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = CaseRequests.NewComment.class), examples = {
                    @ExampleObject(name = "public reply",
                            value = "{\"body\": \"We are on it\", \"visibility\": \"public\"}"),
                    @ExampleObject(name = "internal note",
                            value = "{\"body\": \"Mail logs show a bounce\", \"visibility\": \"internal\"}")})))
    @PostMapping("/api/cases/{caseId}/comments")
    public ResponseEntity<CaseState> comment(@PathVariable UUID caseId,
            @Valid @RequestBody CaseRequests.NewComment comment) {
        if (comment.authorType() != null && comment.authorType() != AuthorType.AGENT) {
            throw new InvalidRequest(List.of(new FieldError("authorType",
                    "must be agent: a customer's words arrive through their channel, the system's from its events")));
        }
        Caller caller = Caller.current();
        List<Attachment> files = attachments.bind(caseId, comment.attachments(), caller.subject());
        UUID commentId = commands.newId(caseId);
        CaseState view = after(caseId, new AddComment(caseId, commentId, comment.parentId(), AuthorType.AGENT,
                caller.subject(), caller.name(),
                comment.visibility() == null ? Visibility.PUBLIC : comment.visibility(), comment.body(),
                files, clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/cases/" + caseId + "#comment-" + commentId)).body(view);
    }

    @Operation(summary = "Change the priority")
    @PostMapping("/api/cases/{caseId}/priority")
    public CaseState priority(@PathVariable UUID caseId, @Valid @RequestBody CaseRequests.PriorityChange change) {
        return after(caseId, new ChangePriority(caseId, change.priority(), change.reason()));
    }

    @Operation(summary = "Assign or transfer to an agent; agentId null unassigns")
    @PostMapping("/api/cases/{caseId}/assignment")
    public CaseState assignment(@PathVariable UUID caseId, @Valid @RequestBody CaseRequests.AssignmentChange change) {
        return after(caseId, assignmentCommand(caseId, change.agentId(), reasonOf(change.reason())));
    }

    @Operation(summary = "Escalate one level")
    @PostMapping("/api/cases/{caseId}/escalations")
    public CaseState escalate(@PathVariable UUID caseId,
            @Valid @RequestBody(required = false) CaseRequests.Escalation escalation) {
        return after(caseId, new EscalateCase(caseId, escalation == null ? null : escalation.reason()));
    }

    @Operation(summary = "Put the case in a queue")
    @PostMapping("/api/cases/{caseId}/classification")
    public CaseState classify(@PathVariable UUID caseId, @Valid @RequestBody CaseRequests.Classification change) {
        return after(caseId, new ClassifyCase(caseId, queues.requireOpen(change.queue(), "queue"),
                sourceOf(change.source())));
    }

    @Operation(summary = "Add and remove tags")
    @PostMapping("/api/cases/{caseId}/tags")
    public CaseState tag(@PathVariable UUID caseId, @Valid @RequestBody CaseRequests.Tagging tagging) {
        return after(caseId, new TagCase(caseId, tagging.add(), tagging.remove()));
    }

    @Operation(summary = "The customer's satisfaction rating (done cases only), passed on by the channel that opened "
            + "the case")
    @PostMapping("/api/cases/{caseId}/satisfaction")
    public RatingReceipt rate(@PathVariable UUID caseId, @Valid @RequestBody CaseRequests.Rating rating) {
        if (!intake.channelOwns(channels.current(), caseId)) {
            throw new NotFound("No case " + caseId + " opened by this channel");
        }
        CaseState view = after(caseId, new RateSatisfaction(caseId, rating.rating(), rating.comment()));
        return new RatingReceipt(view.caseId(), view.caseNumber(), view.status(), view.satisfaction());
    }

    /** What a channel learns when it passes on a rating: never the thread, which may hold internal notes. */
    public record RatingReceipt(UUID caseId, String caseNumber, CaseStatus status, CaseState.Satisfaction satisfaction) {
    }

    @Operation(summary = "Set the SLA due times (sent by routing)")
    @PostMapping("/api/cases/{caseId}/sla-targets")
    public CaseState slaTargets(@PathVariable UUID caseId, @Valid @RequestBody CaseRequests.SlaTargets targets) {
        return after(caseId, new SetSlaTargets(caseId, targets.firstResponseDue(), targets.resolutionDue(),
                targets.policy()));
    }

    @Operation(summary = "Record an SLA breach (sent by routing's timers)")
    @PostMapping("/api/cases/{caseId}/sla-breaches")
    public CaseState slaBreach(@PathVariable UUID caseId, @Valid @RequestBody CaseRequests.SlaBreach breach) {
        return after(caseId, new RecordSlaBreach(caseId, breach.target(), breach.dueAt()));
    }

    @Operation(summary = "Apply one action to many cases; one result per case")
    @PostMapping("/api/cases/bulk")
    public BulkResult bulk(@Valid @RequestBody CaseRequests.Bulk bulk) {
        requireBulkFields(bulk);
        List<BulkResult.Item> items = new ArrayList<>();
        for (UUID caseId : bulk.caseIds().stream().distinct().toList()) {
            items.add(applyOne(caseId, bulkCommand(caseId, bulk)));
        }
        return BulkResult.of(items);
    }

    private BulkResult.Item applyOne(UUID caseId, Object command) {
        try {
            commands.send(command);
            return BulkResult.Item.applied(caseId);
        } catch (RuleViolation violation) {
            return BulkResult.Item.failed(caseId, HttpStatus.CONFLICT, violation.getMessage());
        } catch (InvalidCommand invalid) {
            return BulkResult.Item.failed(caseId, HttpStatus.UNPROCESSABLE_ENTITY, invalid.getMessage());
        } catch (AggregateNotFoundException missing) {
            return BulkResult.Item.failed(caseId, HttpStatus.NOT_FOUND, "no such case");
        }
    }

    private Object bulkCommand(UUID caseId, CaseRequests.Bulk bulk) {
        return switch (bulk.action()) {
            case STATUS -> new ChangeStatus(caseId, bulk.status());
            case PRIORITY -> new ChangePriority(caseId, bulk.priority(), bulk.reason());
            case ASSIGN -> assignmentCommand(caseId, bulk.agentId(), AssignmentReason.MANUAL);
            case UNASSIGN -> new UnassignCase(caseId, AssignmentReason.MANUAL);
            case ESCALATE -> new EscalateCase(caseId, bulk.reason());
            case TAG -> new TagCase(caseId, bulk.tags(), Set.of());
            case UNTAG -> new TagCase(caseId, Set.of(), bulk.tags());
            case CLASSIFY -> new ClassifyCase(caseId, bulk.queue(), "manual");
        };
    }

    private void requireBulkFields(CaseRequests.Bulk bulk) {
        String missing = switch (bulk.action()) {
            case STATUS -> bulk.status() == null ? "status" : null;
            case PRIORITY -> bulk.priority() == null ? "priority" : null;
            case ASSIGN -> bulk.agentId() == null ? "agentId" : null;
            case TAG, UNTAG -> bulk.tags() == null || bulk.tags().isEmpty() ? "tags" : null;
            case CLASSIFY -> bulk.queue() == null ? "queue" : null;
            case UNASSIGN, ESCALATE -> null;
        };
        if (missing != null) {
            throw new InvalidRequest(List.of(new FieldError(missing, "is required for action " + bulk.action())));
        }
        if (bulk.action() == BulkAction.CLASSIFY) {
            queues.requireOpen(bulk.queue(), "queue");
        }
        if (bulk.action() == BulkAction.ASSIGN && !agents.exists(bulk.agentId())) {
            throw new InvalidCommand("agentId", "no agent " + bulk.agentId());
        }
    }

    /**
     * Why a case moves comes from who moves it: a person's move is manual (a reassignment is recorded as a
     * transfer); only routing moves cases automatically, on escalation or because an agent went offline.
     */
    private static AssignmentReason reasonOf(AssignmentReason given) {
        if (Caller.current().isRouting()) {
            return given == null ? AssignmentReason.AUTO : given;
        }
        if (given != null && given != AssignmentReason.MANUAL && given != AssignmentReason.TRANSFER) {
            throw new Forbidden("reason", "only routing moves a case for reason " + given.wire());
        }
        return AssignmentReason.MANUAL;
    }

    /** Who put the case in its queue: a person is a manual decision; routing says whether a rule or its classifier. */
    private static String sourceOf(String given) {
        if (Caller.current().isRouting()) {
            return given == null ? "rule" : given;
        }
        if (given != null && !given.equals("manual")) {
            throw new Forbidden("source", "only routing records a " + given + " decision");
        }
        return "manual";
    }

    private Object assignmentCommand(UUID caseId, UUID agentId, AssignmentReason reason) {
        AssignmentReason why = reason == null ? AssignmentReason.MANUAL : reason;
        if (agentId == null) {
            return new UnassignCase(caseId, why);
        }
        if (!agents.exists(agentId)) {
            throw new InvalidCommand("agentId", "no agent " + agentId);
        }
        return new AssignCase(caseId, agentId, why);
    }

    private CaseState after(UUID caseId, Object command) {
        commands.send(command);
        return history.current(caseId).orElseThrow(() -> new NotFound("No case " + caseId));
    }
}
