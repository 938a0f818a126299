package org.casestream.command.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The intake requests seen within their retention, per channel, by Idempotency-Key and by external reference. The
 * unique constraints make the first of several concurrent retries the only one that claims a row; the others wait
 * for its transaction and then find its answer. Beside them, which channel owns each case it opened, kept for good.
 */
@Repository
public class IntakeLedger {

    record Entry(long id, String idempotencyKey, String requestHash, UUID caseId, String response) {
    }

    private final JdbcClient jdbc;

    IntakeLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the request and returns the claim's row id; empty when an earlier request with the same key or
     * reference, still within its retention, already did.
     */
    Optional<Long> claim(String channel, String idempotencyKey, String externalRef, String requestHash, UUID caseId) {
        return jdbc.sql("""
                        INSERT INTO intake_request (channel, idempotency_key, external_ref, request_hash, case_id)
                        VALUES (:channel, :key, :ref, :hash, :caseId)
                        ON CONFLICT DO NOTHING
                        RETURNING id""")
                .param("channel", channel).param("key", idempotencyKey).param("ref", externalRef)
                .param("hash", requestHash).param("caseId", caseId)
                .query(Long.class)
                .optional();
    }

    void recordResponse(long claim, String response) {
        jdbc.sql("UPDATE intake_request SET response = :response WHERE id = :id")
                .param("response", response).param("id", claim).update();
    }

    /** The channel opened this case and owns it, for as long as the case exists (never pruned). */
    void recordOwner(String channel, UUID caseId, String caseNumber, String externalRef, Instant openedAt) {
        jdbc.sql("""
                        INSERT INTO case_owner (case_id, channel, case_number, external_ref, opened_at)
                        VALUES (:caseId, :channel, :caseNumber, :ref, :openedAt)""")
                .param("caseId", caseId).param("channel", channel).param("caseNumber", caseNumber)
                .param("ref", externalRef).param("openedAt", Timestamp.from(openedAt)).update();
    }

    /**
     * The case a channel means, by its case number or by the channel's own reference, among the cases that this
     * channel opened: another channel's case, or one an agent opened, is as unknown as a case that does not exist.
     * A reference the channel used again after its intake request was pruned names the newest of its cases.
     */
    Optional<UUID> ownedCase(String channel, String caseNumber, String externalRef) {
        return jdbc.sql("""
                        SELECT case_id FROM case_owner
                        WHERE channel = :channel
                          AND (case_number = :caseNumber OR (CAST(:caseNumber AS VARCHAR) IS NULL AND external_ref = :ref))
                        ORDER BY opened_at DESC
                        LIMIT 1""")
                .param("channel", channel).param("caseNumber", caseNumber).param("ref", externalRef)
                .query(UUID.class).optional();
    }

    /** Whether the channel opened this case. */
    boolean owns(String channel, UUID caseId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM case_owner WHERE case_id = :caseId AND channel = :channel)")
                .param("caseId", caseId).param("channel", channel).query(Boolean.class).single();
    }

    /** The earlier request that holds this key or reference, the key's holder first. */
    Optional<Entry> find(String channel, String idempotencyKey, String externalRef) {
        return jdbc.sql("""
                        SELECT id, idempotency_key, request_hash, case_id, response FROM intake_request
                        WHERE channel = :channel AND (idempotency_key = :key OR external_ref = :ref)
                        ORDER BY (idempotency_key = :key) IS TRUE DESC, id
                        LIMIT 1""")
                .param("channel", channel).param("key", idempotencyKey).param("ref", externalRef)
                .query((row, index) -> new Entry(row.getLong("id"), row.getString("idempotency_key"),
                        row.getString("request_hash"), row.getObject("case_id", UUID.class),
                        row.getString("response")))
                .optional();
    }

    public String nextCaseNumber() {
        return "CS-" + jdbc.sql("SELECT nextval('case_number_seq')").query(Long.class).single();
    }
}
