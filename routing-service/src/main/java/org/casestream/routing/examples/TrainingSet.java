package org.casestream.routing.examples;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.casestream.events.Queue;
import org.casestream.routing.classification.Example;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What people taught the classifier, in {@code routing.training_examples}: the latest re-queue a person made to
 * each case, with the case's text. Derived from the case events, so a rebuild from the log restores it. The text
 * is PII: it stays in the routing schema and out of logs and explanations.
 */
@Repository
public class TrainingSet {

    private final JdbcClient jdbc;

    public TrainingSet(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(UUID caseId, Queue queue, String text, Instant at) {
        jdbc.sql("""
                        INSERT INTO routing.training_examples (case_id, queue, text, added_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (case_id) DO UPDATE SET queue = excluded.queue, text = excluded.text,
                                                            added_at = excluded.added_at""")
                .params(caseId, queue.wire(), text, Timestamp.from(at)).update();
    }

    /** The learnt examples; an example's id is its case's. */
    public List<Example> examples() {
        return jdbc.sql("SELECT case_id, queue, text FROM routing.training_examples ORDER BY added_at, case_id")
                .query((rs, n) -> new Example(rs.getString("case_id"), Queue.of(rs.getString("queue")),
                        Example.Source.LEARNT, rs.getString("text")))
                .list();
    }
}
