package org.casestream.query.analytics;

import static org.casestream.query.analytics.Durations.number;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;


/**
 * Reads analytics from the per-day buckets: sums over the partitions, the days, and the queues and agents asked
 * for. Medians and p90s come from the histograms: the upper bound of the bucket that holds them.
 */
public class Analytics {

    /** Days of flow read at once for the backlog (each day is a document per partition). */
    private static final int FLOW_DAYS_PER_READ = 62;

    private final AnalyticsCounters counters;

    public Analytics(AnalyticsCounters counters) {
        this.counters = counters;
    }

    public record Times(long count, Double meanSeconds, Long medianSecondsAtMost, Long p90SecondsAtMost) {
    }

    /**
     * Resolved cases that count for first-contact resolution (not merged duplicates), those of them resolved with at
     * most one public agent reply and never reopened, and their share.
     */
    public record FirstContact(long resolved, long firstContact, Double rate) {

        static FirstContact of(long resolved, long firstContact) {
            return new FirstContact(resolved, firstContact, resolved == 0 ? null : (double) firstContact / resolved);
        }
    }

    public record Figures(long opened, Times firstResponse, Times resolution, long slaMet, long slaMissed,
                          Double slaCompliance, long csatCount, Double csatMean, Map<Integer, Long> csatRatings,
                          FirstContact firstContact) {
    }

    /** One day's figures and its backlog: the cases open at its end (null for a day still to come). */
    public record Day(LocalDate day, Figures figures, Long backlog) {
    }

    public record Report(LocalDate from, LocalDate to, String queue, String agent, Figures total, List<Day> days) {
    }

    /**
     * {@code queue} and {@code agent} null mean all; {@code agent} "none" means unassigned cases; {@code today} (UTC)
     * is the last day with a backlog.
     */
    public Report report(LocalDate from, LocalDate to, String queue, String agent, int partitions, LocalDate today) {
        Map<String, Map<String, Object>> byDay = counters.totalsByBucket(days(from, to), partitions);
        Map<LocalDate, Long> backlog = backlog(from, to, queue, agent, partitions, today);
        Accumulator total = new Accumulator();
        List<Day> days = new ArrayList<>();
        byDay.forEach((bucket, cells) -> {
            Accumulator day = new Accumulator();
            forEachCell(cells, queue, agent, (queueName, agentId, values) -> {
                day.add(values);
                total.add(values);
            });
            LocalDate date = LocalDate.parse(bucket);
            days.add(new Day(date, day.figures(), backlog.get(date)));
        });
        return new Report(from, to, queue, agent, total.figures(), days);
    }

    /**
     * The cases open at the end of each day from {@code from} to {@code to} that is not after {@code today}: the
     * cases open now less the flow (opened less resolved) of every day after it, up to tomorrow (a clock a little
     * ahead of this one).
     */
    Map<LocalDate, Long> backlog(LocalDate from, LocalDate to, String queue, String agent, int partitions, LocalDate today) {
        Map<LocalDate, Long> backlog = new TreeMap<>();
        if (from.isAfter(today)) {
            return backlog;
        }
        long[] open = {0};
        forEachCell(counters.totalsByBucket(List.of(AnalyticsCounters.OPEN), partitions).get(AnalyticsCounters.OPEN),
                queue, agent, (queueName, agentId, values) -> open[0] += number(values.get("open")));
        long current = open[0];
        LocalDate day = today.plusDays(1);
        while (day.isAfter(from)) {
            LocalDate earliest = day.minusDays(FLOW_DAYS_PER_READ - 1L).isAfter(from) ? day.minusDays(FLOW_DAYS_PER_READ - 1L)
                    : from.plusDays(1);
            List<String> buckets = new ArrayList<>();
            for (LocalDate each = day; !each.isBefore(earliest); each = each.minusDays(1)) {
                buckets.add(AnalyticsCounters.FLOW + each);
            }
            Map<String, Map<String, Object>> flows = counters.totalsByBucket(buckets, partitions);
            for (String bucket : buckets) {
                if (!day.isAfter(to) && !day.isAfter(today)) {
                    backlog.put(day, current);
                }
                long[] net = {0};
                forEachCell(flows.get(bucket), queue, agent,
                        (queueName, agentId, values) -> net[0] += number(values.get("in")) - number(values.get("out")));
                current -= net[0];
                day = day.minusDays(1);
            }
        }
        if (!from.isAfter(to)) {
            backlog.put(from, current);
        }
        return backlog;
    }

    /** The day buckets from {@code from} to {@code to}. */
    static List<String> days(LocalDate from, LocalDate to) {
        List<String> buckets = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            buckets.add(day.toString());
        }
        return buckets;
    }

    /**
     * Each (queue, agent) cell of a bucket's totals that {@code queue} and {@code agent} (null: all) select, with its
     * queue's name.
     */
    static void forEachCell(Map<String, Object> totals, String queue, String agent, Cell cell) {
        if (totals == null) {
            return;
        }
        totals.forEach((queueName, agents) -> {
            if ((queue == null || queue.equals(queueName)) && agents instanceof Map<?, ?> agentMap) {
                agentMap.forEach((agentId, values) -> {
                    if ((agent == null || agent.equals(agentId)) && values instanceof Map<?, ?> figures) {
                        cell.accept(queueName, agentId.toString(), figures);
                    }
                });
            }
        });
    }

    /** What is done with each cell: its queue, its agent ("none": unassigned) and its counters. */
    interface Cell {
        void accept(String queue, String agentId, Map<?, ?> values);
    }

    /** Sums the counter maps of many (queue, agent, day) cells. */
    static final class Accumulator {
        private long opened;
        private final Durations firstResponse = new Durations();
        private final Durations resolution = new Durations();
        private long slaMet;
        private long slaMissed;
        private long csatCount;
        private long csatSum;
        private final Map<Integer, Long> ratings = new TreeMap<>();
        private long firstContactResolved;
        private long firstContact;

        void add(Map<?, ?> values) {
            opened += number(values.get("opened"));
            firstResponse.add(values.get("firstResponse"));
            resolution.add(values.get("resolution"));
            if (values.get("sla") instanceof Map<?, ?> sla) {
                slaMet += number(sla.get("met"));
                slaMissed += number(sla.get("missed"));
            }
            if (values.get("csat") instanceof Map<?, ?> csat) {
                csatCount += number(csat.get("count"));
                csatSum += number(csat.get("sum"));
                if (csat.get("ratings") instanceof Map<?, ?> counts) {
                    counts.forEach((rating, count) -> ratings.merge(Integer.parseInt(rating.toString()), number(count), Long::sum));
                }
            }
            if (values.get("fcr") instanceof Map<?, ?> fcr) {
                firstContactResolved += number(fcr.get("resolved"));
                firstContact += number(fcr.get("first"));
            }
        }

        Durations resolution() {
            return resolution;
        }

        long csatCount() {
            return csatCount;
        }

        Double csatMean() {
            return csatCount == 0 ? null : (double) csatSum / csatCount;
        }

        Map<Integer, Long> ratings() {
            return new LinkedHashMap<>(ratings);
        }

        FirstContact firstContact() {
            return FirstContact.of(firstContactResolved, firstContact);
        }

        Figures figures() {
            long slaTotal = slaMet + slaMissed;
            return new Figures(opened, firstResponse.times(), resolution.times(), slaMet, slaMissed,
                    slaTotal == 0 ? null : (double) slaMet / slaTotal, csatCount, csatMean(), Map.copyOf(ratings),
                    firstContact());
        }
    }
}
