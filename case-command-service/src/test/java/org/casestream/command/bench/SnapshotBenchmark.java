package org.casestream.command.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.command.support.IntegrationTest;
import org.casestream.localstack.jwt.Role;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * What a command costs on a case with a long history, against one on a new case, with snapshots (every 200
 * events, the default) and without. Not part of the build (no *Test name); run it with
 * <pre>
 * ./mvnw -pl case-command-service test -Dtest=SnapshotBenchmark -Dbench.events=5000 -Dbench.rounds=200
 * </pre>
 * Each configuration gets an instance and a database of its own on the test PostgreSQL and Kafka. A case gets
 * {@code bench.events} comments over HTTP; then {@code bench.rounds} times, a comment goes to it and one to a new
 * case, each timed from request to answer. It prints p50, p90 and p99 of both and their ratio.
 */
class SnapshotBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotBenchmark.class);

    @Test
    void run() {
        int events = Integer.getInteger("bench.events", 5_000);
        int rounds = Integer.getInteger("bench.rounds", 200);
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, String> configuration : Map.of("snapshots every 200", "200",
                "no snapshots", String.valueOf(Integer.MAX_VALUE)).entrySet()) {
            Map<String, String> settings = new HashMap<>();
            settings.put("casestream.snapshots.every", configuration.getValue());
            settings.put("spring.datasource.url", TestInfrastructure.createDatabase("snapbench_"
                    + UUID.randomUUID().toString().substring(0, 8)));
            try (ConfigurableApplicationContext instance = IntegrationTest.startInstance(settings)) {
                RestClient agent = Callers.as("http://localhost:" + Instances.port(instance), Role.AGENT, "bench");
                String longCase = open(agent);
                long filling = System.nanoTime();
                for (int i = 0; i < events; i++) {
                    comment(agent, longCase);
                }
                double fillSeconds = (System.nanoTime() - filling) / 1e9;
                String newCase = open(agent);
                long[] onLong = new long[rounds];
                long[] onNew = new long[rounds];
                for (int i = 0; i < rounds; i++) {
                    onLong[i] = comment(agent, longCase);
                    onNew[i] = comment(agent, newCase);
                }
                report.add(String.format("%-20s fill %5d events %6.1f s (%5.0f/s) | on %d-event case p50 %5.1f p90 %5.1f p99 %5.1f ms"
                                + " | on new case p50 %5.1f p90 %5.1f p99 %5.1f ms | p50 ratio %.2f",
                        configuration.getKey(), events, fillSeconds, events / fillSeconds, events, ms(onLong, 50),
                        ms(onLong, 90), ms(onLong, 99), ms(onNew, 50), ms(onNew, 90), ms(onNew, 99),
                        ms(onLong, 50) / ms(onNew, 50)));
            }
        }
        report.forEach(line -> LOG.info("SNAPSHOT BENCHMARK {}", line));
    }

    private static String open(RestClient agent) {
        JsonNode opened = agent.post().uri("/api/cases").body(Map.of("customer", Map.of("name", "Ada",
                        "email", "ada@example.com"), "subject", "Long story", "description", "It goes on", "channel", "phone"))
                .retrieve().body(JsonNode.class);
        return opened.get("caseId").asText();
    }

    /** Adds a comment and returns how long the request took, in nanoseconds. */
    private static long comment(RestClient agent, String caseId) {
        long start = System.nanoTime();
        int status = agent.post().uri("/api/cases/{id}/comments", caseId).body(Map.of("body", "More of it"))
                .retrieve().toBodilessEntity().getStatusCode().value();
        long took = System.nanoTime() - start;
        if (status != 201) {
            throw new IllegalStateException("comment answered " + status);
        }
        return took;
    }

    private static double ms(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
