package org.casestream.support.pruning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The pruning job against a real PostgreSQL: what goes, what stays, in batches, with two pruners at once. */
class PruningJobIntegrationTest {

    private static JdbcClient jdbc;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void database() {
        TestInfrastructure.start();
        jdbc = JdbcClient.create(new DriverManagerDataSource(
                TestInfrastructure.createDatabase("pruning_job_it"), "postgres", ""));
    }

    @BeforeEach
    void table() {
        jdbc.sql("DROP TABLE IF EXISTS seen_message").update();
        jdbc.sql("CREATE TABLE seen_message (id BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, seen_at TIMESTAMPTZ NOT NULL)")
                .update();
    }

    private static void insert(int rows, String kind, Duration ago) {
        jdbc.sql("""
                        INSERT INTO seen_message (kind, seen_at)
                        SELECT :kind, now() - make_interval(secs => :ago) FROM generate_series(1, :rows)""")
                .param("kind", kind).param("ago", (double) ago.toSeconds()).param("rows", rows).update();
    }

    private static long count(String kind) {
        return jdbc.sql("SELECT count(*) FROM seen_message WHERE kind = ?").param(kind).query(Long.class).single();
    }

    private PruningJob job(int batchSize, RetentionRule... rules) {
        return new PruningJob(jdbc, Clock.systemUTC(), meters, List.of(rules), batchSize);
    }

    private static RetentionRule seenMessages(Duration retention) {
        return RetentionRule.rows("seen_message", "seen_at < :cutoff", retention);
    }

    @Test
    void deletesWhatIsOlderThanItsRetentionInBatchesAndKeepsTheRest() {
        insert(25, "old", Duration.ofDays(8));
        insert(5, "fresh", Duration.ofDays(6));

        Map<String, Long> pruned = job(10, seenMessages(Duration.ofDays(7))).prune();

        assertThat(count("old")).isZero();
        assertThat(count("fresh")).isEqualTo(5);
        assertThat(pruned).containsEntry("seen_message", 25L);
        assertThat(meters.get("casestream.pruned").tag("table", "seen_message").counter().count()).isEqualTo(25);
        assertThat(job(10, seenMessages(Duration.ofDays(7))).prune()).containsEntry("seen_message", 0L);
    }

    @Test
    void aConditionBeyondAgeKeepsRowsThatAreStillNeeded() {
        insert(3, "pending", Duration.ofDays(30));
        insert(4, "done", Duration.ofDays(30));

        job(100, RetentionRule.rows("seen_message", "kind = 'done' AND seen_at < :cutoff", Duration.ofDays(7)))
                .prune();

        assertThat(count("pending")).isEqualTo(3);
        assertThat(count("done")).isZero();
    }

    @Test
    void twoPrunersAtOnceDeleteEachRowOnceAndNeitherFails() throws Exception {
        insert(3_000, "old", Duration.ofDays(40));
        insert(10, "fresh", Duration.ofHours(1));
        PruningJob first = job(50, seenMessages(Duration.ofDays(30)));
        PruningJob second = job(50, seenMessages(Duration.ofDays(30)));

        List<Map<String, Long>> results = new ArrayList<>();
        try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
            List<Callable<Map<String, Long>>> runs = List.of(first::prune, second::prune);
            for (Future<Map<String, Long>> result : instances.invokeAll(runs)) {
                results.add(result.get());
            }
        }

        assertThat(count("old")).isZero();
        assertThat(count("fresh")).isEqualTo(10);
        assertThat(results).allSatisfy(result -> assertThat(result).containsKey("seen_message"));
        assertThat(results.stream().mapToLong(result -> result.get("seen_message")).sum()).isEqualTo(3_000);
    }

    @Test
    void aFailingRuleDoesNotStopTheOthers() {
        insert(2, "old", Duration.ofDays(8));

        Map<String, Long> pruned = job(10, RetentionRule.rows("no_such_table", "at < :cutoff", Duration.ofDays(1)),
                seenMessages(Duration.ofDays(7))).prune();

        assertThat(pruned).doesNotContainKey("no_such_table").containsEntry("seen_message", 2L);
        assertThat(count("old")).isZero();
    }
}
