package org.casestream.notification.rules;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who gets what, in PostgreSQL: the defaults come from the migration, admins change them. */
@Component
public class RuleBook {

    private final JdbcClient jdbc;

    public RuleBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<NotificationRule> all() {
        return jdbc.sql("SELECT trigger, audience, enabled, updated_at, updated_by FROM notification_rule "
                        + "ORDER BY trigger, audience")
                .query((rs, n) -> new NotificationRule(Trigger.of(rs.getString(1)), Audience.of(rs.getString(2)),
                        rs.getBoolean(3), rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
    }

    /** The audiences each trigger reaches, as the rules stand now. */
    public Map<Trigger, Set<Audience>> enabled() {
        Map<Trigger, Set<Audience>> enabled = new EnumMap<>(Trigger.class);
        jdbc.sql("SELECT trigger, audience FROM notification_rule WHERE enabled")
                .query((rs, n) -> Map.entry(Trigger.of(rs.getString(1)), Audience.of(rs.getString(2))))
                .list()
                .forEach(rule -> enabled.computeIfAbsent(rule.getKey(), t -> EnumSet.noneOf(Audience.class))
                        .add(rule.getValue()));
        return enabled;
    }

    public NotificationRule put(Trigger trigger, Audience audience, boolean enabled, String by) {
        jdbc.sql("INSERT INTO notification_rule (trigger, audience, enabled, updated_at, updated_by) "
                        + "VALUES (?, ?, ?, now(), ?) ON CONFLICT (trigger, audience) DO UPDATE "
                        + "SET enabled = EXCLUDED.enabled, updated_at = now(), updated_by = EXCLUDED.updated_by")
                .params(trigger.wire(), audience.wire(), enabled, by)
                .update();
        return all().stream().filter(rule -> rule.trigger() == trigger && rule.audience() == audience)
                .findFirst().orElseThrow();
    }
}
