package org.casestream.command.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.casestream.events.Attachment;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.SlaTarget;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseClassified;
import org.casestream.events.cases.CaseCustomerChanged;
import org.casestream.events.cases.CaseEscalated;
import org.casestream.events.cases.CaseEvent;
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

/** Folds a case's events, oldest first, into the case they describe. Every event type changes the state. */
final class CaseStateFold {

    private UUID caseId;
    private String caseNumber;
    private CaseStatus status;
    private Priority priority;
    private Queue queue;
    private Channel channel;
    private String externalRef;
    private Customer customer;
    private String subject;
    private String description;
    private List<Attachment> attachments = List.of();
    private UUID assignee;
    private final Set<String> tags = new LinkedHashSet<>();
    private Instant firstResponseDue;
    private Instant resolutionDue;
    private String slaPolicy;
    private Instant firstRespondedAt;
    private final Set<SlaTarget> breached = EnumSet.noneOf(SlaTarget.class);
    private int escalationLevel;
    private CaseState.Satisfaction satisfaction;
    private final List<CaseState.Comment> comments = new ArrayList<>();
    private CaseState.CaseLink mergedInto;
    private final List<CaseState.CaseLink> merged = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    private Instant resolvedAt;
    private long version = -1;

    boolean isEmpty() {
        return caseId == null;
    }

    void apply(CaseEvent event, Instant at, long sequence) {
        switch (event) {
            case CaseOpened e -> {
                caseId = e.caseId();
                caseNumber = e.caseNumber();
                status = CaseStatus.NEW;
                priority = e.priority();
                queue = e.queue();
                channel = e.channel();
                externalRef = e.externalRef();
                customer = e.customer();
                subject = e.subject();
                description = e.description();
                attachments = e.attachments();
                tags.addAll(e.tags());
                createdAt = e.openedAt();
            }
            case CaseClassified e -> queue = e.queue();
            case CasePriorityChanged e -> priority = e.priority();
            case SlaTargetsSet e -> {
                firstResponseDue = e.firstResponseDue();
                resolutionDue = e.resolutionDue();
                slaPolicy = e.policy();
            }
            case CaseAssigned e -> assignee = e.agentId();
            case CaseUnassigned e -> assignee = null;
            case CaseStatusChanged e -> {
                status = e.status();
                resolvedAt = e.status() == CaseStatus.DONE ? at : null;
            }
            case CaseReopened e -> {
                status = e.status();
                resolvedAt = null;
            }
            case CommentAdded e -> comments.add(new CaseState.Comment(e.commentId(), e.parentId(), e.authorType(),
                    e.authorId(), e.authorName(), e.visibility(), e.body(), e.attachments(), at));
            case FirstResponseRecorded e -> firstRespondedAt = e.respondedAt();
            case SlaBreached e -> breached.add(e.target());
            case CaseEscalated e -> escalationLevel = e.level();
            case SatisfactionRated e -> satisfaction = new CaseState.Satisfaction(e.rating(), e.comment(), at);
            case CaseTagged e -> {
                tags.addAll(e.added());
                e.removed().forEach(tags::remove);
            }
            case MacroApplied e -> { } // what it did are events of their own
            case CaseSubjectChanged e -> subject = e.subject();
            case CaseCustomerChanged e -> customer = e.customer();
            case CaseMergedInto e -> mergedInto = new CaseState.CaseLink(e.targetId(), e.targetNumber());
            case CaseMerged e -> merged.add(new CaseState.CaseLink(e.mergedId(), e.mergedNumber()));
        }
        updatedAt = at;
        version = sequence;
    }

    CaseState view(Instant asOf) {
        CaseState.Sla sla = new CaseState.Sla(firstResponseDue, resolutionDue, slaPolicy, firstRespondedAt,
                List.copyOf(breached));
        return new CaseState(caseId, caseNumber, status, priority, queue, channel, externalRef, customer, subject,
                description, attachments, assignee, List.copyOf(tags), sla, escalationLevel, satisfaction,
                List.copyOf(comments), mergedInto, List.copyOf(merged), createdAt, updatedAt, resolvedAt, version,
                asOf);
    }
}
