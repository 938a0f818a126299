package org.casestream.notification.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.casestream.events.EventCatalogue;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.notification.deliveries.DeliveryLog;
import org.casestream.notification.deliveries.PlannedDelivery;
import org.casestream.notification.directory.Directory;
import org.casestream.notification.planning.DeliveryPlanner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acts on events in one transaction: marks each processed, updates the directory, records its deliveries.
 * An event already processed does nothing, so a redelivered record has exactly the effects it had the first time.
 */
@Component
public class EventRecorder {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final DeliveryPlanner planner;
    private final DeliveryLog deliveries;

    public EventRecorder(JdbcClient jdbc, Directory directory, DeliveryPlanner planner, DeliveryLog deliveries) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.planner = planner;
        this.deliveries = deliveries;
    }

    /**
     * Records a batch of events (one poll's worth) in one transaction: all of them, or none and the batch is
     * tried again. Returns how many deliveries were recorded.
     */
    @Transactional
    public int recordAll(List<EventEnvelope> envelopes) {
        DeliveryPlanner.Snapshot snapshot = planner.snapshot();
        int recorded = 0;
        for (EventEnvelope envelope : envelopes) {
            recorded += Math.max(0, record(envelope, snapshot));
        }
        return recorded;
    }

    /** The number of deliveries recorded, or -1 when the event had been processed before. */
    @Transactional
    public int record(EventEnvelope envelope) {
        return record(envelope, planner.snapshot());
    }

    private int record(EventEnvelope envelope, DeliveryPlanner.Snapshot snapshot) {
        int first = jdbc.sql("INSERT INTO processed_event (event_id, event_type, processed_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (event_id) DO NOTHING")
                .params(envelope.eventId(), EventCatalogue.of(envelope.event()).name(), Timestamp.from(Instant.now()))
                .update();
        if (first == 0) {
            return -1;
        }
        directory.apply(envelope);
        // an imported case's history happened in another help desk: nobody is told of it again
        List<PlannedDelivery> planned = envelope.imported() ? List.of() : planner.plan(envelope, snapshot);
        return deliveries.record(envelope, planned);
    }
}
