package org.casestream.routing.process;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.casestream.events.Queue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The classifier's training set in {@code routing.training_examples}: the latest correction a person made to each
 * case's queue. The text is PII: it stays in the routing schema and out of logs.
 */
@Repository
public class TrainingSet {

    public record Example(Queue queue, String text) {
        @Override
        public String toString() {
            return "Example[" + queue + "]";
        }
    }

    private final JdbcClient jdbc;

    public TrainingSet(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(UUID caseId, Queue queue, String text, Instant at) {
        jdbc.sql("""
                        INSERT INTO routing.training_examples (case_id, queue, text, added_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (case_id) DO UPDATE SET queue = excluded.queue, added_at = excluded.added_at""")
                .params(caseId, queue.wire(), text, Timestamp.from(at)).update();
    }

    /** A cheap version stamp of the training set, so a cached model is rebuilt only after it changed. */
    public String version() {
        return jdbc.sql("SELECT count(*) || ':' || coalesce(max(added_at)::text, '') FROM routing.training_examples")
                .query(String.class).single();
    }

    public List<Example> examples() {
        return jdbc.sql("SELECT queue, text FROM routing.training_examples")
                .query((rs, n) -> new Example(Queue.of(rs.getString("queue")), rs.getString("text")))
                .list();
    }
}
