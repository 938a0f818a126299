package org.casestream.query.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

import org.casestream.events.AuthorType;

import org.casestream.events.CaseStatus;
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

/**
 * How each case event changes a case view: a pure function, so the projection, the tests and a rebuild all
 * fold events the same way. {@code at} is the event's time, {@code sequence} its place in the case's stream.
 */
public final class CaseFold {

    private CaseFold() {
    }

    /** The view after {@code event}; {@code view} is null only before the case's first event. */
    public static CaseView apply(CaseView view, CaseEvent event, Instant at, long sequence) {
        return apply(view, event, at, sequence, commentId -> false);
    }

    /**
     * As {@link #apply(CaseView, CaseEvent, Instant, long)}; a {@link CommentAdded} whose comment the thread already
     * has ({@code knownComment}: the same comment sent again) changes only the view's sequence and time.
     */
    public static CaseView apply(CaseView view, CaseEvent event, Instant at, long sequence, Predicate<UUID> knownComment) {
        if (view == null) {
            if (!(event instanceof CaseOpened opened)) {
                throw new IllegalStateException("the first event of case " + event.caseId() + " is not CaseOpened");
            }
            return new CaseView(opened.caseId(), opened.caseNumber(), opened.customer(), opened.subject(),
                    opened.description(), opened.attachments(), opened.channel(), opened.externalRef(), opened.origin(),
                    opened.queue(), opened.priority(),
                    CaseStatus.NEW, null, new TreeSet<>(opened.tags()).stream().toList(), CaseView.Sla.NONE, 0, null,
                    0, 0, null, null, opened.openedAt(), at, null, 0, null, List.of(), 0, sequence);
        }
        Builder next = new Builder(view, at, sequence);
        switch (event) {
            case CaseOpened opened -> { } // a second CaseOpened cannot happen: the aggregate exists once
            case CaseClassified classified -> next.queue = classified.queue();
            case CasePriorityChanged changed -> next.priority = changed.priority();
            case SlaTargetsSet targets -> next.sla = new CaseView.Sla(targets.firstResponseDue(), targets.resolutionDue(),
                    targets.policy(), view.sla().firstRespondedAt(), view.sla().breaches());
            case CaseAssigned assigned -> next.assignee = assigned.agentId();
            case CaseUnassigned unassigned -> next.assignee = null;
            case CaseStatusChanged changed -> next.status(changed.status());
            case CaseReopened reopened -> {
                next.status(reopened.status());
                next.reopenCount++;
            }
            case CommentAdded comment -> {
                if (!knownComment.test(comment.commentId())) {
                    next.comment(comment);
                }
            }
            case FirstResponseRecorded response -> next.sla = new CaseView.Sla(view.sla().firstResponseDue(),
                    view.sla().resolutionDue(), view.sla().policy(), response.respondedAt(), view.sla().breaches());
            case SlaBreached breached -> {
                List<CaseView.Breach> breaches = new ArrayList<>(view.sla().breaches());
                breaches.add(new CaseView.Breach(breached.target().wire(), breached.dueAt(), at));
                next.sla = new CaseView.Sla(view.sla().firstResponseDue(), view.sla().resolutionDue(),
                        view.sla().policy(), view.sla().firstRespondedAt(), breaches);
            }
            case CaseEscalated escalated -> next.escalationLevel = Math.max(view.escalationLevel(), escalated.level());
            case SatisfactionRated rated -> next.satisfaction = new CaseView.Satisfaction(rated.rating(), rated.comment(), at);
            case CaseTagged tagged -> {
                TreeSet<String> tags = new TreeSet<>(view.tags());
                tags.addAll(tagged.added());
                tagged.removed().forEach(tags::remove);
                next.tags = List.copyOf(tags);
            }
            case MacroApplied applied -> { } // its reply, note and changes are events of their own
            case CaseSubjectChanged changed -> next.subject = changed.subject();
            case CaseCustomerChanged changed -> next.customer = changed.customer();
            case CaseMergedInto mergedInto -> next.mergedInto = new CaseView.CaseLink(mergedInto.targetId(),
                    mergedInto.targetNumber());
            case CaseMerged merged -> {
                List<CaseView.CaseLink> all = new ArrayList<>(view.merged());
                if (all.stream().noneMatch(link -> link.caseId().equals(merged.mergedId()))) {
                    all.add(new CaseView.CaseLink(merged.mergedId(), merged.mergedNumber()));
                }
                next.merged = List.copyOf(all);
            }
        }
        return next.build();
    }

    /** The comment a {@link CommentAdded} at {@code at} adds to the thread. */
    public static CommentView comment(CommentAdded comment, Instant at) {
        return new CommentView(comment.commentId(), comment.parentId(), comment.authorType(), comment.authorId(),
                comment.authorName(), comment.visibility(), comment.internal(), comment.body(), comment.attachments(), at);
    }

    /** The fields of a view being changed; everything not touched is copied. */
    private static final class Builder {
        private final CaseView view;
        private final Instant at;
        private final long sequence;
        private org.casestream.events.Queue queue;
        private org.casestream.events.Priority priority;
        private CaseStatus status;
        private UUID assignee;
        private List<String> tags;
        private CaseView.Sla sla;
        private int escalationLevel;
        private CaseView.Satisfaction satisfaction;
        private int commentCount;
        private int internalNoteCount;
        private Instant lastCustomerMessageAt;
        private Instant lastAgentReplyAt;
        private Instant resolvedAt;
        private int reopenCount;
        private org.casestream.events.Customer customer;
        private String subject;
        private CaseView.CaseLink mergedInto;
        private List<CaseView.CaseLink> merged;
        private Integer publicAgentReplies;

        Builder(CaseView view, Instant at, long sequence) {
            this.view = view;
            this.at = at;
            this.sequence = sequence;
            queue = view.queue();
            priority = view.priority();
            status = view.status();
            assignee = view.assignee();
            tags = view.tags();
            sla = view.sla();
            escalationLevel = view.escalationLevel();
            satisfaction = view.satisfaction();
            commentCount = view.commentCount();
            internalNoteCount = view.internalNoteCount();
            lastCustomerMessageAt = view.lastCustomerMessageAt();
            lastAgentReplyAt = view.lastAgentReplyAt();
            resolvedAt = view.resolvedAt();
            reopenCount = view.reopenCount();
            customer = view.customer();
            subject = view.subject();
            mergedInto = view.mergedInto();
            merged = view.merged();
            publicAgentReplies = view.publicAgentReplies();
        }

        void status(CaseStatus newStatus) {
            status = newStatus;
            resolvedAt = newStatus == CaseStatus.DONE ? at : null;
        }

        /** One more comment in the thread; an internal note is neither a customer's message nor a reply. */
        void comment(CommentAdded comment) {
            commentCount++;
            if (comment.internal()) {
                internalNoteCount++;
            } else if (comment.authorType() == AuthorType.CUSTOMER) {
                lastCustomerMessageAt = at;
            } else if (comment.authorType() == AuthorType.AGENT) {
                lastAgentReplyAt = at;
                // a view stored before replies were counted cannot know how many came before: it stays unknown
                if (publicAgentReplies != null) {
                    publicAgentReplies++;
                }
            }
        }

        CaseView build() {
            return new CaseView(view.caseId(), view.caseNumber(), customer, subject, view.description(),
                    view.attachments(), view.channel(), view.externalRef(), view.origin(), queue, priority, status,
                    assignee, tags, sla, escalationLevel, satisfaction, commentCount, internalNoteCount,
                    lastCustomerMessageAt, lastAgentReplyAt, view.openedAt(), at, resolvedAt, reopenCount, mergedInto,
                    merged, publicAgentReplies, sequence);
        }
    }
}
