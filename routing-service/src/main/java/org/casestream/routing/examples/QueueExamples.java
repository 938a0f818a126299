package org.casestream.routing.examples;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.casestream.events.Queue;
import org.casestream.routing.classification.Example;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The examples that describe each queue in {@code routing.queue_examples}: shipped with the product and added by
 * admins. Removing one keeps its row with who and when, so a removed shipped example stays removed.
 */
@Repository
public class QueueExamples {

    /** An example as admins see it: where it came from, who added it, and whether it was removed. */
    public record Row(long id, Queue queue, String text, Example.Source source, String addedBy,
                      java.time.Instant addedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public QueueExamples(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The examples in use, oldest first; {@code queue} null for every queue. */
    public List<Row> current(Queue queue) {
        return jdbc.sql("""
                        SELECT id, queue, text, source, added_by, added_at FROM routing.queue_examples
                        WHERE removed_at IS NULL AND (CAST(? AS text) IS NULL OR queue = ?) ORDER BY id""")
                .params(queue == null ? null : queue.wire(), queue == null ? null : queue.wire())
                .query((rs, n) -> new Row(rs.getLong("id"), Queue.of(rs.getString("queue")), rs.getString("text"),
                        Example.Source.valueOf(rs.getString("source").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("added_by"), rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    public List<Example> examples() {
        return current(null).stream()
                .map(row -> new Example(String.valueOf(row.id()), row.queue(), row.source(), row.text()))
                .toList();
    }

    /**
     * Adds the example unless the same text is already an example of that queue (removed ones included: adding
     * a removed one back brings it back). Empty when it was already in use.
     */
    public Optional<Row> add(Queue queue, String text, Example.Source source, String who) {
        Timestamp now = Timestamp.from(clock.instant());
        int changed = jdbc.sql("""
                        INSERT INTO routing.queue_examples (queue, text, source, added_by, added_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (queue, md5(text)) DO UPDATE
                            SET removed_at = NULL, removed_by = NULL, added_by = excluded.added_by,
                                added_at = excluded.added_at
                            WHERE queue_examples.removed_at IS NOT NULL AND excluded.source = 'admin'""")
                .params(queue.wire(), text, source.wire(), who, now)
                .update();
        if (changed == 0) {
            return Optional.empty();
        }
        return current(queue).stream().filter(row -> row.text().equals(text)).findFirst();
    }

    /**
     * The shipped examples a release brings that this site has never had: added once, so a shipped example an
     * admin removed is not added back. Returns how many were new.
     */
    public int seedShipped(List<Example> shipped) {
        Timestamp now = Timestamp.from(clock.instant());
        int added = 0;
        for (Example example : shipped) {
            added += jdbc.sql("""
                            INSERT INTO routing.queue_examples (queue, text, source, added_by, added_at)
                            VALUES (?, ?, 'shipped', 'casestream', ?) ON CONFLICT (queue, md5(text)) DO NOTHING""")
                    .params(example.queue().wire(), example.text(), now)
                    .update();
        }
        return added;
    }

    /** False when there is no such example in use. */
    public boolean remove(long id, String who) {
        return jdbc.sql("""
                        UPDATE routing.queue_examples SET removed_at = ?, removed_by = ?
                        WHERE id = ? AND removed_at IS NULL""")
                .params(Timestamp.from(clock.instant()), who, id)
                .update() == 1;
    }

    /** A cheap stamp that changes whenever an example is added, removed or learnt, so a model is rebuilt then. */
    public String version() {
        return jdbc.sql("""
                        SELECT (SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || count(removed_at)
                                FROM routing.queue_examples)
                            || '/' || (SELECT count(*) || ':' || coalesce(max(added_at)::text, '')
                                       FROM routing.training_examples)""")
                .query(String.class).single();
    }
}
