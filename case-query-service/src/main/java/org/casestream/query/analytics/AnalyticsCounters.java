package org.casestream.query.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.casestream.query.cases.CaseView;
import org.casestream.query.counters.PartitionedCounters;

/**
 * Analytics buckets per day (UTC), by queue and agent, one document per partition and day: cases opened and
 * resolved, first-response and resolution times as counts, sums and histograms (so mean, median and p90 can be
 * read without the raw times), resolution SLA met or missed, and CSAT ratings. A case counts on the day each
 * thing happened, in its current queue and with its current assignee ("none" when unassigned).
 * <p>
 * Besides, for the analytics page: resolution times by priority, and first-contact resolution (a resolved case,
 * not a merged duplicate, that had at most one public agent reply and was never reopened) in the day's buckets;
 * the open cases now (bucket {@value #OPEN}); and each day's flow, cases opened and resolved (buckets
 * {@code flow-<day>}, small, so the backlog at the end of a day, open now less the flow since, reads a few
 * documents a day however far back). These need a view that counts its replies: a view stored before that counts
 * for none of them (so no counter ever takes back what it never counted) until a rebuild.
 */
public class AnalyticsCounters extends PartitionedCounters {

    public static final String COLLECTION = "analytics_buckets";
    static final String NO_AGENT = "none";
    /** The bucket of the cases open now. */
    static final String OPEN = "open";
    static final String FLOW = "flow-";
    /** Histogram upper bounds in seconds; the last bucket is open-ended. */
    static final List<Long> BOUNDS = List.of(60L, 300L, 900L, 1800L, 3600L, 7200L, 14_400L, 28_800L, 86_400L,
            172_800L, 604_800L, Long.MAX_VALUE);

    public AnalyticsCounters(MongoDatabase database) {
        this(database, "");
    }

    /** The store of one generation of the read models: its collection's name ends with {@code suffix}. */
    public AnalyticsCounters(MongoDatabase database, String suffix) {
        super(database.getCollection(COLLECTION + suffix), AnalyticsCounters::contributions);
    }

    static Map<String, Map<String, Long>> contributions(CaseView view) {
        Map<String, Map<String, Long>> byDay = new HashMap<>();
        String prefix = view.queue().wire() + "." + (view.assignee() == null ? NO_AGENT : view.assignee().toString()) + ".";
        put(byDay, view.openedAt(), prefix + "opened", 1);
        Instant responded = view.sla().firstRespondedAt();
        if (responded != null) {
            long seconds = Math.max(0, Duration.between(view.openedAt(), responded).toSeconds());
            put(byDay, responded, prefix + "firstResponse.count", 1);
            put(byDay, responded, prefix + "firstResponse.seconds", seconds);
            put(byDay, responded, prefix + "firstResponse.histogram." + bucket(seconds), 1);
        }
        if (!view.open() && view.resolvedAt() != null) {
            long seconds = Math.max(0, Duration.between(view.openedAt(), view.resolvedAt()).toSeconds());
            put(byDay, view.resolvedAt(), prefix + "resolution.count", 1);
            put(byDay, view.resolvedAt(), prefix + "resolution.seconds", seconds);
            put(byDay, view.resolvedAt(), prefix + "resolution.histogram." + bucket(seconds), 1);
            Instant due = view.sla().resolutionDue();
            if (due != null) {
                boolean met = view.sla().breaches().isEmpty() && !view.resolvedAt().isAfter(due);
                put(byDay, view.resolvedAt(), prefix + (met ? "sla.met" : "sla.missed"), 1);
            }
        }
        if (view.satisfaction() != null) {
            Instant rated = view.satisfaction().ratedAt();
            put(byDay, rated, prefix + "csat.count", 1);
            put(byDay, rated, prefix + "csat.sum", view.satisfaction().rating());
            put(byDay, rated, prefix + "csat.ratings." + view.satisfaction().rating(), 1);
        }
        if (view.publicAgentReplies() != null) {
            pageFigures(byDay, view, prefix);
        }
        return byDay;
    }

    /** What only a view that counts its replies counts for: by priority, first contact, open now, the flow. */
    private static void pageFigures(Map<String, Map<String, Long>> byBucket, CaseView view, String prefix) {
        flow(byBucket, view.openedAt(), prefix + "in");
        if (view.open()) {
            byBucket.computeIfAbsent(OPEN, k -> new HashMap<>()).merge(prefix + "open", 1L, Long::sum);
        } else if (view.resolvedAt() != null) {
            Instant resolved = view.resolvedAt();
            flow(byBucket, resolved, prefix + "out");
            long seconds = Math.max(0, Duration.between(view.openedAt(), resolved).toSeconds());
            String byPriority = prefix + "priority." + view.priority().wire() + ".resolution.";
            put(byBucket, resolved, byPriority + "count", 1);
            put(byBucket, resolved, byPriority + "seconds", seconds);
            put(byBucket, resolved, byPriority + "histogram." + bucket(seconds), 1);
            if (view.mergedInto() == null) {
                put(byBucket, resolved, prefix + "fcr.resolved", 1);
                if (view.publicAgentReplies() <= 1 && view.reopenCount() == 0) {
                    put(byBucket, resolved, prefix + "fcr.first", 1);
                }
            }
        }
    }

    private static void flow(Map<String, Map<String, Long>> byBucket, Instant at, String path) {
        byBucket.computeIfAbsent(FLOW + day(at), k -> new HashMap<>()).merge(path, 1L, Long::sum);
    }

    /** The histogram bucket of a duration: the index of the first bound it does not exceed. */
    static int bucket(long seconds) {
        for (int i = 0; i < BOUNDS.size(); i++) {
            if (seconds <= BOUNDS.get(i)) {
                return i;
            }
        }
        return BOUNDS.size() - 1;
    }

    static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static void put(Map<String, Map<String, Long>> byDay, Instant at, String path, long amount) {
        byDay.computeIfAbsent(day(at), k -> new HashMap<>()).merge(path, amount, Long::sum);
    }
}
