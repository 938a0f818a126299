package org.casestream.command.domain.cases;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.casestream.command.domain.InvalidCommand;
import org.casestream.command.domain.RuleViolation;
import org.casestream.command.domain.cases.CaseCommands.AbsorbCase;
import org.casestream.command.domain.cases.CaseCommands.AddComment;
import org.casestream.command.domain.cases.CaseCommands.ApplyMacro;
import org.casestream.command.domain.cases.CaseCommands.AssignCase;
import org.casestream.command.domain.cases.CaseCommands.ChangeCustomer;
import org.casestream.command.domain.cases.CaseCommands.ChangePriority;
import org.casestream.command.domain.cases.CaseCommands.ChangeStatus;
import org.casestream.command.domain.cases.CaseCommands.ChangeSubject;
import org.casestream.command.domain.cases.CaseCommands.ClassifyCase;
import org.casestream.command.domain.cases.CaseCommands.EscalateCase;
import org.casestream.command.domain.cases.CaseCommands.MergeCaseInto;
import org.casestream.command.domain.cases.CaseCommands.OpenCase;
import org.casestream.command.domain.cases.CaseCommands.RateSatisfaction;
import org.casestream.command.domain.cases.CaseCommands.RecordFirstResponse;
import org.casestream.command.domain.cases.CaseCommands.RecordSlaBreach;
import org.casestream.command.domain.cases.CaseCommands.ReopenCase;
import org.casestream.command.domain.cases.CaseCommands.SetSlaTargets;
import org.casestream.command.domain.cases.CaseCommands.TagCase;
import org.casestream.command.domain.cases.CaseCommands.UnassignCase;
import org.casestream.events.AssignmentReason;
import org.casestream.events.AuthorType;
import org.casestream.events.CaseStatus;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.SlaTarget;
import org.casestream.events.Visibility;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseClassified;
import org.casestream.events.cases.CaseCustomerChanged;
import org.casestream.events.cases.CaseEscalated;
import org.casestream.events.cases.CaseMerged;
import org.casestream.events.cases.CaseMergedInto;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CasePriorityChanged;
import org.casestream.events.cases.CaseReopened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CaseSubjectChanged;
import org.casestream.events.cases.CaseTagged;
import org.casestream.events.cases.CaseUnassigned;
import org.casestream.events.cases.CommentAdded;
import org.casestream.events.cases.FirstResponseRecorded;
import org.casestream.events.cases.MacroApplied;
import org.casestream.events.cases.SatisfactionRated;
import org.casestream.events.cases.SlaBreached;
import org.casestream.events.cases.SlaTargetsSet;

/**
 * A customer's case. Command handlers check the rules and apply events; the event sourcing handlers keep
 * only what later decisions need. A command that changes nothing (the same priority again, a comment id
 * already added) applies nothing, so retried commands are harmless. A case merged into another (a duplicate) is
 * done and takes no more changes from people: its conversation goes on in the case it was merged into.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshots")
public class CaseAggregate {

    /** Status moves an agent may make; a customer's reply on a done case reopens it on its own. */
    private static final Map<CaseStatus, Set<CaseStatus>> TRANSITIONS = Map.of(
            CaseStatus.NEW, EnumSet.of(CaseStatus.IN_PROGRESS),
            CaseStatus.IN_PROGRESS, EnumSet.of(CaseStatus.DONE),
            CaseStatus.DONE, EnumSet.noneOf(CaseStatus.class));

    @AggregateIdentifier
    private UUID caseId;
    private CaseStatus status;
    private Priority priority;
    private Queue queue;
    private UUID assignee;
    private final Set<String> tags = new HashSet<>();
    private final Set<UUID> commentIds = new HashSet<>();
    private boolean firstResponseRecorded;
    private final Set<SlaTarget> breached = EnumSet.noneOf(SlaTarget.class);
    private int escalationLevel;
    private String subject;
    private Customer customer;
    /** The case this one was merged into; null unless it was a duplicate. */
    private UUID mergedInto;
    private String mergedIntoNumber;

    protected CaseAggregate() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public CaseAggregate(OpenCase command) {
        apply(new CaseOpened(command.caseId(), command.caseNumber(), command.customer(), command.subject(),
                command.description(), command.channel(), command.externalRef(), command.queue(),
                command.priority(), normalised(command.tags()), command.openedAt(), command.origin(),
                command.requestedPriority(), command.attachments()));
    }

    @CommandHandler
    public void handle(ClassifyCase command) {
        requireOpen("classify");
        if (!command.queue().equals(queue)) {
            apply(new CaseClassified(caseId, command.queue(), queue, command.source()));
        }
    }

    @CommandHandler
    public void handle(ChangePriority command) {
        requireOpen("change the priority of");
        if (command.priority() != priority) {
            apply(new CasePriorityChanged(caseId, command.priority(), priority, command.reason()));
        }
    }

    @CommandHandler
    public void handle(SetSlaTargets command) {
        requireOpen("set SLA targets on");
        if (command.firstResponseDue() != null && command.firstResponseDue().isAfter(command.resolutionDue())) {
            throw new InvalidCommand("firstResponseDue", "the first response cannot be due after the resolution");
        }
        apply(new SlaTargetsSet(caseId, command.firstResponseDue(), command.resolutionDue(), command.policy()));
    }

    @CommandHandler
    public void handle(AssignCase command) {
        requireOpen("assign");
        if (command.agentId().equals(assignee)) {
            return;
        }
        AssignmentReason reason = command.reason() == AssignmentReason.MANUAL && assignee != null
                ? AssignmentReason.TRANSFER
                : command.reason();
        apply(new CaseAssigned(caseId, command.agentId(), assignee, reason));
    }

    @CommandHandler
    public void handle(UnassignCase command) {
        if (assignee == null) {
            throw new RuleViolation("the case has no assignee");
        }
        apply(new CaseUnassigned(caseId, assignee, command.reason()));
    }

    @CommandHandler
    public void handle(ChangeStatus command) {
        requireNotMerged();
        if (!TRANSITIONS.get(status).contains(command.status())) {
            throw new RuleViolation("a case cannot go from " + status + " to " + command.status());
        }
        apply(new CaseStatusChanged(caseId, command.status(), status));
    }

    @CommandHandler
    public void handle(AddComment command) {
        if (commentIds.contains(command.commentId())) {
            return;
        }
        if (command.authorType() != AuthorType.CUSTOMER) {
            requireNotMerged();
        }
        if (command.parentId() != null && !commentIds.contains(command.parentId())) {
            throw new InvalidCommand("parentId", "the case has no comment " + command.parentId());
        }
        if (command.authorType() == AuthorType.CUSTOMER && command.visibility() == Visibility.INTERNAL) {
            throw new InvalidCommand("visibility", "a customer cannot write an internal note");
        }
        comment(command);
    }

    /**
     * A macro's reply (or note), its internal note, tags, priority and status, in that order, after a
     * {@link MacroApplied} that names them. Every rule is checked before anything is applied: a status the case
     * cannot move to, or a priority on a done case, refuses the whole macro. What the case has already (its status,
     * its priority, a tag) is left as it is. Applied again with the same comment id (a retried request), nothing.
     */
    @CommandHandler
    public void handle(ApplyMacro command) {
        if (commentIds.contains(command.commentId())) {
            return;
        }
        Priority newPriority = command.priority() == null || command.priority() == priority ? null : command.priority();
        CaseStatus newStatus = command.status() == null || command.status() == status ? null : command.status();
        if (newPriority != null) {
            requireOpen("change the priority of");
        }
        if (newStatus != null && !TRANSITIONS.get(status).contains(newStatus)) {
            throw new RuleViolation("a case cannot go from " + status + " to " + newStatus);
        }
        List<String> added = new ArrayList<>(new TreeSet<>(normalised(List.copyOf(command.tags()))));
        added.removeAll(tags);
        List<UUID> comments = command.note() == null ? List.of(command.commentId())
                : List.of(command.commentId(), command.noteId());
        apply(new MacroApplied(caseId, command.macroId(), command.macroName(), command.appliedBy(),
                command.appliedByName(), comments, newStatus, newPriority, added));
        comment(new AddComment(caseId, command.commentId(), null, AuthorType.AGENT, command.appliedBy(),
                command.appliedByName(), command.visibility(), command.body(), List.of(), command.at()));
        if (command.note() != null) {
            comment(new AddComment(caseId, command.noteId(), null, AuthorType.AGENT, command.appliedBy(),
                    command.appliedByName(), Visibility.INTERNAL, command.note(), List.of(), command.at()));
        }
        if (!added.isEmpty()) {
            apply(new CaseTagged(caseId, added, List.of()));
        }
        if (newPriority != null) {
            apply(new CasePriorityChanged(caseId, newPriority, priority, "macro: " + command.macroName()));
        }
        if (newStatus != null) {
            apply(new CaseStatusChanged(caseId, newStatus, status));
        }
    }

    /** A comment whose rules were checked; an agent's first public reply is the first response. */
    private void comment(AddComment command) {
        apply(new CommentAdded(caseId, command.commentId(), command.parentId(), command.authorType(),
                command.authorId(), command.authorName(), command.visibility(), command.body(),
                command.attachments()));
        // a duplicate stays closed: intake sends a reply to the case it was merged into, unless it raced the merge
        if (command.authorType() == AuthorType.CUSTOMER && status == CaseStatus.DONE && mergedInto == null) {
            apply(new CaseReopened(caseId, CaseStatus.IN_PROGRESS, command.commentId()));
        }
        if (command.authorType() == AuthorType.AGENT && command.visibility() == Visibility.PUBLIC
                && !firstResponseRecorded) {
            apply(new FirstResponseRecorded(caseId, command.at(), command.authorId()));
        }
    }

    @CommandHandler
    public void handle(RecordFirstResponse command) {
        if (firstResponseRecorded) {
            throw new RuleViolation("the first response is already recorded");
        }
        apply(new FirstResponseRecorded(caseId, command.at(), command.agentId()));
    }

    @CommandHandler
    public void handle(RecordSlaBreach command) {
        requireOpen("record an SLA breach on");
        if (!breached.contains(command.target())) {
            apply(new SlaBreached(caseId, command.target(), command.dueAt()));
        }
    }

    @CommandHandler
    public void handle(EscalateCase command) {
        requireOpen("escalate");
        apply(new CaseEscalated(caseId, escalationLevel + 1, command.reason()));
    }

    @CommandHandler
    public void handle(TagCase command) {
        requireNotMerged();
        Set<String> added = new TreeSet<>(normalised(List.copyOf(command.add())));
        added.removeAll(tags);
        Set<String> removed = new TreeSet<>(normalised(List.copyOf(command.remove())));
        removed.retainAll(tags);
        removed.removeAll(added);
        if (!added.isEmpty() || !removed.isEmpty()) {
            apply(new CaseTagged(caseId, List.copyOf(added), List.copyOf(removed)));
        }
    }

    @CommandHandler
    public void handle(RateSatisfaction command) {
        // a duplicate's customer rates the case it was merged into, where the work went on
        requireNotMerged();
        if (status != CaseStatus.DONE) {
            throw new RuleViolation("only a done case can be rated");
        }
        if (command.rating() < 1 || command.rating() > 5) {
            throw new InvalidCommand("rating", "must be between 1 and 5");
        }
        apply(new SatisfactionRated(caseId, command.rating(), command.comment()));
    }

    @CommandHandler
    public void handle(ChangeSubject command) {
        requireNotMerged();
        String next = command.subject().strip();
        if (next.isEmpty()) {
            throw new InvalidCommand("subject", "must not be blank");
        }
        if (!next.equals(subject)) {
            apply(new CaseSubjectChanged(caseId, next, subject));
        }
    }

    @CommandHandler
    public void handle(ChangeCustomer command) {
        requireNotMerged();
        if (customer == null || !command.customer().customerId().equals(customer.customerId())) {
            apply(new CaseCustomerChanged(caseId, command.customer(), customer));
        }
    }

    /**
     * The duplicate's half of a merge: it leads to the target from now on and closes (a done duplicate stays done).
     * The target's half ({@link AbsorbCase}) runs in the same transaction; if it is refused, this half goes too.
     */
    @CommandHandler
    public void handle(MergeCaseInto command) {
        requireNotMerged();
        if (command.targetId().equals(caseId)) {
            throw new InvalidCommand("into", "a case cannot be merged into itself");
        }
        apply(new CaseMergedInto(caseId, command.targetId(), command.targetNumber()));
        if (status != CaseStatus.DONE) {
            apply(new CaseStatusChanged(caseId, CaseStatus.DONE, status));
        }
    }

    /** The target's half of a merge: a case merged into another itself cannot take in a duplicate. */
    @CommandHandler
    public void handle(AbsorbCase command) {
        if (mergedInto != null) {
            throw new RuleViolation("case " + command.mergedNumber() + " cannot be merged into a case that was itself "
                    + "merged into " + mergedIntoNumber + ": merge it into " + mergedIntoNumber);
        }
        if (command.mergedId().equals(caseId)) {
            throw new InvalidCommand("into", "a case cannot be merged into itself");
        }
        apply(new CaseMerged(caseId, command.mergedId(), command.mergedNumber()));
    }

    /** An agent brings a done case back to work; a customer's reply does the same on its own. */
    @CommandHandler
    public void handle(ReopenCase command) {
        requireNotMerged();
        if (status != CaseStatus.DONE) {
            throw new RuleViolation("only a done case can be reopened; this one is " + status);
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidCommand("reason", "say why the case is reopened");
        }
        apply(CaseReopened.agentReopened(caseId, command.reason().strip()));
    }

    @EventSourcingHandler
    void on(CaseOpened event) {
        caseId = event.caseId();
        subject = event.subject();
        customer = event.customer();
        status = CaseStatus.NEW;
        priority = event.priority();
        queue = event.queue();
        tags.addAll(event.tags());
    }

    @EventSourcingHandler
    void on(CaseClassified event) {
        queue = event.queue();
    }

    @EventSourcingHandler
    void on(CasePriorityChanged event) {
        priority = event.priority();
    }

    @EventSourcingHandler
    void on(CaseAssigned event) {
        assignee = event.agentId();
    }

    @EventSourcingHandler
    void on(CaseUnassigned event) {
        assignee = null;
    }

    @EventSourcingHandler
    void on(CaseStatusChanged event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(CaseReopened event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(CommentAdded event) {
        commentIds.add(event.commentId());
    }

    @EventSourcingHandler
    void on(FirstResponseRecorded event) {
        firstResponseRecorded = true;
    }

    @EventSourcingHandler
    void on(SlaBreached event) {
        breached.add(event.target());
    }

    @EventSourcingHandler
    void on(CaseEscalated event) {
        escalationLevel = event.level();
    }

    @EventSourcingHandler
    void on(CaseTagged event) {
        tags.addAll(event.added());
        tags.removeAll(event.removed());
    }

    @EventSourcingHandler
    void on(CaseSubjectChanged event) {
        subject = event.subject();
    }

    @EventSourcingHandler
    void on(CaseCustomerChanged event) {
        customer = event.customer();
    }

    @EventSourcingHandler
    void on(CaseMergedInto event) {
        mergedInto = event.targetId();
        mergedIntoNumber = event.targetNumber();
    }

    private void requireNotMerged() {
        if (mergedInto != null) {
            throw new RuleViolation("this case was merged into " + mergedIntoNumber
                    + " and takes no more changes: work on " + mergedIntoNumber);
        }
    }

    private void requireOpen(String action) {
        if (status == CaseStatus.DONE) {
            throw new RuleViolation("cannot " + action + " a done case");
        }
    }

    /** Tags are lower-case and trimmed, so "VIP" and "vip " are one tag. */
    static List<String> normalised(List<String> tags) {
        return tags == null ? List.of() : tags.stream()
                .filter(tag -> tag != null && !tag.isBlank())
                .map(tag -> tag.trim().toLowerCase(java.util.Locale.ROOT))
                .distinct()
                .toList();
    }
}
