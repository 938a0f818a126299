package org.casestream.query.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casestream.events.EventCatalogue;
import org.casestream.events.agents.AgentEvent;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.cases.CaseEvent;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.query.agents.AgentFold;
import org.casestream.query.analytics.AnalyticsCounters;
import org.casestream.query.agents.AgentView;
import org.casestream.query.agents.AgentViews;
import org.casestream.query.cases.CaseFold;
import org.casestream.query.cases.CaseView;
import org.casestream.query.cases.CaseViews;
import org.casestream.query.dashboard.DashboardCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.casestream.query.counters.PartitionedCounters;
import org.casestream.support.events.CaseEventRecord;

/**
 * Applies a batch of the case events topic's records to the MongoDB read models, idempotently: an event whose
 * sequence the view already has changes nothing (a duplicate from the publisher, or a record read again after a
 * crash). The batch is folded in memory; then each counter document (dashboard, analytics) moves once,
 * conditioned on the offset it had, then every changed view is written (one upsert per case, in one bulk write). If the process
 * dies between the two, the batch is read again: the counters skip it by offset and the views take it by
 * sequence, so nothing counts twice and nothing is lost.
 */
public class Projection {

    private static final Logger LOG = LoggerFactory.getLogger(Projection.class);

    private final CaseViews cases;
    private final AgentViews agents;
    private final DashboardCounters counters;
    private final AnalyticsCounters analytics;

    public Projection(CaseViews cases, AgentViews agents, DashboardCounters counters, AnalyticsCounters analytics) {
        this.cases = cases;
        this.agents = agents;
        this.counters = counters;
        this.analytics = analytics;
    }

    /** What a batch did: every case it touched as it now is, and the changes it actually applied. */
    public record BatchResult(Map<UUID, CaseView> touched, List<Change> changes) {
    }

    /** One applied case event: its type and the case after it. */
    public record Change(String type, CaseView view) {
    }

    public BatchResult apply(List<CaseEventRecord> records) {
        Map<UUID, CaseView> touched = new LinkedHashMap<>();
        Map<UUID, CaseView> changed = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        List<PartitionedCounters.Entry> dashboardEntries = new ArrayList<>();
        List<PartitionedCounters.Entry> analyticsEntries = new ArrayList<>();
        Map<UUID, CaseView> stored = cases.findAll(records.stream()
                .map(record -> record.envelope().event() instanceof CaseEvent event ? event.caseId() : null)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        for (CaseEventRecord record : records) {
            EventEnvelope envelope = record.envelope();
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
                    CaseView after = CaseFold.apply(before, event, envelope.time(), envelope.sequence());
                    dashboardEntries.addAll(counters.entries(record.partition(), record.offset(), before, after));
                    analyticsEntries.addAll(analytics.entries(record.partition(), record.offset(), before, after));
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
                    agents.save(AgentFold.apply(before, event, envelope.time(), envelope.sequence()));
                }
                default -> LOG.warn("Skipping an event of no known family at {}-{}", record.partition(), record.offset());
            }
        }
        // counters first, each partition once and only from the offset they had: if the views below are not
        // written, the batch is read again, the counters skip it by offset and the views take it by sequence
        counters.apply(dashboardEntries);
        analytics.apply(analyticsEntries);
        cases.saveAll(changed.values());
        return new BatchResult(touched, changes);
    }
}
