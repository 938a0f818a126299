package org.casestream.support.pruning;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes every {@link RetentionRule}'s rows once they are older than its retention, every
 * {@code casestream.pruning.interval}, {@code casestream.pruning.batch-size} rows per statement until none is
 * left. Each batch commits on its own, so a lock lasts one batch. Every instance of a service runs it; two at
 * once skip each other's rows and delete each row once. Counted in {@code casestream.pruned} by table; the log
 * says how many rows, never which.
 */
public class PruningJob {

    private static final Logger log = LoggerFactory.getLogger(PruningJob.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<RetentionRule> rules;
    private final int batchSize;
    private final Map<String, Counter> pruned = new LinkedHashMap<>();

    public PruningJob(JdbcClient jdbc, Clock clock, MeterRegistry meters, List<RetentionRule> rules, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = List.copyOf(rules);
        this.batchSize = batchSize;
        this.rules.forEach(rule -> pruned.computeIfAbsent(rule.table(), table -> Counter.builder("casestream.pruned")
                .description("Bookkeeping rows deleted after their retention").tag("table", table).register(meters)));
    }

    @Scheduled(fixedDelayString = "${casestream.pruning.interval}",
            initialDelayString = "${casestream.pruning.initial-delay}")
    public void run() {
        Map<String, Long> counts = prune();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total > 0) {
            log.info("Pruned {} rows past their retention: {}", total, counts);
        }
    }

    /**
     * Prunes every rule until nothing older than its retention is left; answers the rows deleted per table.
     * A rule that fails (the database away, say) is logged and missing from the answer; the others still run.
     */
    public Map<String, Long> prune() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (RetentionRule rule : rules) {
            try {
                counts.merge(rule.table(), prune(rule), Long::sum);
            } catch (RuntimeException e) {
                log.warn("Pruning {} failed; it is tried again next time: {}", rule.table(), Redacted.causes(e));
            }
        }
        return counts;
    }

    private long prune(RetentionRule rule) {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(rule.retention()));
        long deleted = 0;
        int batch;
        do {
            batch = jdbc.sql(rule.deleteBatch()).param("cutoff", cutoff).param("limit", batchSize).update();
            deleted += batch;
            pruned.get(rule.table()).increment(batch);
        } while (batch >= batchSize);
        return deleted;
    }
}
