package org.casestream.routing.similar;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each case's sentence embedding in {@code routing.case_vectors}: the row is made when routing learns of the case
 * (with its customer and when it opened), the vector added when the case is triaged.
 */
@Repository
public class CaseVectors {

    /** A case with its embedding and what a person needs to recognise it. */
    public record Candidate(UUID caseId, String caseNumber, String subject, String queue, String status,
                            String customerId, Instant openedAt, float[] vector) {
    }

    private final JdbcClient jdbc;

    public CaseVectors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void opened(UUID caseId, String customerId, Instant openedAt) {
        jdbc.sql("""
                        INSERT INTO routing.case_vectors (case_id, customer_id, opened_at) VALUES (?, ?, ?)
                        ON CONFLICT (case_id) DO NOTHING""")
                .params(caseId, customerId, Timestamp.from(openedAt))
                .update();
    }

    /** The case is another customer's now: it counts among their cases. */
    public void customerChanged(UUID caseId, String customerId) {
        jdbc.sql("UPDATE routing.case_vectors SET customer_id = ? WHERE case_id = ?").params(customerId, caseId).update();
    }

    public void embedded(UUID caseId, float[] vector) {
        jdbc.sql("UPDATE routing.case_vectors SET vector = ? WHERE case_id = ?").params(bytes(vector), caseId).update();
    }

    public Optional<Candidate> find(UUID caseId) {
        return jdbc.sql(SELECT + " WHERE v.case_id = ? AND v.vector IS NOT NULL")
                .param(caseId)
                .query(this::candidate)
                .optional();
    }

    /**
     * The cases to compare with, newest first: the open ones and those opened since {@code since}, at most
     * {@code limit}, the case itself left out.
     */
    public List<Candidate> candidates(UUID except, Instant since, int limit) {
        return jdbc.sql(SELECT + """
                         WHERE v.vector IS NOT NULL AND v.case_id <> ? AND (c.status <> 'done' OR v.opened_at >= ?)
                        ORDER BY v.opened_at DESC LIMIT ?""")
                .params(except, Timestamp.from(since), limit)
                .query(this::candidate)
                .list();
    }

    /** The customer's other cases opened between the two instants. */
    public List<Candidate> ofCustomer(String customerId, UUID except, Instant from, Instant to) {
        return jdbc.sql(SELECT + """
                         WHERE v.vector IS NOT NULL AND v.customer_id = ? AND v.case_id <> ?
                           AND v.opened_at BETWEEN ? AND ?
                        ORDER BY v.opened_at DESC LIMIT 100""")
                .params(customerId, except, Timestamp.from(from), Timestamp.from(to))
                .query(this::candidate)
                .list();
    }

    private static final String SELECT = """
            SELECT v.case_id, c.case_number, c.subject, c.queue, c.status, v.customer_id, v.opened_at, v.vector
            FROM routing.case_vectors v JOIN routing.cases c ON c.case_id = v.case_id""";

    private Candidate candidate(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Candidate(rs.getObject("case_id", UUID.class), rs.getString("case_number"), rs.getString("subject"),
                rs.getString("queue"), rs.getString("status"), rs.getString("customer_id"),
                rs.getTimestamp("opened_at").toInstant(), floats(rs.getBytes("vector")));
    }

    static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
