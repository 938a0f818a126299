package org.casestream.routing.process;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casestream.events.Availability;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Skill;
import org.casestream.events.SlaTarget;
import org.casestream.events.Tier;
import org.casestream.routing.assignment.AgentState;
import org.casestream.routing.assignment.OpenCase;
import org.casestream.routing.decider.RoutedCase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Routing's state in PostgreSQL: agents, cases, SLA timers and the decisions log. */
@Repository
public class RoutingStore {

    /** One lock for every routing decision, across instances: two decisions never plan on the same loads. */
    private static final long DECISION_LOCK = 0x726f7574696e67L;

    public record DueTimer(UUID caseId, SlaTarget target, Instant dueAt) {
    }

    public record Decision(Instant at, String kind, Object detail) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public RoutingStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Taken first in every decision's transaction, released at its commit or rollback. */
    public void lockDecisions() {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS locked").param(DECISION_LOCK).query(Integer.class).single();
    }

    // ---- cases

    public Optional<RoutedCase> findCase(UUID caseId) {
        return jdbc.sql("SELECT * FROM routing.cases WHERE case_id = ?").param(caseId).query(this::routedCase).optional();
    }

    public void insertCase(RoutedCase c) {
        jdbc.sql("""
                        INSERT INTO routing.cases (case_id, case_number, queue, priority, priority_rank, tier, channel,
                            subject, description, status, assignee, manual, opened_at, last_sequence)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING""")
                .params(c.caseId(), c.caseNumber(), c.queue().wire(), c.priority().wire(), c.priority().ordinal(),
                        c.tier().wire(), c.channel().wire(), c.subject(), c.description(), c.status().wire(),
                        c.assignee(), c.manual(), ts(c.openedAt()), c.lastSequence())
                .update();
    }

    public void setSequence(UUID caseId, long sequence) {
        jdbc.sql("UPDATE routing.cases SET last_sequence = greatest(last_sequence, ?) WHERE case_id = ?")
                .params(sequence, caseId).update();
    }

    public void setQueue(UUID caseId, Queue queue) {
        jdbc.sql("UPDATE routing.cases SET queue = ? WHERE case_id = ?").params(queue.wire(), caseId).update();
    }

    /** A corrected subject: what a queue move teaches the classifier from now on. */
    public void setSubject(UUID caseId, String subject) {
        jdbc.sql("UPDATE routing.cases SET subject = ? WHERE case_id = ?").params(subject, caseId).update();
    }

    /** The tier of the customer the case was moved to. */
    public void setTier(UUID caseId, Tier tier) {
        jdbc.sql("UPDATE routing.cases SET tier = ? WHERE case_id = ?").params(tier.wire(), caseId).update();
    }

    public void setPriority(UUID caseId, Priority priority) {
        jdbc.sql("UPDATE routing.cases SET priority = ?, priority_rank = ? WHERE case_id = ?")
                .params(priority.wire(), priority.ordinal(), caseId).update();
    }

    public void setSla(UUID caseId, Instant firstResponseDue, Instant resolutionDue, String policy) {
        jdbc.sql("UPDATE routing.cases SET first_response_due = ?, resolution_due = ?, sla_policy = ? WHERE case_id = ?")
                .params(ts(firstResponseDue), ts(resolutionDue), policy, caseId).update();
        if (firstResponseDue != null) {
            armTimer(caseId, SlaTarget.FIRST_RESPONSE, firstResponseDue);
        }
        armTimer(caseId, SlaTarget.RESOLUTION, resolutionDue);
    }

    public void setAssignee(UUID caseId, UUID assignee, boolean manual) {
        jdbc.sql("UPDATE routing.cases SET assignee = ?, manual = ? WHERE case_id = ?")
                .params(assignee, manual, caseId).update();
    }

    public void setStatus(UUID caseId, CaseStatus status) {
        jdbc.sql("UPDATE routing.cases SET status = ? WHERE case_id = ?").params(status.wire(), caseId).update();
        if (status == CaseStatus.DONE) {
            jdbc.sql("UPDATE routing.sla_timers SET cancelled = true WHERE case_id = ? AND fired_at IS NULL")
                    .param(caseId).update();
        }
    }

    public void setEscalationLevel(UUID caseId, int level) {
        jdbc.sql("UPDATE routing.cases SET escalation_level = greatest(escalation_level, ?) WHERE case_id = ?")
                .params(level, caseId).update();
    }

    /** Open cases held by an agent. */
    public List<OpenCase> openCasesOf(UUID agentId) {
        return jdbc.sql("SELECT * FROM routing.cases WHERE assignee = ? AND status <> 'done'")
                .param(agentId).query(this::routedCase).list().stream().map(RoutedCase::toOpenCase).toList();
    }

    /** The head of the waiting line in the given queues, in waiting order. */
    public List<OpenCase> waiting(Collection<Queue> queues, int limit) {
        if (queues.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT * FROM routing.cases
                        WHERE assignee IS NULL AND status <> 'done' AND queue = ANY (?)
                        ORDER BY priority_rank, resolution_due NULLS LAST, opened_at LIMIT ?""")
                .params(queues.stream().map(Queue::wire).toArray(String[]::new), limit)
                .query(this::routedCase).list().stream().map(RoutedCase::toOpenCase).toList();
    }

    // ---- agents

    public long agentSequence(UUID agentId) {
        return jdbc.sql("SELECT last_sequence FROM routing.agents WHERE agent_id = ?").param(agentId)
                .query(Long.class).optional().orElse(-1L);
    }

    public void upsertAgent(UUID agentId, Availability availability, int capacity, List<Skill> skills, long sequence) {
        jdbc.sql("""
                        INSERT INTO routing.agents (agent_id, availability, capacity, skills, last_sequence)
                        VALUES (?, ?, ?, ?::jsonb, ?)
                        ON CONFLICT (agent_id) DO UPDATE SET availability = coalesce(?, routing.agents.availability),
                            capacity = excluded.capacity, skills = excluded.skills, last_sequence = excluded.last_sequence""")
                .params(agentId, availability == null ? Availability.OFFLINE.wire() : availability.wire(), capacity,
                        write(skillMap(skills)), sequence, availability == null ? null : availability.wire())
                .update();
    }

    public void setAvailability(UUID agentId, Availability availability, long sequence) {
        jdbc.sql("UPDATE routing.agents SET availability = ?, last_sequence = ? WHERE agent_id = ?")
                .params(availability.wire(), sequence, agentId).update();
    }

    public void touchAssigned(UUID agentId, Instant at) {
        jdbc.sql("UPDATE routing.agents SET last_assigned_at = ? WHERE agent_id = ?").params(ts(at), agentId).update();
    }

    public Optional<AgentState> agent(UUID agentId) {
        return jdbc.sql(AGENTS_WITH_LOAD + " WHERE a.agent_id = ?").param(agentId).query(this::agentState).optional();
    }

    /** Every online agent with their current open load: the roster one decision plans on. */
    public List<AgentState> onlineAgents() {
        return jdbc.sql(AGENTS_WITH_LOAD + " WHERE a.availability = 'online'").query(this::agentState).list();
    }

    private static final String AGENTS_WITH_LOAD = """
            SELECT a.agent_id, a.availability, a.capacity, a.skills::text AS skills, a.last_assigned_at,
                   (SELECT count(*) FROM routing.cases c WHERE c.assignee = a.agent_id AND c.status <> 'done') AS load
            FROM routing.agents a""";

    // ---- SLA timers

    /** Arms (or moves) a timer; one that already fired stays fired: a target is breached once. */
    private void armTimer(UUID caseId, SlaTarget target, Instant dueAt) {
        jdbc.sql("""
                        INSERT INTO routing.sla_timers (case_id, target, due_at) VALUES (?, ?, ?)
                        ON CONFLICT (case_id, target) DO UPDATE SET due_at = excluded.due_at
                        WHERE routing.sla_timers.fired_at IS NULL AND NOT routing.sla_timers.cancelled""")
                .params(caseId, target.wire(), ts(dueAt)).update();
    }

    public void cancelTimer(UUID caseId, SlaTarget target) {
        jdbc.sql("UPDATE routing.sla_timers SET cancelled = true WHERE case_id = ? AND target = ? AND fired_at IS NULL")
                .params(caseId, target.wire()).update();
    }

    public List<DueTimer> dueTimers(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT case_id, target, due_at FROM routing.sla_timers
                        WHERE fired_at IS NULL AND NOT cancelled AND due_at <= ?
                        ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(ts(now), limit)
                .query((rs, n) -> new DueTimer(rs.getObject("case_id", UUID.class), SlaTarget.of(rs.getString("target")),
                        rs.getTimestamp("due_at").toInstant()))
                .list();
    }

    public void markFired(UUID caseId, SlaTarget target, Instant at) {
        jdbc.sql("UPDATE routing.sla_timers SET fired_at = coalesce(fired_at, ?) WHERE case_id = ? AND target = ?")
                .params(ts(at), caseId, target.wire()).update();
    }

    // ---- decisions

    public void recordDecision(UUID caseId, Instant at, String kind, Map<String, Object> detail) {
        jdbc.sql("INSERT INTO routing.decisions (case_id, at, kind, detail) VALUES (?, ?, ?, ?::jsonb)")
                .params(caseId, ts(at), kind, write(detail)).update();
    }

    public List<Decision> decisions(UUID caseId) {
        return jdbc.sql("SELECT at, kind, detail::text AS detail FROM routing.decisions WHERE case_id = ? ORDER BY id")
                .param(caseId)
                .query((rs, n) -> new Decision(rs.getTimestamp("at").toInstant(), rs.getString("kind"),
                        read(rs.getString("detail"), new TypeReference<Map<String, Object>>() { })))
                .list();
    }

    // ---- mapping

    private RoutedCase routedCase(ResultSet rs, int row) throws SQLException {
        return new RoutedCase(rs.getObject("case_id", UUID.class), rs.getString("case_number"),
                Queue.of(rs.getString("queue")), Priority.of(rs.getString("priority")), Tier.of(rs.getString("tier")),
                Channel.of(rs.getString("channel")), rs.getString("subject"), rs.getString("description"),
                CaseStatus.of(rs.getString("status")), rs.getObject("assignee", UUID.class), rs.getBoolean("manual"),
                instant(rs, "opened_at"), instant(rs, "first_response_due"), instant(rs, "resolution_due"),
                rs.getString("sla_policy"), rs.getInt("escalation_level"), rs.getLong("last_sequence"));
    }

    private AgentState agentState(ResultSet rs, int row) throws SQLException {
        Map<String, Integer> skills = read(rs.getString("skills"), new TypeReference<>() { });
        Map<Queue, Integer> levels = new TreeMap<>(Queue.ORDER);
        skills.forEach((queue, level) -> levels.put(Queue.of(queue), level));
        return new AgentState(rs.getObject("agent_id", UUID.class), Availability.of(rs.getString("availability")),
                levels, rs.getInt("capacity"), rs.getInt("load"), instant(rs, "last_assigned_at"));
    }

    private static Map<String, Integer> skillMap(List<Skill> skills) {
        Map<String, Integer> map = new java.util.TreeMap<>();
        skills.forEach(skill -> map.put(skill.queue().wire(), skill.level()));
        return map;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not valid", e);
        }
    }
}
