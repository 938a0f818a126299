package org.casestream.query.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casestream.events.EventCatalogue;
import org.casestream.events.agents.AgentEvent;
import org.casestream.events.cases.CaseEvent;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.query.agents.AgentFold;
import org.casestream.query.agents.AgentView;
import org.casestream.query.agents.AgentViews;
import org.casestream.query.cases.CaseFold;
import org.casestream.query.cases.CaseView;
import org.casestream.query.cases.CaseViews;
import org.casestream.query.dashboard.DashboardCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies the case events topic's records to the MongoDB read models, one record at a time, idempotently:
 * an event whose sequence the view already has changes nothing (a duplicate from the publisher, or a record read
 * again after a crash). Per record, the dashboard counters move first (conditioned on the record's offset), then
 * the view is replaced: if the process dies between the two, the record is read again, the counters skip it by
 * offset and the view takes it by sequence, so neither counts twice nor loses it.
 */
@Component
public class Projection {

    private static final Logger LOG = LoggerFactory.getLogger(Projection.class);

    private final CaseViews cases;
    private final AgentViews agents;
    private final DashboardCounters counters;

    public Projection(CaseViews cases, AgentViews agents, DashboardCounters counters) {
        this.cases = cases;
        this.agents = agents;
        this.counters = counters;
    }

    /** What a batch did: every case it touched as it now is, and the changes it actually applied. */
    public record BatchResult(Map<UUID, CaseView> touched, List<Change> changes) {
    }

    /** One applied case event: its type and the case after it. */
    public record Change(String type, CaseView view) {
    }

    public BatchResult apply(List<ConsumerRecord<String, byte[]>> records) {
        Map<UUID, CaseView> touched = new LinkedHashMap<>();
        List<Change> changes = new java.util.ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<EventEnvelope> decoded = decode(record);
            if (decoded.isEmpty()) {
                continue;
            }
            EventEnvelope envelope = decoded.get();
            switch (envelope.event()) {
                case CaseEvent event -> {
                    CaseView before = touched.containsKey(event.caseId()) ? touched.get(event.caseId())
                            : cases.find(event.caseId()).orElse(null);
                    if (before != null && before.lastSequence() >= envelope.sequence()) {
                        // already applied; the index may still lack it (it commits less often), so reindex
                        touched.put(event.caseId(), before);
                        continue;
                    }
                    if (before == null && !(event instanceof org.casestream.events.cases.CaseOpened)) {
                        LOG.warn("Skipping {} at {}-{}: case {} has no view (its CaseOpened was never seen)",
                                EventCatalogue.of(event).name(), record.partition(), record.offset(), event.caseId());
                        continue;
                    }
                    CaseView after = CaseFold.apply(before, event, envelope.time(), envelope.sequence());
                    counters.apply(record.partition(), record.offset(), before, after);
                    cases.save(after);
                    touched.put(event.caseId(), after);
                    changes.add(new Change(EventCatalogue.of(event).name(), after));
                }
                case AgentEvent event -> {
                    AgentView before = agents.find(event.agentId()).orElse(null);
                    if (before != null && before.lastSequence() >= envelope.sequence()) {
                        continue;
                    }
                    if (before == null && !(event instanceof org.casestream.events.agents.AgentRegistered)) {
                        LOG.warn("Skipping {} at {}-{}: agent {} has no view", EventCatalogue.of(event).name(),
                                record.partition(), record.offset(), event.agentId());
                        continue;
                    }
                    agents.save(AgentFold.apply(before, event, envelope.time(), envelope.sequence()));
                }
                default -> LOG.warn("Skipping an event of no known family at {}-{}", record.partition(), record.offset());
            }
        }
        return new BatchResult(touched, changes);
    }

    private static Optional<EventEnvelope> decode(ConsumerRecord<String, byte[]> record) {
        Optional<EventEnvelope> envelope;
        try {
            envelope = CloudEventsKafka.fromRecord(record);
        } catch (RuntimeException e) {
            // a record that cannot be read at all would stop the projection for good if it were retried forever
            LOG.error("Skipping an unreadable record at {}-{}: {}", record.partition(), record.offset(),
                    org.casestream.support.web.Redacted.causes(e));
            return Optional.empty();
        }
        if (envelope.isEmpty()) {
            LOG.info("Skipping an event of a type this service does not know ({}) at {}-{}",
                    safeType(record), record.partition(), record.offset());
        }
        return envelope;
    }

    private static String safeType(ConsumerRecord<String, byte[]> record) {
        try {
            return CloudEventsKafka.typeOf(record);
        } catch (RuntimeException e) {
            return "unreadable";
        }
    }
}
