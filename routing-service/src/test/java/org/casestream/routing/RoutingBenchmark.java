package org.casestream.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.events.json.EventJson;
import org.casestream.routing.support.RoutingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test (surefire's default includes skip it): {@code ./mvnw -pl routing-service test -Dtest=RoutingBenchmark}.
 * 1,000 agents registered through the command service, 100,000 open cases already held by them in routing's
 * state (seeded in SQL: routing's queries run against that much state), then new cases opened through the real
 * command service's HTTP API; figures: cases routed per second end to end, and p50 / p99 from the case's
 * CaseOpened to its CaseAssigned, both instants taken from the event log.
 */
class RoutingBenchmark extends RoutingIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(RoutingBenchmark.class);

    private static final int AGENTS = Integer.getInteger("bench.agents", 1_000);
    private static final int OPEN_CASES = Integer.getInteger("bench.openCases", 100_000);
    private static final int NEW_CASES = Integer.getInteger("bench.newCases", 1_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final String[] QUEUES = {"Login", "Orders", "Deliveries", "Payments", "Refunds"};
    private static final String[][] TEXTS = {
            {"Cannot log in", "password reset mail never arrives"}, {"Cancel my order", "ordered the wrong size"},
            {"Where is my parcel", "tracking has not moved"}, {"Charged twice", "two debits on my card"},
            {"Refund please", "I returned the jacket"}};

    @Autowired
    private JdbcClient jdbc;

    @Test
    void routeNewCasesAmongAThousandAgentsAndAHundredThousandOpenCases() throws Exception {
        Random random = new Random(1);
        List<UUID> agents = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore concurrency = new Semaphore(CLIENTS);
            List<Future<?>> registering = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                String queue = QUEUES[i % QUEUES.length];
                int level = 1 + random.nextInt(5);
                registering.add(pool.submit(() -> {
                    concurrency.acquireUninterruptibly();
                    try {
                        UUID agent = registerAgent(Map.of(queue, level), 120);
                        setAvailability(agent, "online");
                        agents.add(agent);
                    } finally {
                        concurrency.release();
                    }
                }));
            }
            for (Future<?> future : registering) {
                future.get();
            }
        }
        await(Duration.ofMinutes(5), () -> assertThat(jdbc.sql(
                "SELECT count(*) FROM routing.agents WHERE availability = 'online' AND agent_id = ANY (?)")
                .param(agents.toArray(UUID[]::new)).query(Long.class).single()).isEqualTo(AGENTS));

        long seedStart = System.nanoTime();
        jdbc.sql("""
                        INSERT INTO routing.cases (case_id, case_number, queue, priority, priority_rank, tier, channel,
                            subject, description, status, assignee, opened_at, resolution_due, last_sequence)
                        SELECT gen_random_uuid(), 'SEED-' || n, a.skills_queue, 'medium', 2, 'standard', 'email',
                               'seeded', 'seeded', 'inprogress', a.agent_id, now() - interval '1 day',
                               now() + interval '1 day', 10
                        FROM generate_series(1, ?) AS n
                        JOIN (SELECT agent_id, (SELECT k FROM jsonb_object_keys(skills) AS k LIMIT 1) AS skills_queue,
                                     row_number() OVER (ORDER BY agent_id) - 1 AS slot
                              FROM routing.agents WHERE agent_id = ANY (?)) a ON a.slot = n % ?""")
                .params(OPEN_CASES, agents.toArray(UUID[]::new), AGENTS)
                .update();
        jdbc.sql("ANALYZE routing.cases").update();
        log.info("seeded {} open cases in {} ms", OPEN_CASES, (System.nanoTime() - seedStart) / 1_000_000);

        List<UUID> cases = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore concurrency = new Semaphore(CLIENTS);
            List<Future<?>> opening = new ArrayList<>();
            for (int i = 0; i < NEW_CASES; i++) {
                String[] text = TEXTS[i % TEXTS.length];
                opening.add(pool.submit(() -> {
                    concurrency.acquireUninterruptibly();
                    try {
                        cases.add(openCase(text[0], text[1], "standard", "web"));
                    } finally {
                        concurrency.release();
                    }
                }));
            }
            for (Future<?> future : opening) {
                future.get();
            }
        }
        double intakeSeconds = (System.nanoTime() - start) / 1e9;
        await(Duration.ofMinutes(20), () -> assertThat(jdbc.sql("""
                        SELECT count(DISTINCT case_id) FROM routing.decisions
                        WHERE case_id = ANY (?) AND kind IN ('assigned', 'waiting')""")
                .param(cases.toArray(UUID[]::new)).query(Long.class).single()).isEqualTo(NEW_CASES));
        double allRoutedSeconds = (System.nanoTime() - start) / 1e9;

        List<Long> latencies = new ArrayList<>();
        Instant firstOpened = Instant.MAX;
        Instant lastAssigned = Instant.MIN;
        for (UUID caseId : cases) {
            Instant opened = null;
            Instant assigned = null;
            for (JsonNode entry : history(caseId)) {
                String type = entry.get("type").asText();
                Instant at = Instant.parse(entry.get("at").asText());
                if (type.equals("CaseOpened")) {
                    opened = at;
                } else if (type.equals("CaseAssigned") && assigned == null) {
                    assigned = at;
                }
            }
            if (opened != null && assigned != null) {
                latencies.add(Duration.between(opened, assigned).toMillis());
                firstOpened = opened.isBefore(firstOpened) ? opened : firstOpened;
                lastAssigned = assigned.isAfter(lastAssigned) ? assigned : lastAssigned;
            }
        }
        Collections.sort(latencies);
        double routedPerSecond = latencies.size() / (Duration.between(firstOpened, lastAssigned).toMillis() / 1000.0);
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("agents", AGENTS);
        result.put("openCasesSeeded", OPEN_CASES);
        result.put("newCases", NEW_CASES);
        result.put("clients", CLIENTS);
        result.put("assigned", latencies.size());
        result.put("intakeSeconds", round(intakeSeconds));
        result.put("allRoutedSeconds", round(allRoutedSeconds));
        result.put("routedPerSecond", round(routedPerSecond));
        result.put("openedToAssignedP50Ms", percentile(latencies, 0.50));
        result.put("openedToAssignedP99Ms", percentile(latencies, 0.99));
        result.put("openedToAssignedMaxMs", latencies.getLast());
        log.info("routing benchmark: {}", result);
        Path out = Path.of("target", "routing-benchmark.json");
        Files.createDirectories(out.getParent());
        Files.write(out, EventJson.write(result));
        assertThat(latencies).hasSize(NEW_CASES);
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
