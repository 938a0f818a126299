package org.casestream.command.queues;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.casestream.events.Queue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every queue there is, written in the same transaction as the queue's events: which keys and names are taken
 * (without letter case) and which queues are archived, so a command that names a queue is checked without folding
 * events.
 */
@Repository
public class QueueCatalogue {

    /** One queue as admins and the dashboard see it. */
    public record Entry(Queue queue, String name, boolean archived, boolean shipped) {

        public String key() {
            return queue.wire();
        }
    }

    private final JdbcClient jdbc;

    public QueueCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Entry> all() {
        return jdbc.sql("SELECT queue_key, name, archived, shipped FROM queue_catalogue").query(QueueCatalogue::entry)
                .list().stream().sorted((a, b) -> Queue.ORDER.compare(a.queue(), b.queue())).toList();
    }

    /** The queue whose key is {@code key} in any letter case. */
    public Optional<Entry> find(String key) {
        return jdbc.sql("SELECT queue_key, name, archived, shipped FROM queue_catalogue WHERE key_folded = ?")
                .param(key.toLowerCase(Locale.ROOT)).query(QueueCatalogue::entry).optional();
    }

    /** Claims the key and the name for a new queue; false when either is taken (as another's key or name). */
    public boolean claim(Queue queue, String name) {
        if (taken(queue.wire(), null) || taken(name, null)) {
            return false;
        }
        return jdbc.sql("""
                        INSERT INTO queue_catalogue (queue_key, key_folded, name, name_folded)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(queue.wire(), queue.folded(), name, fold(name)).update() == 1;
    }

    /** Renames; false when the name is another queue's key or name. */
    public boolean rename(Queue queue, String name) {
        if (taken(name, queue)) {
            return false;
        }
        return jdbc.sql("""
                        UPDATE queue_catalogue SET name = ?, name_folded = ? WHERE queue_key = ?
                        AND NOT EXISTS (SELECT 1 FROM queue_catalogue other
                                        WHERE other.queue_key <> ? AND other.name_folded = ?)""")
                .params(name, fold(name), queue.wire(), queue.wire(), fold(name)).update() == 1;
    }

    public void setArchived(Queue queue, boolean archived) {
        jdbc.sql("UPDATE queue_catalogue SET archived = ? WHERE queue_key = ?").params(archived, queue.wire()).update();
    }

    /** Whether {@code text} is the key or the name of a queue other than {@code except}. */
    private boolean taken(String text, Queue except) {
        return jdbc.sql("""
                        SELECT count(*) FROM queue_catalogue WHERE (key_folded = ? OR name_folded = ?)
                        AND queue_key <> ?""")
                .params(fold(text), fold(text), except == null ? "" : except.wire()).query(Long.class).single() > 0;
    }

    private static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(Queue.of(rs.getString("queue_key")), rs.getString("name"), rs.getBoolean("archived"),
                rs.getBoolean("shipped"));
    }
}
