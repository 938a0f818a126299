package org.casestream.support.pruning;

import java.time.Duration;
import java.util.Objects;

/**
 * One kind of bookkeeping row that a service deletes once it is older than its retention.
 *
 * @param table       the table the rows are deleted from; the {@code table} tag of {@code casestream.pruned}
 * @param retention   how long a row is kept; the rule's statement gets {@code now - retention} as {@code :cutoff}
 * @param deleteBatch one statement that deletes at most {@code :limit} rows older than {@code :cutoff}
 */
public record RetentionRule(String table, Duration retention, String deleteBatch) {

    public RetentionRule {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("a retention cannot be negative: " + table);
        }
        if (!deleteBatch.contains(":cutoff") || !deleteBatch.contains(":limit")) {
            throw new IllegalArgumentException("the statement must use :cutoff and :limit: " + table);
        }
    }

    /**
     * The rows of {@code table} that {@code condition} (which compares a timestamp with {@code :cutoff}) selects,
     * a batch at a time by their physical address: each batch is one short statement, so no lock is held for
     * long, and rows another pruner (another instance) is deleting right now are skipped rather than waited for.
     * A row that changed since it was selected is checked against the condition again before it goes.
     */
    public static RetentionRule rows(String table, String condition, Duration retention) {
        return new RetentionRule(table, retention, """
                DELETE FROM %1$s WHERE ctid = ANY (ARRAY(
                    SELECT ctid FROM %1$s WHERE %2$s LIMIT :limit FOR UPDATE SKIP LOCKED))""".formatted(table, condition));
    }
}
