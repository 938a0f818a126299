package org.casestream.query.counters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.casestream.query.cases.CaseView;

/**
 * Precomputed counters kept by the projection: small documents, one per Kafka partition and bucket (the
 * dashboard has one bucket, analytics one per day). A case's events all sit in one partition, so each change of
 * a case moves that partition's buckets by the difference between what the case counted for before and after.
 * Each document carries the offset of the last record it counted; a batch moves each document once, in a
 * single-document update conditioned on that offset, and records at or below it are not counted again: a
 * batch replayed after a crash counts nothing twice.
 * <p>
 * A record taken back from the dead-letter topic (a retry of a parked event) has an offset its partition's
 * documents are already past; it counts in the documents of partition {@link #PARKED} instead, by its offset in
 * the dead-letter topic (one partition), which retries apply in order.
 */
public class PartitionedCounters {

    /** The pseudo-partition whose documents count the records retried from the dead-letter topic. */
    public static final int PARKED = -1;

    /** What one record moves in one bucket: counter paths and amounts. */
    public record Entry(int partition, long offset, String bucket, Map<String, Long> delta) {
    }

    private final MongoCollection<Document> collection;
    private final Function<CaseView, Map<String, Map<String, Long>>> contributions;

    /** @param contributions what a case counts for: by bucket, counter paths and amounts */
    public PartitionedCounters(MongoCollection<Document> collection,
                               Function<CaseView, Map<String, Map<String, Long>>> contributions) {
        this.collection = collection;
        this.contributions = contributions;
    }

    /** What a case's change moves, by bucket: what it counts for after, less what it counted for before. */
    public Map<String, Map<String, Long>> delta(CaseView before, CaseView after) {
        Map<String, Map<String, Long>> delta = new LinkedHashMap<>();
        add(delta, after == null ? Map.of() : contributions.apply(after), 1);
        add(delta, before == null ? Map.of() : contributions.apply(before), -1);
        delta.values().forEach(paths -> paths.values().removeIf(count -> count == 0));
        delta.values().removeIf(Map::isEmpty);
        return delta;
    }

    /** The entries of one record's change. */
    public List<Entry> entries(int partition, long offset, CaseView before, CaseView after) {
        List<Entry> entries = new ArrayList<>();
        delta(before, after).forEach((bucket, paths) -> entries.add(new Entry(partition, offset, bucket, paths)));
        return entries;
    }

    /**
     * Applies a batch's entries: each bucket document once, with the entries above its offset.
     *
     * @throws ConcurrentCounting when a document's offset moved meanwhile (another instance counted)
     */
    public void apply(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<String, List<Entry>> byDocument = new LinkedHashMap<>();
        entries.forEach(entry -> byDocument.computeIfAbsent(id(entry.partition(), entry.bucket()), k -> new ArrayList<>()).add(entry));
        Map<String, Long> offsets = new HashMap<>();
        collection.find(Filters.in("_id", List.copyOf(byDocument.keySet())))
                .forEach(document -> offsets.put(document.getString("_id"), ((Number) document.get("offset")).longValue()));
        byDocument.forEach((id, documentEntries) -> {
            long counted = offsets.getOrDefault(id, -1L);
            Map<String, Long> sum = new LinkedHashMap<>();
            long last = counted;
            for (Entry entry : documentEntries) {
                if (entry.offset() > counted) {
                    entry.delta().forEach((path, amount) -> sum.merge(path, amount, Long::sum));
                    last = Math.max(last, entry.offset());
                }
            }
            sum.values().removeIf(amount -> amount == 0);
            if (last == counted) {
                return;
            }
            if (!offsets.containsKey(id)) {
                Entry first = documentEntries.getFirst();
                collection.updateOne(Filters.eq("_id", id), Updates.combine(Updates.setOnInsert("offset", -1L),
                        Updates.setOnInsert("partition", first.partition()), Updates.setOnInsert("bucket", first.bucket())),
                        new UpdateOptions().upsert(true));
            }
            List<Bson> changes = new ArrayList<>();
            sum.forEach((path, amount) -> changes.add(Updates.inc(path, amount)));
            changes.add(Updates.set("offset", last));
            long matched = collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("offset", counted)),
                    Updates.combine(changes)).getMatchedCount();
            if (matched == 0) {
                throw new ConcurrentCounting(id);
            }
        });
    }

    /** These buckets' documents (all partitions) summed bucket by bucket. */
    public Map<String, Map<String, Object>> totalsByBucket(List<String> buckets, int partitions) {
        List<String> ids = new ArrayList<>();
        for (int partition = PARKED; partition < partitions; partition++) {
            for (String bucket : buckets) {
                ids.add(id(partition, bucket));
            }
        }
        Map<String, Map<String, Object>> totals = new LinkedHashMap<>();
        buckets.forEach(bucket -> totals.put(bucket, new LinkedHashMap<>()));
        collection.find(Filters.in("_id", ids)).forEach(document -> {
            String bucket = document.getString("bucket");
            document.remove("_id");
            document.remove("offset");
            document.remove("partition");
            document.remove("bucket");
            add(totals.computeIfAbsent(bucket, k -> new LinkedHashMap<>()), document);
        });
        return totals;
    }

    /** Every document summed, whatever its bucket (a handful of documents for the dashboard). */
    public Map<String, Object> totals() {
        Map<String, Object> totals = new LinkedHashMap<>();
        for (Document document : collection.find()) {
            document.remove("_id");
            document.remove("offset");
            document.remove("partition");
            document.remove("bucket");
            add(totals, document);
        }
        return totals;
    }

    static String id(int partition, String bucket) {
        return "p" + partition + "/" + bucket;
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

    private static void add(Map<String, Map<String, Long>> into, Map<String, Map<String, Long>> from, int sign) {
        from.forEach((bucket, paths) -> {
            Map<String, Long> target = into.computeIfAbsent(bucket, k -> new LinkedHashMap<>());
            paths.forEach((path, amount) -> target.merge(path, sign * amount, Long::sum));
        });
    }

    /** A counter document moved past the offset this batch read: read the batch again. */
    public static final class ConcurrentCounting extends RuntimeException {
        ConcurrentCounting(String id) {
            super("the counters " + id + " moved meanwhile", null, false, false);
        }
    }
}
