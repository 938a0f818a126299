package org.casestream.command.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.casestream.events.Availability;
import org.casestream.events.CaseStatus;
import org.casestream.events.DomainEvent;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.agents.AgentAvailabilityChanged;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.agents.AgentSkillsChanged;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseClassified;
import org.casestream.events.cases.CaseCustomerChanged;
import org.casestream.events.cases.CaseEscalated;
import org.casestream.events.cases.CaseEvent;
import org.casestream.events.cases.CaseMerged;
import org.casestream.events.cases.CaseMergedInto;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CasePriorityChanged;
import org.casestream.events.cases.CaseReopened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CaseSubjectChanged;
import org.casestream.events.cases.CaseTagged;
import org.casestream.events.cases.CaseUnassigned;
import org.casestream.events.cases.CommentAdded;
import org.casestream.events.cases.FirstResponseRecorded;
import org.casestream.events.cases.MacroApplied;
import org.casestream.events.cases.SatisfactionRated;
import org.casestream.events.cases.SlaBreached;
import org.casestream.events.cases.SlaTargetsSet;

/**
 * The dashboard's figures folded from the log: each case and agent kept only as far as the dashboard needs them,
 * then counted as the live dashboard counts its views (open = not done; resolved on the day the case went done, for
 * the agent it was assigned to then; SLA at risk or breached at the instant asked for). Events of other types change
 * nothing here, so the store is read for {@link #TYPES} only.
 */
final class DashboardFold {

    static final int VOLUME_DAYS = 14;
    static final int CRITICAL_SHOWN = 10;

    /** The event types that change a figure; comments, tags, ratings and the rest are not read at all. */
    static final Set<Class<? extends DomainEvent>> TYPES = Set.of(CaseOpened.class, CaseClassified.class,
            CasePriorityChanged.class, SlaTargetsSet.class, CaseAssigned.class, CaseUnassigned.class,
            CaseStatusChanged.class, CaseReopened.class, FirstResponseRecorded.class, SlaBreached.class,
            CaseSubjectChanged.class, AgentRegistered.class, AgentSkillsChanged.class, AgentAvailabilityChanged.class);

    private static final class Case {
        UUID caseId;
        String caseNumber;
        String subject;
        CaseStatus status = CaseStatus.NEW;
        Priority priority;
        Queue queue;
        UUID assignee;
        Instant openedAt;
        Instant resolvedAt;
        Instant firstResponseDue;
        Instant resolutionDue;
        Instant firstRespondedAt;
        boolean breachRecorded;

        boolean open() {
            return status != CaseStatus.DONE;
        }

        Instant nextDue() {
            if (!open()) {
                return null;
            }
            Instant firstResponse = firstRespondedAt == null ? firstResponseDue : null;
            if (firstResponse == null) {
                return resolutionDue;
            }
            return resolutionDue == null || firstResponse.isBefore(resolutionDue) ? firstResponse : resolutionDue;
        }
    }

    private record Agent(UUID agentId, String name, int capacity, Availability availability) {
    }

    private final Map<UUID, Case> cases = new HashMap<>();
    private final Map<UUID, Agent> agents = new HashMap<>();

    /** One event at {@code at}, in the order of the log. */
    void apply(DomainEvent event, Instant at) {
        switch (event) {
            case AgentRegistered e -> agents.put(e.agentId(), new Agent(e.agentId(), e.name(), e.capacity(),
                    e.availability()));
            case AgentSkillsChanged e -> agents.computeIfPresent(e.agentId(),
                    (id, agent) -> new Agent(id, agent.name(), e.capacity(), agent.availability()));
            case AgentAvailabilityChanged e -> agents.computeIfPresent(e.agentId(),
                    (id, agent) -> new Agent(id, agent.name(), agent.capacity(), e.availability()));
            case CaseEvent e -> apply(e, at);
            default -> { } // customers and the like: not on the dashboard
        }
    }

    private void apply(CaseEvent event, Instant at) {
        if (event instanceof CaseOpened e) {
            Case opened = new Case();
            opened.caseId = e.caseId();
            opened.caseNumber = e.caseNumber();
            opened.subject = e.subject();
            opened.priority = e.priority();
            opened.queue = e.queue();
            opened.openedAt = e.openedAt();
            cases.put(e.caseId(), opened);
            return;
        }
        Case view = cases.get(event.caseId());
        if (view == null) {
            return; // a case's later events without its opening cannot be stored; nothing to count
        }
        switch (event) {
            case CaseClassified e -> view.queue = e.queue();
            case CasePriorityChanged e -> view.priority = e.priority();
            case SlaTargetsSet e -> {
                view.firstResponseDue = e.firstResponseDue();
                view.resolutionDue = e.resolutionDue();
            }
            case CaseAssigned e -> view.assignee = e.agentId();
            case CaseUnassigned e -> view.assignee = null;
            case CaseStatusChanged e -> {
                view.status = e.status();
                view.resolvedAt = e.status() == CaseStatus.DONE ? at : null;
            }
            case CaseReopened e -> {
                view.status = e.status();
                view.resolvedAt = null;
            }
            case FirstResponseRecorded e -> view.firstRespondedAt = e.respondedAt();
            case SlaBreached e -> view.breachRecorded = true;
            case CaseSubjectChanged e -> view.subject = e.subject();
            // not a figure of the dashboard (a merged duplicate's closing is a status change of its own)
            case CaseOpened e -> { }
            case CommentAdded e -> { }
            case CaseEscalated e -> { }
            case SatisfactionRated e -> { }
            case CaseTagged e -> { }
            case MacroApplied e -> { }
            case CaseCustomerChanged e -> { }
            case CaseMergedInto e -> { }
            case CaseMerged e -> { }
        }
    }

    /** The dashboard as the folded events make it at {@code asOf}. */
    DashboardAsOf.View view(Instant asOf, Duration atRiskWindow, Instant generatedAt) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (CaseStatus status : CaseStatus.values()) {
            byStatus.put(status.wire(), 0L);
        }
        Map<String, Long> byPriority = new LinkedHashMap<>();
        for (Priority priority : Priority.values()) {
            byPriority.put(priority.wire(), 0L);
        }
        Map<String, Map<String, Long>> byQueue = new LinkedHashMap<>();
        for (Queue queue : Queue.SHIPPED) {
            byQueue.put(queue.wire(), zeroes(byStatus.keySet()));
        }
        String today = day(asOf);
        LocalDate last = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        Map<String, long[]> volume = new LinkedHashMap<>();
        for (LocalDate day = last.minusDays(VOLUME_DAYS - 1); !day.isAfter(last); day = day.plusDays(1)) {
            volume.put(day.toString(), new long[2]);
        }
        Map<UUID, long[]> loads = new HashMap<>();
        List<Case> critical = new ArrayList<>();
        long atRisk = 0;
        long breached = 0;
        for (Case view : cases.values()) {
            byStatus.merge(view.status.wire(), 1L, Long::sum);
            byQueue.computeIfAbsent(view.queue.wire(), queue -> zeroes(byStatus.keySet()))
                    .merge(view.status.wire(), 1L, Long::sum);
            long[] opened = volume.get(day(view.openedAt));
            if (opened != null) {
                opened[0]++;
            }
            if (view.open()) {
                byPriority.merge(view.priority.wire(), 1L, Long::sum);
                if (view.priority == Priority.CRITICAL) {
                    critical.add(view);
                }
                if (view.assignee != null) {
                    loads.computeIfAbsent(view.assignee, id -> new long[2])[0]++;
                }
                switch (slaState(view, asOf, atRiskWindow)) {
                    case "breached" -> breached++;
                    case "at-risk" -> atRisk++;
                    default -> { }
                }
            } else if (view.resolvedAt != null) {
                long[] resolved = volume.get(day(view.resolvedAt));
                if (resolved != null) {
                    resolved[1]++;
                }
                if (view.assignee != null && day(view.resolvedAt).equals(today)) {
                    loads.computeIfAbsent(view.assignee, id -> new long[2])[1]++;
                }
            }
        }
        critical.sort(Comparator.comparing((Case view) -> view.openedAt).thenComparing(view -> view.caseNumber));
        List<DashboardAsOf.CriticalCase> shown = critical.stream().limit(CRITICAL_SHOWN)
                .map(view -> new DashboardAsOf.CriticalCase(view.caseId, view.caseNumber, view.subject, view.status,
                        view.priority, view.queue, view.assignee, view.openedAt, view.nextDue(),
                        slaState(view, asOf, atRiskWindow)))
                .toList();
        List<DashboardAsOf.AgentLoad> agentLoads = agents.values().stream()
                .map(agent -> {
                    long[] load = loads.getOrDefault(agent.agentId(), new long[2]);
                    return new DashboardAsOf.AgentLoad(agent.agentId().toString(), agent.name(), agent.availability(),
                            agent.capacity(), load[0], load[1]);
                })
                .sorted(Comparator.comparing(DashboardAsOf.AgentLoad::name, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<DashboardAsOf.DayVolume> days = volume.entrySet().stream()
                .map(entry -> new DashboardAsOf.DayVolume(LocalDate.parse(entry.getKey()), entry.getValue()[0],
                        entry.getValue()[1]))
                .toList();
        return new DashboardAsOf.View(asOf, generatedAt, byStatus, byPriority, byQueue,
                new DashboardAsOf.Critical(critical.size(), shown),
                new DashboardAsOf.SlaFigures(atRisk, breached, atRiskWindow), agentLoads, days);
    }

    /** As the query side words it: breached (recorded, or a due time that still applies passed), at-risk, ok, none. */
    private static String slaState(Case view, Instant asOf, Duration atRiskWindow) {
        Instant next = view.nextDue();
        if (view.breachRecorded || next != null && next.isBefore(asOf)) {
            return "breached";
        }
        if (next == null) {
            return "none";
        }
        return next.isAfter(asOf.plus(atRiskWindow)) ? "ok" : "at-risk";
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static Map<String, Long> zeroes(Iterable<String> keys) {
        Map<String, Long> zeroes = new LinkedHashMap<>();
        keys.forEach(key -> zeroes.put(key, 0L));
        return zeroes;
    }
}
