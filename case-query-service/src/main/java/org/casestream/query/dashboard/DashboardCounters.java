package org.casestream.query.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.casestream.events.Priority;
import org.casestream.query.cases.CaseView;
import org.casestream.query.counters.PartitionedCounters;

/**
 * The dashboard's numbers: one small counter document per Kafka partition (see {@link PartitionedCounters}),
 * summed when read; nothing is aggregated at query time.
 */
public class DashboardCounters extends PartitionedCounters {

    public static final String COLLECTION = "dashboard_counters";
    static final String BUCKET = "all";
    static final String NO_AGENT = "none";

    public DashboardCounters(MongoDatabase database) {
        this(database, "");
    }

    /** The store of one generation of the read models: its collection's name ends with {@code suffix}. */
    public DashboardCounters(MongoDatabase database, String suffix) {
        super(database.getCollection(COLLECTION + suffix), DashboardCounters::contributions);
    }

    /** What one case counts for on the dashboard: each counter's path, with 1. */
    static Map<String, Map<String, Long>> contributions(CaseView view) {
        Map<String, Long> counts = new HashMap<>();
        counts.put("status." + view.status().wire(), 1L);
        counts.put("queueStatus." + view.queue().wire() + "." + view.status().wire(), 1L);
        counts.put("opened." + day(view.openedAt()), 1L);
        if (view.open()) {
            counts.put("openByPriority." + view.priority().wire(), 1L);
            if (view.priority() == Priority.CRITICAL) {
                counts.put("criticalOpen", 1L);
            }
            if (view.assignee() != null) {
                counts.put("load." + view.assignee(), 1L);
            }
        } else if (view.resolvedAt() != null) {
            String agent = view.assignee() == null ? NO_AGENT : view.assignee().toString();
            counts.put("resolved." + day(view.resolvedAt()) + "." + agent, 1L);
        }
        return Map.of(BUCKET, counts);
    }

    static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
