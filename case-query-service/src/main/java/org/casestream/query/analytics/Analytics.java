package org.casestream.query.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;


/**
 * Reads analytics from the per-day buckets: sums over the partitions, the days, and the queues and agents asked
 * for. Medians and p90s come from the histograms: the upper bound of the bucket that holds them.
 */
public class Analytics {

    private final AnalyticsCounters counters;

    public Analytics(AnalyticsCounters counters) {
        this.counters = counters;
    }

    public record Times(long count, Double meanSeconds, Long medianSecondsAtMost, Long p90SecondsAtMost) {
    }

    public record Figures(long opened, Times firstResponse, Times resolution, long slaMet, long slaMissed,
                          Double slaCompliance, long csatCount, Double csatMean, Map<Integer, Long> csatRatings) {
    }

    public record Day(LocalDate day, Figures figures) {
    }

    public record Report(LocalDate from, LocalDate to, String queue, String agent, Figures total, List<Day> days) {
    }

    /** {@code queue} and {@code agent} null mean all; {@code agent} "none" means unassigned cases. */
    public Report report(LocalDate from, LocalDate to, String queue, String agent, int partitions) {
        List<String> buckets = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            buckets.add(day.toString());
        }
        Map<String, Map<String, Object>> byDay = counters.totalsByBucket(buckets, partitions);
        Accumulator total = new Accumulator();
        List<Day> days = new ArrayList<>();
        for (String bucket : buckets) {
            Accumulator day = new Accumulator();
            byDay.getOrDefault(bucket, Map.of()).forEach((queueName, agents) -> {
                if ((queue == null || queue.equals(queueName)) && agents instanceof Map<?, ?> agentMap) {
                    agentMap.forEach((agentId, figures) -> {
                        if ((agent == null || agent.equals(agentId)) && figures instanceof Map<?, ?> values) {
                            day.add(values);
                            total.add(values);
                        }
                    });
                }
            });
            days.add(new Day(LocalDate.parse(bucket), day.figures()));
        }
        return new Report(from, to, queue, agent, total.figures(), days);
    }

    /** Sums the counter maps of many (queue, agent, day) cells. */
    private static final class Accumulator {
        private long opened;
        private final Clock firstResponse = new Clock();
        private final Clock resolution = new Clock();
        private long slaMet;
        private long slaMissed;
        private long csatCount;
        private long csatSum;
        private final Map<Integer, Long> ratings = new TreeMap<>();

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
        }

        Figures figures() {
            long slaTotal = slaMet + slaMissed;
            return new Figures(opened, firstResponse.times(), resolution.times(), slaMet, slaMissed,
                    slaTotal == 0 ? null : (double) slaMet / slaTotal, csatCount,
                    csatCount == 0 ? null : (double) csatSum / csatCount, Map.copyOf(ratings));
        }
    }

    /** Count, sum and histogram of one kind of duration. */
    private static final class Clock {
        private long count;
        private long seconds;
        private final long[] histogram = new long[AnalyticsCounters.BOUNDS.size()];

        void add(Object value) {
            if (value instanceof Map<?, ?> clock) {
                count += number(clock.get("count"));
                seconds += number(clock.get("seconds"));
                if (clock.get("histogram") instanceof Map<?, ?> buckets) {
                    buckets.forEach((bucket, amount) -> histogram[Integer.parseInt(bucket.toString())] += number(amount));
                }
            }
        }

        Times times() {
            if (count == 0) {
                return new Times(0, null, null, null);
            }
            return new Times(count, (double) seconds / count, quantile(0.5), quantile(0.9));
        }

        private Long quantile(double q) {
            long rank = (long) Math.ceil(q * count);
            long seen = 0;
            for (int i = 0; i < histogram.length; i++) {
                seen += histogram[i];
                if (seen >= rank) {
                    long bound = AnalyticsCounters.BOUNDS.get(i);
                    return bound == Long.MAX_VALUE ? null : bound;
                }
            }
            return null;
        }
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }
}
