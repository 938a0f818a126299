package org.casestream.query.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casestream.events.Availability;
import org.casestream.events.CaseStatus;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.query.agents.AgentView;
import org.casestream.query.agents.AgentViews;
import org.casestream.query.cases.CaseSummary;
import org.casestream.query.platform.QueryProperties;
import org.casestream.query.search.CaseIndex;
import org.casestream.query.search.CaseQuery;
import org.casestream.query.search.CaseSort;
import org.springframework.stereotype.Service;

/**
 * The dashboard from precomputed documents: counters summed over the partitions' documents, agents from their
 * small collection, and the SLA figures, which depend on the time of asking, counted by the index.
 */
@Service
public class Dashboard {

    static final int VOLUME_DAYS = 14;
    static final int CRITICAL_SHOWN = 10;

    private final QueryProperties properties;

    public Dashboard(QueryProperties properties) {
        this.properties = properties;
    }

    public record View(Instant generatedAt, Map<String, Long> byStatus, Map<String, Long> openByPriority,
                       Map<String, Map<String, Long>> byQueueAndStatus, Critical criticalOpen, SlaFigures sla,
                       List<AgentLoad> agents, List<DayVolume> volume) {
    }

    public record Critical(long count, List<CaseSummary> cases) {
    }

    public record SlaFigures(long atRisk, long breached, Duration atRiskWindow) {
    }

    public record AgentLoad(String agentId, String name, Availability availability, int capacity, long load,
                            long resolvedToday) {
    }

    public record DayVolume(LocalDate day, long opened, long resolved) {
    }

    /** The dashboard from one generation's read models: its counters, its index and its agents. */
    public View view(DashboardCounters counters, CaseIndex index, AgentViews agents, Instant now) {
        Map<String, Object> totals = counters.totals();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (CaseStatus status : CaseStatus.values()) {
            byStatus.put(status.wire(), count(totals, "status", status.wire()));
        }
        Map<String, Long> byPriority = new LinkedHashMap<>();
        for (Priority priority : Priority.values()) {
            byPriority.put(priority.wire(), count(totals, "openByPriority", priority.wire()));
        }
        Map<String, Map<String, Long>> byQueue = new LinkedHashMap<>();
        for (Queue queue : Queue.withShipped(at(totals, "queueStatus") instanceof Map<?, ?> counted
                ? counted.keySet().stream().map(String::valueOf).toList() : List.of())) {
            Map<String, Long> statuses = new LinkedHashMap<>();
            for (CaseStatus status : CaseStatus.values()) {
                statuses.put(status.wire(), count(totals, "queueStatus", queue.wire(), status.wire()));
            }
            byQueue.put(queue.wire(), statuses);
        }
        long critical = count(totals, "criticalOpen");
        List<CaseSummary> criticalCases = index.search(
                new CaseQuery(Map.of("priority", List.of(Priority.CRITICAL.wire())), null, null, null, CaseIndex.openCases()),
                CaseSort.parse("createdAt").orElseThrow(), CRITICAL_SHOWN, null, now, properties.slaAtRiskWindow()).items();
        SlaFigures sla = new SlaFigures(
                index.count(new CaseQuery(Map.of(), null, null, null, CaseIndex.atRiskAt(now, properties.slaAtRiskWindow()))),
                index.count(new CaseQuery(Map.of(), null, null, null, CaseIndex.breachedAt(now))),
                properties.slaAtRiskWindow());
        String today = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
        List<AgentLoad> loads = new ArrayList<>();
        for (AgentView agent : agents.all()) {
            loads.add(load(totals, agent, today));
        }
        loads.sort(Comparator.comparing(AgentLoad::name, Comparator.nullsLast(Comparator.naturalOrder())));
        List<DayVolume> volume = new ArrayList<>();
        LocalDate last = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (LocalDate day = last.minusDays(VOLUME_DAYS - 1); !day.isAfter(last); day = day.plusDays(1)) {
            volume.add(new DayVolume(day, count(totals, "opened", day.toString()), sum(totals, "resolved", day.toString())));
        }
        return new View(now, byStatus, byPriority, byQueue, new Critical(critical, criticalCases), sla, loads, volume);
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> totals, String... path) {
        Object current = totals;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(key);
        }
        return current;
    }

    /** One agent's load (open cases assigned) and cases resolved today (UTC). */
    public AgentLoad load(DashboardCounters counters, AgentView agent, Instant now) {
        return load(counters.totals(), agent, LocalDate.ofInstant(now, ZoneOffset.UTC).toString());
    }

    private static AgentLoad load(Map<String, Object> totals, AgentView agent, String today) {
        String id = agent.agentId().toString();
        return new AgentLoad(id, agent.name(), agent.availability(), agent.capacity(), count(totals, "load", id),
                count(totals, "resolved", today, id));
    }

    private static long count(Map<String, Object> totals, String... path) {
        return at(totals, path) instanceof Number number ? number.longValue() : 0;
    }

    private static long sum(Map<String, Object> totals, String... path) {
        return at(totals, path) instanceof Map<?, ?> map
                ? map.values().stream().mapToLong(value -> value instanceof Number n ? n.longValue() : 0).sum() : 0;
    }
}
