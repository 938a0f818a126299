package org.casestream.query.dashboard;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * record it counted; a batch's increments for a partition are one single-document update conditioned on that
 * offset, and records at or below it are not counted again: a record replayed after a crash moves nothing twice.
 * Reading sums a handful of documents; nothing is aggregated.
 */
@Repository
public class DashboardCounters {

    public static final String COLLECTION = "dashboard_counters";
    static final String NO_AGENT = "none";
    private static final String PREFIX = "partition-";

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

    /** What a case's change moves: the counters it counts for after, less those it counted for before. */
    public static Map<String, Long> delta(CaseView before, CaseView after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        contributions(after).forEach((path, count) -> delta.merge(path, count, Long::sum));
        contributions(before).forEach((path, count) -> delta.merge(path, -count, Long::sum));
        delta.values().removeIf(count -> count == 0);
        return delta;
    }

    /** The offset of the last record each partition's counters include (-1 before the first). */
    public Map<Integer, Long> offsets() {
        Map<Integer, Long> offsets = new HashMap<>();
        for (Document document : collection.find()) {
            String id = document.getString("_id");
            if (id.startsWith(PREFIX)) {
                offsets.put(Integer.parseInt(id.substring(PREFIX.length())), ((Number) document.get("offset")).longValue());
            }
        }
        return offsets;
    }

    /**
     * Adds {@code delta} to the partition's counters and moves its offset from {@code expectedOffset} to
     * {@code newOffset}, in one single-document update that applies only if the offset is still the expected one.
     *
     * @throws ConcurrentCounting when the offset moved meanwhile (another instance counted those records)
     */
    public void apply(int partition, long expectedOffset, long newOffset, Map<String, Long> delta) {
        String id = id(partition);
        if (knownPartitions.add(partition)) {
            collection.updateOne(Filters.eq("_id", id), Updates.setOnInsert("offset", -1L), new UpdateOptions().upsert(true));
        }
        List<Bson> changes = new ArrayList<>();
        delta.forEach((path, count) -> changes.add(Updates.inc(path, count)));
        changes.add(Updates.set("offset", newOffset));
        long matched = collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("offset", expectedOffset)),
                Updates.combine(changes)).getMatchedCount();
        if (matched == 0) {
            throw new ConcurrentCounting(partition);
        }
    }

    /** The partition's counters moved past the offset this batch read: read the batch again. */
    public static final class ConcurrentCounting extends RuntimeException {
        ConcurrentCounting(int partition) {
            super("the counters of partition " + partition + " moved meanwhile", null, false, false);
        }
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
        return PREFIX + partition;
    }
}
