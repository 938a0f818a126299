package org.casestream.query.analytics;

import static org.casestream.query.analytics.Durations.number;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.query.agents.AgentView;

/**
 * The analytics page's breakdowns, read from the same per-day buckets as {@link Analytics}: how resolution times
 * fall into the histogram's buckets, resolution times per queue and priority, each agent's throughput per day,
 * load (open cases assigned now, against capacity), CSAT and first-contact resolution, and CSAT per queue.
 */
public class AnalyticsBreakdowns {

    private final AnalyticsCounters counters;

    public AnalyticsBreakdowns(AnalyticsCounters counters) {
        this.counters = counters;
    }

    /** Resolutions that took at most {@code upToSeconds} (and more than the bucket before); null: longer than all. */
    public record Bucket(Long upToSeconds, long count) {
    }

    public record QueuePriority(String queue, String priority, Analytics.Times resolution) {
    }

    /**
     * One agent: {@code open} cases assigned now (their load) against {@code capacity} (null for an agent with no
     * view), cases {@code resolved} in the range and on each of its days, CSAT of their cases rated in the range,
     * first-contact resolution of their cases resolved in it.
     */
    public record AgentFigures(String agentId, String name, Integer capacity, long open, long resolved,
                               List<Long> resolvedPerDay, long csatCount, Double csatMean,
                               Analytics.FirstContact firstContact) {
    }

    public record QueueCsat(String queue, long count, Double mean, Map<Integer, Long> ratings) {
    }

    public record Breakdowns(LocalDate from, LocalDate to, String queue, List<LocalDate> days,
                             List<Bucket> resolutionDistribution, List<QueuePriority> resolutionByQueueAndPriority,
                             List<AgentFigures> agents, List<QueueCsat> csatByQueue) {
    }

    /** {@code queue} null means all; {@code agents} are the agents to list (with any other the counters name). */
    public Breakdowns read(LocalDate from, LocalDate to, String queue, int partitions, List<AgentView> agents) {
        List<String> dayBuckets = Analytics.days(from, to);
        Map<String, Map<String, Object>> byDay = counters.totalsByBucket(dayBuckets, partitions);
        Durations distribution = new Durations();
        Map<String, Map<String, Durations>> byQueueAndPriority = new TreeMap<>();
        Map<String, Analytics.Accumulator> byQueue = new TreeMap<>();
        Map<String, Analytics.Accumulator> byAgent = new LinkedHashMap<>();
        Map<String, long[]> resolvedPerDay = new LinkedHashMap<>();
        Map<String, Long> open = new LinkedHashMap<>();
        agents.forEach(agent -> byAgent.put(agent.agentId().toString(), new Analytics.Accumulator()));
        int dayIndex = 0;
        for (String bucket : dayBuckets) {
            int index = dayIndex++;
            Analytics.forEachCell(byDay.get(bucket), queue, null, (queueName, agentId, values) -> {
                distribution.add(values.get("resolution"));
                byQueue.computeIfAbsent(queueName, k -> new Analytics.Accumulator()).add(values);
                if (values.get("priority") instanceof Map<?, ?> priorities) {
                    priorities.forEach((priority, figures) -> byQueueAndPriority
                            .computeIfAbsent(queueName, k -> new TreeMap<>())
                            .computeIfAbsent(priority.toString(), k -> new Durations())
                            .add(figures instanceof Map<?, ?> map ? map.get("resolution") : null));
                }
                if (!agentId.equals(AnalyticsCounters.NO_AGENT)) {
                    byAgent.computeIfAbsent(agentId, k -> new Analytics.Accumulator()).add(values);
                    if (values.get("resolution") instanceof Map<?, ?> resolution) {
                        resolvedPerDay.computeIfAbsent(agentId, k -> new long[dayBuckets.size()])[index]
                                += number(resolution.get("count"));
                    }
                }
            });
        }
        Analytics.forEachCell(counters.totalsByBucket(List.of(AnalyticsCounters.OPEN), partitions).get(AnalyticsCounters.OPEN),
                queue, null, (queueName, agentId, values) -> {
                    if (!agentId.equals(AnalyticsCounters.NO_AGENT)) {
                        open.merge(agentId, number(values.get("open")), Long::sum);
                        byAgent.computeIfAbsent(agentId, k -> new Analytics.Accumulator());
                    }
                });
        return new Breakdowns(from, to, queue, dayBuckets.stream().map(LocalDate::parse).toList(),
                distribution.distribution(), queuePriorities(byQueueAndPriority),
                agentFigures(byAgent, resolvedPerDay, open, agents, dayBuckets.size()), queueCsat(byQueue));
    }

    private static List<QueuePriority> queuePriorities(Map<String, Map<String, Durations>> byQueueAndPriority) {
        List<QueuePriority> rows = new ArrayList<>();
        for (Queue queue : Queue.withShipped(byQueueAndPriority.keySet())) {
            Map<String, Durations> priorities = byQueueAndPriority.getOrDefault(queue.wire(), Map.of());
            for (Priority priority : Priority.values()) {
                Durations durations = priorities.get(priority.wire());
                if (durations != null && durations.count() > 0) {
                    rows.add(new QueuePriority(queue.wire(), priority.wire(), durations.times()));
                }
            }
        }
        return rows;
    }

    private static List<AgentFigures> agentFigures(Map<String, Analytics.Accumulator> byAgent,
            Map<String, long[]> resolvedPerDay, Map<String, Long> open, List<AgentView> agents, int days) {
        Map<String, AgentView> known = new LinkedHashMap<>();
        agents.forEach(agent -> known.put(agent.agentId().toString(), agent));
        List<AgentFigures> rows = new ArrayList<>();
        byAgent.forEach((agentId, figures) -> {
            AgentView agent = known.get(agentId);
            long[] perDay = resolvedPerDay.getOrDefault(agentId, new long[days]);
            List<Long> daily = new ArrayList<>();
            long resolved = 0;
            for (long count : perDay) {
                daily.add(count);
                resolved += count;
            }
            rows.add(new AgentFigures(agentId, agent == null ? null : agent.name(), agent == null ? null : agent.capacity(),
                    open.getOrDefault(agentId, 0L), resolved, daily, figures.csatCount(), figures.csatMean(),
                    figures.firstContact()));
        });
        rows.sort(Comparator.comparing((AgentFigures row) -> row.name() == null ? "\uffff" : row.name(),
                String.CASE_INSENSITIVE_ORDER).thenComparing(AgentFigures::agentId));
        return rows;
    }

    private static List<QueueCsat> queueCsat(Map<String, Analytics.Accumulator> byQueue) {
        List<QueueCsat> rows = new ArrayList<>();
        for (Queue queue : Queue.withShipped(byQueue.keySet())) {
            Analytics.Accumulator figures = byQueue.get(queue.wire());
            if (figures != null && figures.csatCount() > 0) {
                rows.add(new QueueCsat(queue.wire(), figures.csatCount(), figures.csatMean(), figures.ratings()));
            }
        }
        return rows;
    }
}
