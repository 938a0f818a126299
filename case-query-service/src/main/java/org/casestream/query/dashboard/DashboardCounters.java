package org.casestream.query.dashboard;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.casestream.events.Priority;
import org.casestream.query.cases.CaseView;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's numbers as small precomputed documents, one per Kafka partition of the case events topic.
 * A case's events all sit in one partition, so each change of a case moves that partition's counters by the
 * difference between what the case counted for before and after. Each document carries the offset of the last
 * record it counted, and every increment is one single-document update conditioned on a lower offset: a record
 * replayed after a crash moves nothing twice. Reading sums a handful of documents; nothing is aggregated.
 */
@Repository
public class DashboardCounters {

    public static final String COLLECTION = "dashboard_counters";
    static final String NO_AGENT = "none";

    private final MongoCollection<Document> collection;
    private final Set<Integer> knownPartitions = ConcurrentHashMap.newKeySet();

    public DashboardCounters(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /** What one case counts for: each key is a counter's path, each value 1. */
    static Map<String, Long> contributions(CaseView view) {
        Map<String, Long> counts = new HashMap<>();
        if (view == null) {
            return counts;
        }
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
        return counts;
    }

    static String day(java.time.Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    /** Moves the partition's counters from what {@code before} counted for to what {@code after} counts for. */
    public void apply(int partition, long offset, CaseView before, CaseView after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        contributions(after).forEach((path, count) -> delta.merge(path, count, Long::sum));
        contributions(before).forEach((path, count) -> delta.merge(path, -count, Long::sum));
        delta.values().removeIf(count -> count == 0);
        if (delta.isEmpty()) {
            return;
        }
        String id = id(partition);
        if (knownPartitions.add(partition)) {
            collection.updateOne(Filters.eq("_id", id), Updates.setOnInsert("offset", -1L), new UpdateOptions().upsert(true));
        }
        Bson increments = Updates.combine(delta.entrySet().stream()
                .map(entry -> Updates.inc(entry.getKey(), entry.getValue())).toList());
        collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.lt("offset", offset)),
                Updates.combine(increments, Updates.set("offset", offset)));
    }

    /** Every partition's counters summed: nested maps of counts. */
    public Map<String, Object> totals() {
        Map<String, Object> totals = new LinkedHashMap<>();
        for (Document document : collection.find()) {
            document.remove("_id");
            document.remove("offset");
            add(totals, document);
        }
        return totals;
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                Map<String, Object> target = (Map<String, Object>) into.computeIfAbsent(key, k -> new LinkedHashMap<>());
                add(target, (Map<String, Object>) nested);
            } else if (value instanceof Number number) {
                into.merge(key, number.longValue(), (a, b) -> (Long) a + (Long) b);
            }
        });
    }

    static String id(int partition) {
        return "partition-" + partition;
    }
}
