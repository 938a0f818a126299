package org.casestream.query.projection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.casestream.events.EventCatalogue;
import org.casestream.events.agents.AgentEvent;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.cases.CaseEvent;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CommentAdded;
import org.casestream.events.queues.QueueEvent;
import org.casestream.events.customers.CustomerEvent;
import org.casestream.events.customers.CustomerRegistered;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.query.agents.AgentFold;
import org.casestream.query.agents.AgentView;
import org.casestream.query.agents.AgentViews;
import org.casestream.query.analytics.AnalyticsCounters;
import org.casestream.query.cases.CaseComments;
import org.casestream.query.cases.CaseFold;
import org.casestream.query.cases.CaseView;
import org.casestream.query.cases.CaseViews;
import org.casestream.query.cases.CommentView;
import org.casestream.query.counters.PartitionedCounters;
import org.casestream.query.customers.CustomerFold;
import org.casestream.query.customers.CustomerView;
import org.casestream.query.customers.CustomerViews;
import org.casestream.query.dashboard.DashboardCounters;
import org.casestream.support.events.CaseEventRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a batch of the case events topic's records to the MongoDB read models, idempotently: an event whose
 * sequence the view already has changes nothing (a duplicate from the publisher, or a record read again after a
 * crash). The batch is folded in memory; then each counter document (dashboard, analytics) moves once,
 * conditioned on the offset it had, then the new comments are stored (each once, by its id), then every changed
 * view is written (one upsert per case, in one bulk write). If the process dies between these, the batch is read
 * again: the counters skip it by offset, a comment stored by the same event counts as new again for the view that
 * missed it, and the views take it by sequence, so nothing counts twice and nothing is lost.
 */
public class Projection {

    private static final Logger LOG = LoggerFactory.getLogger(Projection.class);

    private final CaseViews cases;
    private final CaseComments comments;
    private final AgentViews agents;
    private final CustomerViews customers;
    private final DashboardCounters counters;
    private final AnalyticsCounters analytics;

    public Projection(CaseViews cases, AgentViews agents, CustomerViews customers, DashboardCounters counters,
            AnalyticsCounters analytics) {
        this.cases = cases;
        this.comments = cases.comments();
        this.agents = agents;
        this.customers = customers;
        this.counters = counters;
        this.analytics = analytics;
    }

    /**
     * What a batch did: every case it touched as it now is, the changes it actually applied, and the comments it
     * added to each case's thread (oldest first).
     */
    public record BatchResult(Map<UUID, CaseView> touched, List<Change> changes, Map<UUID, List<CommentView>> added) {
    }

    /** One applied case event: its type and the case after it. */
    public record Change(String type, CaseView view) {
    }

    /** Applies records read from the case events topic. */
    public BatchResult apply(List<CaseEventRecord> records) {
        return apply(records, false);
    }

    /**
     * Applies records taken back from the dead-letter topic: as any other, except that they count in the counters'
     * {@linkplain PartitionedCounters#PARKED parked} documents, by their offset in the dead-letter topic.
     */
    public BatchResult applyParked(List<CaseEventRecord> records) {
        return apply(records, true);
    }

    private BatchResult apply(List<CaseEventRecord> records, boolean parked) {
        Map<UUID, CaseView> touched = new LinkedHashMap<>();
        Map<UUID, CaseView> changed = new LinkedHashMap<>();
        Map<UUID, List<CommentView>> added = new LinkedHashMap<>();
        List<CaseComments.Numbered> numbered = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        List<PartitionedCounters.Entry> dashboardEntries = new ArrayList<>();
        List<PartitionedCounters.Entry> analyticsEntries = new ArrayList<>();
        Map<UUID, CaseView> stored = cases.findAll(records.stream()
                .map(record -> record.envelope().event() instanceof CaseEvent event ? event.caseId() : null)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        // which comments are stored, and by which event: the same comment again (another event) changes nothing
        Map<UUID, Long> storedComments = comments.sequences(records.stream()
                .map(record -> record.envelope().event() instanceof CommentAdded comment ? comment.commentId() : null)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Set<UUID> numberedHere = new HashSet<>();
        for (CaseEventRecord record : records) {
            EventEnvelope envelope = record.envelope();
            int counted = parked ? PartitionedCounters.PARKED : record.partition();
            switch (envelope.event()) {
                case CaseEvent event -> {
                    CaseView before = touched.containsKey(event.caseId()) ? touched.get(event.caseId())
                            : stored.get(event.caseId());
                    if (before != null && before.lastSequence() >= envelope.sequence()) {
                        // already applied; the index may still lack it (it commits less often), so reindex
                        touched.put(event.caseId(), before);
                        continue;
                    }
                    if (before == null && !(event instanceof CaseOpened)) {
                        LOG.warn("Skipping {} at {}-{}: case {} has no view (its CaseOpened was never seen)",
                                EventCatalogue.of(event).name(), record.partition(), record.offset(), event.caseId());
                        continue;
                    }
                    boolean knownComment = event instanceof CommentAdded comment
                            && (numberedHere.contains(comment.commentId())
                            || storedComments.containsKey(comment.commentId())
                            && storedComments.get(comment.commentId()) != envelope.sequence());
                    CaseView after = fold(record, before, event, knownComment);
                    if (event instanceof CommentAdded comment && !knownComment) {
                        CommentView view = CaseFold.comment(comment, envelope.time());
                        numbered.add(new CaseComments.Numbered(event.caseId(), after.commentCount(),
                                comment.internal() ? null : after.commentCount() - after.internalNoteCount(),
                                envelope.sequence(), view));
                        numberedHere.add(comment.commentId());
                        added.computeIfAbsent(event.caseId(), id -> new ArrayList<>()).add(view);
                    }
                    dashboardEntries.addAll(counters.entries(counted, record.offset(), before, after));
                    analyticsEntries.addAll(analytics.entries(counted, record.offset(), before, after));
                    touched.put(event.caseId(), after);
                    changed.put(event.caseId(), after);
                    changes.add(new Change(EventCatalogue.of(event).name(), after));
                }
                case AgentEvent event -> {
                    AgentView before = agents.find(event.agentId()).orElse(null);
                    if (before != null && before.lastSequence() >= envelope.sequence()) {
                        continue;
                    }
                    if (before == null && !(event instanceof AgentRegistered)) {
                        LOG.warn("Skipping {} at {}-{}: agent {} has no view", EventCatalogue.of(event).name(),
                                record.partition(), record.offset(), event.agentId());
                        continue;
                    }
                    AgentView after;
                    try {
                        after = AgentFold.apply(before, event, envelope.time(), envelope.sequence());
                    } catch (RuntimeException e) {
                        throw new UnfoldableEvent(record, e);
                    }
                    agents.save(after);
                }
                case CustomerEvent event -> {
                    CustomerView before = customers.find(event.customerId()).orElse(null);
                    if (before != null && before.lastSequence() >= envelope.sequence()) {
                        continue;
                    }
                    if (before == null && !(event instanceof CustomerRegistered)) {
                        LOG.warn("Skipping {} at {}-{}: a customer has no view", EventCatalogue.of(event).name(),
                                record.partition(), record.offset());
                        continue;
                    }
                    CustomerView after;
                    try {
                        after = CustomerFold.apply(before, event, envelope.time(), envelope.sequence());
                    } catch (RuntimeException e) {
                        throw new UnfoldableEvent(record, e);
                    }
                    customers.save(after);
                }
                case QueueEvent ignored -> {
                    // the queue catalogue is the command service's (GET /api/queues): no read model here needs it
                }
                default -> LOG.warn("Skipping an event of no known family at {}-{}", record.partition(), record.offset());
            }
        }
        // counters first, each partition once and only from the offset they had: if the views below are not
        // written, the batch is read again, the counters skip it by offset and the views take it by sequence
        counters.apply(dashboardEntries);
        analytics.apply(analyticsEntries);
        // the comments before the views that count them: a view is never ahead of its thread
        comments.saveAll(numbered);
        cases.saveAll(changed.values());
        return new BatchResult(touched, changes, added);
    }

    /** A fold is pure: whatever it throws, it throws for this event every time. */
    private static CaseView fold(CaseEventRecord record, CaseView before, CaseEvent event, boolean knownComment) {
        try {
            return CaseFold.apply(before, event, record.envelope().time(), record.envelope().sequence(),
                    commentId -> knownComment);
        } catch (RuntimeException e) {
            throw new UnfoldableEvent(record, e);
        }
    }
}
