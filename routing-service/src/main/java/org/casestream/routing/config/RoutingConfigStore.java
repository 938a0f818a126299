package org.casestream.routing.config;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Tier;
import org.casestream.events.queues.QueueArchived;
import org.casestream.events.queues.QueueCreated;
import org.casestream.events.queues.QueueEvent;
import org.casestream.events.queues.QueueRenamed;
import org.casestream.events.queues.QueueRestored;
import org.casestream.routing.classification.ClassificationRule;
import org.casestream.routing.classification.MatchKind;
import org.casestream.routing.priority.PriorityRule;
import org.casestream.routing.priority.PriorityRuleKind;
import org.casestream.routing.sla.SlaPolicy;
import org.casestream.routing.sla.SlaTerms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rules, SLA policies and calendars in the routing schema. Every write replaces a whole set (or one calendar)
 * and records before, after, who and when in {@code config_changes}, in the same transaction.
 */
@Repository
public class RoutingConfigStore {

    public record ConfigChange(long id, String kind, String item, Object before, Object after, String changedBy,
                               java.time.Instant changedAt) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public RoutingConfigStore(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public List<ClassificationRule> classificationRules() {
        return jdbc.sql("""
                        SELECT id, position, queue, kind, pattern, decisive
                        FROM routing.classification_rules ORDER BY position, id""")
                .query((rs, n) -> new ClassificationRule(rs.getLong("id"), rs.getInt("position"),
                        Queue.of(rs.getString("queue")), MatchKind.of(rs.getString("kind")), rs.getString("pattern"),
                        rs.getBoolean("decisive")))
                .list();
    }

    /** Whether the queue is archived; empty when there is no such queue (Unclassified is one that is not). */
    public Optional<Boolean> queueArchived(Queue queue) {
        return jdbc.sql("SELECT archived FROM routing.queues WHERE lower(queue_key) = lower(?)").param(queue.wire())
                .query(Boolean.class).optional();
    }

    public Set<Queue> archivedQueues() {
        return jdbc.sql("SELECT queue_key FROM routing.queues WHERE archived").query(String.class).list().stream()
                .map(Queue::of).collect(Collectors.toUnmodifiableSet());
    }

    /** Keeps the queue catalogue as the command service's events tell it; applying one again changes nothing. */
    public void apply(QueueEvent event) {
        switch (event) {
            case QueueCreated created -> jdbc.sql("""
                            INSERT INTO routing.queues (queue_key, name) VALUES (?, ?)
                            ON CONFLICT (queue_key) DO NOTHING""")
                    .params(created.queue().wire(), created.name()).update();
            case QueueRenamed renamed -> jdbc.sql("UPDATE routing.queues SET name = ? WHERE queue_key = ?")
                    .params(renamed.name(), renamed.queue().wire()).update();
            case QueueArchived archived -> jdbc.sql("UPDATE routing.queues SET archived = true WHERE queue_key = ?")
                    .param(archived.queue().wire()).update();
            case QueueRestored restored -> jdbc.sql("UPDATE routing.queues SET archived = false WHERE queue_key = ?")
                    .param(restored.queue().wire()).update();
        }
    }

    public List<PriorityRule> priorityRules() {
        return jdbc.sql("SELECT id, position, kind, pattern, priority FROM routing.priority_rules ORDER BY position, id")
                .query((rs, n) -> new PriorityRule(rs.getLong("id"), rs.getInt("position"),
                        PriorityRuleKind.of(rs.getString("kind")), rs.getString("pattern"),
                        Priority.of(rs.getString("priority"))))
                .list();
    }

    public List<SlaTerms> slaTerms() {
        return jdbc.sql("""
                        SELECT priority, tier, first_response_minutes, resolution_minutes, calendar
                        FROM routing.sla_policies ORDER BY priority, tier""")
                .query((rs, n) -> new SlaTerms(Priority.of(rs.getString("priority")), Tier.of(rs.getString("tier")),
                        Duration.ofMinutes(rs.getInt("first_response_minutes")),
                        Duration.ofMinutes(rs.getInt("resolution_minutes")), rs.getString("calendar")))
                .list();
    }

    public List<CalendarDocument> calendars() {
        return jdbc.sql("SELECT name, zone, weekly::text AS weekly, holidays::text AS holidays FROM routing.calendars ORDER BY name")
                .query((rs, n) -> new CalendarDocument(rs.getString("name"), rs.getString("zone"),
                        read(rs.getString("weekly"), new TypeReference<>() { }),
                        read(rs.getString("holidays"), new TypeReference<List<LocalDate>>() { })))
                .list();
    }

    public Optional<CalendarDocument> calendar(String name) {
        return calendars().stream().filter(calendar -> calendar.name().equals(name)).findFirst();
    }

    public SlaPolicy slaPolicy() {
        return new SlaPolicy(slaTerms(), calendars().stream().map(CalendarDocument::toCalendar).toList());
    }

    @Transactional
    public List<ClassificationRule> replaceClassificationRules(List<ClassificationRule> rules, String who) {
        List<ClassificationRule> before = classificationRules();
        jdbc.sql("DELETE FROM routing.classification_rules").update();
        for (ClassificationRule rule : rules) {
            jdbc.sql("""
                            INSERT INTO routing.classification_rules (position, queue, kind, pattern, decisive)
                            VALUES (?, ?, ?, ?, ?)""")
                    .params(rule.position(), rule.queue().wire(), rule.kind().wire(), rule.pattern(), rule.decisive())
                    .update();
        }
        List<ClassificationRule> after = classificationRules();
        recordChange("classification-rules", null, before, after, who);
        return after;
    }

    @Transactional
    public List<PriorityRule> replacePriorityRules(List<PriorityRule> rules, String who) {
        List<PriorityRule> before = priorityRules();
        jdbc.sql("DELETE FROM routing.priority_rules").update();
        for (PriorityRule rule : rules) {
            jdbc.sql("INSERT INTO routing.priority_rules (position, kind, pattern, priority) VALUES (?, ?, ?, ?)")
                    .params(rule.position(), rule.kind().wire(), rule.pattern(), rule.priority().wire()).update();
        }
        List<PriorityRule> after = priorityRules();
        recordChange("priority-rules", null, before, after, who);
        return after;
    }

    @Transactional
    public List<SlaTerms> replaceSlaTerms(List<SlaTerms> terms, String who) {
        List<SlaTerms> before = slaTerms();
        jdbc.sql("DELETE FROM routing.sla_policies").update();
        for (SlaTerms cell : terms) {
            jdbc.sql("""
                            INSERT INTO routing.sla_policies
                                (priority, tier, first_response_minutes, resolution_minutes, calendar)
                            VALUES (?, ?, ?, ?, ?)""")
                    .params(cell.priority().wire(), cell.tier().wire(), (int) cell.firstResponse().toMinutes(),
                            (int) cell.resolution().toMinutes(), cell.calendar())
                    .update();
        }
        List<SlaTerms> after = slaTerms();
        recordChange("sla-policies", null, before, after, who);
        return after;
    }

    @Transactional
    public CalendarDocument putCalendar(CalendarDocument calendar, String who) {
        Optional<CalendarDocument> before = calendar(calendar.name());
        jdbc.sql("""
                        INSERT INTO routing.calendars (name, zone, weekly, holidays) VALUES (?, ?, ?::jsonb, ?::jsonb)
                        ON CONFLICT (name) DO UPDATE SET zone = excluded.zone, weekly = excluded.weekly,
                                                         holidays = excluded.holidays""")
                .params(calendar.name(), calendar.zone(), write(calendar.weekly() == null ? Map.of() : calendar.weekly()),
                        write(calendar.holidays() == null ? List.of() : calendar.holidays()))
                .update();
        CalendarDocument after = calendar(calendar.name()).orElseThrow();
        recordChange("calendar", calendar.name(), before.orElse(null), after, who);
        return after;
    }

    public List<ConfigChange> changes(String kind, int limit) {
        return jdbc.sql("""
                        SELECT id, kind, item, before::text AS before, after::text AS after, changed_by, changed_at
                        FROM routing.config_changes WHERE (CAST(? AS text) IS NULL OR kind = ?)
                        ORDER BY id DESC LIMIT ?""")
                .params(kind, kind, limit)
                .query((rs, n) -> new ConfigChange(rs.getLong("id"), rs.getString("kind"), rs.getString("item"),
                        readTree(rs.getString("before")), readTree(rs.getString("after")), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    private void recordChange(String kind, String item, Object before, Object after, String who) {
        jdbc.sql("""
                        INSERT INTO routing.config_changes (kind, item, before, after, changed_by, changed_at)
                        VALUES (?, ?, ?::jsonb, ?::jsonb, ?, ?)""")
                .params(kind, item, before == null ? null : write(before), write(after), who,
                        java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write configuration as JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored configuration is not valid JSON", e);
        }
    }

    private Object readTree(String text) {
        if (text == null) {
            return null;
        }
        return read(text, new TypeReference<Object>() { });
    }
}
