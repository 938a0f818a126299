package org.casestream.command.imports;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.casestream.command.agents.AgentDirectory;
import org.casestream.command.customers.Customers;
import org.casestream.command.domain.cases.CaseCommands.AddComment;
import org.casestream.command.domain.cases.CaseCommands.AssignCase;
import org.casestream.command.domain.cases.CaseCommands.ChangeStatus;
import org.casestream.command.domain.cases.CaseCommands.OpenCase;
import org.casestream.command.domain.cases.CaseCommands.RateSatisfaction;
import org.casestream.command.domain.cases.CaseCommands.SetSlaTargets;
import org.casestream.command.intake.IntakeLedger;
import org.casestream.command.platform.CommandDispatcher;
import org.casestream.command.queues.Queues;
import org.casestream.events.AssignmentReason;
import org.casestream.events.AuthorType;
import org.casestream.events.CaseOrigin;
import org.casestream.events.CaseStatus;
import org.casestream.events.Customer;
import org.casestream.events.Visibility;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.support.security.Caller;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a case closed in another help desk as the events it would have had here, each carrying the instant it
 * happened ({@code occurredAt}, see {@link org.casestream.command.platform.OccurredAt}) and the actor
 * {@code import:<who imported>}: opened in its queue with its
 * priority and SLA targets, assigned, its thread, in progress at the first agent reply, done when it was resolved,
 * rated. Routing and notifications leave imported events alone; the read models, analytics, history and the
 * dashboard as of an instant take them as history. All of it, or nothing, in one transaction; an {@code externalRef}
 * imported before answers with the case it became.
 */
@Service
public class CaseImports {

    /** How far back history may go (the dashboard as of an instant reaches as far). */
    static final Duration MAX_AGE = Duration.ofDays(1096);

    public record Imported(UUID caseId, String caseNumber, boolean created) {
    }

    private record Step(Instant at, Object command) {
    }

    private final JdbcClient jdbc;
    private final IntakeLedger ledger;
    private final Customers customers;
    private final Queues queues;
    private final AgentDirectory agents;
    private final CommandDispatcher commands;
    private final Clock clock;

    public CaseImports(JdbcClient jdbc, IntakeLedger ledger, Customers customers, Queues queues, AgentDirectory agents,
            CommandDispatcher commands, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.customers = customers;
        this.queues = queues;
        this.agents = agents;
        this.commands = commands;
        this.clock = clock;
    }

    @Transactional
    public Imported importCase(CaseImport request) {
        Optional<Imported> before = find(request.externalRef());
        if (before.isPresent()) {
            return before.get();
        }
        check(request);
        queues.requireOpen(request.queue(), "queue");
        UUID caseId = UUID.randomUUID();
        String caseNumber = ledger.nextCaseNumber();
        int claimed = jdbc.sql("""
                        INSERT INTO case_import (external_ref, case_id, case_number, imported_by, imported_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (external_ref) DO NOTHING""")
                .params(request.externalRef(), caseId, caseNumber, Caller.current().subject(),
                        Timestamp.from(clock.instant()))
                .update();
        if (claimed == 0) {
            // imported at the same time by another request: its case stands
            return find(request.externalRef()).orElseThrow();
        }
        Customer customer = customers.resolve(request.channel(), request.customer());
        String actor = EventEnvelope.IMPORT_ACTOR_PREFIX + Caller.current().subject();
        for (Step step : steps(request, caseId, caseNumber, customer)) {
            commands.sendAs(actor, step.at(), step.command());
        }
        return new Imported(caseId, caseNumber, true);
    }

    private Optional<Imported> find(String externalRef) {
        return jdbc.sql("SELECT case_id, case_number FROM case_import WHERE external_ref = ?").param(externalRef)
                .query((rs, n) -> new Imported(rs.getObject("case_id", UUID.class), rs.getString("case_number"), false))
                .optional();
    }

    /** The commands, in the order their instants came; an agent's first reply takes the case in progress. */
    private static List<Step> steps(CaseImport request, UUID caseId, String caseNumber, Customer customer) {
        List<Step> steps = new ArrayList<>();
        Instant opened = request.openedAt();
        steps.add(new Step(opened, new OpenCase(caseId, caseNumber, customer, request.subject().strip(),
                request.description(), request.channel(), request.externalRef(), request.queue(), request.priority(),
                request.tags(), opened, CaseOrigin.IMPORT, null, List.of())));
        if (request.firstResponseDue() != null) {
            steps.add(new Step(opened, new SetSlaTargets(caseId, request.firstResponseDue(), request.resolutionDue(),
                    "imported")));
        }
        if (request.assignee() != null) {
            steps.add(new Step(opened, new AssignCase(caseId, request.assignee(), AssignmentReason.MANUAL)));
        }
        List<CaseImport.Comment> comments = request.comments().stream()
                .sorted(Comparator.comparing(CaseImport.Comment::at)).toList();
        boolean inProgress = false;
        for (CaseImport.Comment comment : comments) {
            boolean byAgent = comment.author() != AuthorType.CUSTOMER;
            if (byAgent && !inProgress) {
                steps.add(new Step(comment.at(), new ChangeStatus(caseId, CaseStatus.IN_PROGRESS)));
                inProgress = true;
            }
            steps.add(new Step(comment.at(), new AddComment(caseId,
                    UUID.nameUUIDFromBytes((caseId + ":" + steps.size()).getBytes(StandardCharsets.UTF_8)),
                    null, comment.author(), byAgent && request.assignee() != null ? request.assignee().toString() : null,
                    comment.authorName(), comment.visibility() == null ? Visibility.PUBLIC : comment.visibility(),
                    comment.body(), List.of(), comment.at())));
        }
        steps.add(new Step(request.resolvedAt(), new ChangeStatus(caseId, CaseStatus.DONE)));
        if (request.rating() != null) {
            steps.add(new Step(request.resolvedAt(), new RateSatisfaction(caseId, request.rating(), null)));
        }
        return steps;
    }

    /** What bean validation cannot see: the instants in order and in the past, the SLA whole, the agent real. */
    private void check(CaseImport request) {
        List<FieldError> errors = new ArrayList<>();
        Instant now = clock.instant();
        Instant opened = request.openedAt();
        if (opened.isBefore(now.minus(MAX_AGE))) {
            errors.add(new FieldError("openedAt", "is more than " + MAX_AGE.toDays() + " days ago"));
        }
        if (request.resolvedAt().isAfter(now)) {
            errors.add(new FieldError("resolvedAt", "is in the future"));
        }
        if (request.resolvedAt().isBefore(opened)) {
            errors.add(new FieldError("resolvedAt", "is before openedAt"));
        }
        if ((request.firstResponseDue() == null) != (request.resolutionDue() == null)) {
            errors.add(new FieldError(request.firstResponseDue() == null ? "firstResponseDue" : "resolutionDue",
                    "give both SLA targets or neither"));
        } else if (request.firstResponseDue() != null && (request.firstResponseDue().isBefore(opened)
                || request.resolutionDue().isBefore(request.firstResponseDue()))) {
            errors.add(new FieldError("resolutionDue", "the targets come after openedAt, resolution last"));
        }
        if (request.assignee() != null && !agents.exists(request.assignee())) {
            errors.add(new FieldError("assignee", "no such agent"));
        }
        for (int i = 0; i < request.comments().size(); i++) {
            CaseImport.Comment comment = request.comments().get(i);
            if (comment.at().isBefore(opened) || comment.at().isAfter(request.resolvedAt())) {
                errors.add(new FieldError("comments[" + i + "].at", "is not between openedAt and resolvedAt"));
            }
            if (comment.author() == AuthorType.SYSTEM) {
                errors.add(new FieldError("comments[" + i + "].author", "is customer or agent"));
            }
            if (comment.author() == AuthorType.CUSTOMER && comment.visibility() == Visibility.INTERNAL) {
                errors.add(new FieldError("comments[" + i + "].visibility", "a customer writes no internal note"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }
}
