package org.casestream.query.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.casestream.events.AuthorType;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.DomainEvent;
import org.casestream.events.Tier;
import org.casestream.events.Visibility;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CommentAdded;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.localstack.jwt.Role;
import org.casestream.query.projection.GenerationConsumer;
import org.casestream.query.rebuild.Projections;
import org.casestream.query.support.QueryIntegrationTest;
import org.casestream.testkit.CaseEventsTopic;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * The giant: one case with {@code bench.comments} comments (10,000) of {@code bench.characters} characters
 * (50,000), 500 MB of thread, through the real topic into an instance of its own. Prints how long publishing and
 * projecting took, what a later event on that case costs (it reindexes the case: its latest comments up to the
 * search budget), and the latency of its detail, a page of its thread and a search. Not part of {@code verify}:
 * {@code ./mvnw -pl case-query-service test -Dtest=GiantCaseBenchmark -Dbench.comments=10000}.
 */
class GiantCaseBenchmark extends QueryIntegrationTest {

    private static final int CHUNK = 100;
    private static final int READS = 20;

    @Test
    void aCaseWithTenThousandLongCommentsProjectsAndReadsInBoundedTime() throws Exception {
        int comments = Integer.getInteger("bench.comments", 10_000);
        int characters = Integer.getInteger("bench.characters", 50_000);
        String topic = "giant-bench-" + UUID.randomUUID();
        String database = "giant_bench_" + UUID.randomUUID().toString().replace("-", "");
        try (ConfigurableApplicationContext instance = startInstance(database, topic, temporaryDirectory("giant-bench-"),
                Map.of())) {
            GenerationConsumer projection = instance.getBean(Projections.class).live();
            RestClient agent = Callers.as("http://localhost:" + Instances.port(instance), Role.AGENT);
            UUID caseId = UUID.randomUUID();
            Instant start = Instant.now().minus(Duration.ofDays(30));
            long[] sequence = {0};

            long publishStart = System.nanoTime();
            List<EventEnvelope> chunk = new ArrayList<>();
            chunk.add(envelope(start, sequence, new CaseOpened(caseId, "CS-BENCH-GIANT",
                    new Customer("bench", "Bench Customer", "bench@example.com", Tier.GOLD), "A thread without end",
                    "It goes on", Channel.EMAIL, null, null, null, List.of(), start)));
            for (int i = 0; i < comments; i++) {
                String head = "comment-" + i + " ";
                chunk.add(envelope(start, sequence, new CommentAdded(caseId, UUID.randomUUID(), null,
                        i % 2 == 0 ? AuthorType.CUSTOMER : AuthorType.AGENT, "author", "Author", Visibility.PUBLIC,
                        head + "x".repeat(Math.max(0, characters - head.length())), List.of())));
                if (chunk.size() == CHUNK) {
                    CaseEventsTopic.publishAll(topic, chunk);
                    chunk.clear();
                }
            }
            CaseEventsTopic.publishAll(topic, chunk);
            double published = seconds(publishStart);

            long projectStart = System.nanoTime();
            Awaitility.await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    agent.get().uri("/api/cases/{id}", caseId).retrieve().body(JsonNode.class).path("commentCount")
                            .asInt() == comments);
            double projected = seconds(projectStart);

            long laterStart = System.nanoTime();
            CaseEventsTopic.publishAll(topic, List.of(envelope(start, sequence,
                    new CaseStatusChanged(caseId, CaseStatus.IN_PROGRESS, CaseStatus.NEW))));
            Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() ->
                    agent.get().uri("/api/cases/{id}", caseId).retrieve().body(JsonNode.class).path("status").asText()
                            .equals("inprogress"));
            double later = seconds(laterStart) * 1000;

            long[] detail = time(() -> agent.get().uri("/api/cases/{id}", caseId).retrieve().body(JsonNode.class));
            long[] page = time(() -> agent.get().uri("/api/cases/{id}/comments?before={b}&limit=200", caseId,
                    comments / 2).retrieve().body(JsonNode.class));
            long[] search = time(() -> agent.get().uri("/api/cases?q={q}", (comments - 1) + " ").retrieve()
                    .body(JsonNode.class));
            assertThat(agent.get().uri("/api/cases?q={q}", (comments - 1) + " ").retrieve().body(JsonNode.class)
                    .path("total").asInt()).isEqualTo(1);

            System.out.printf("%nGiantCaseBenchmark: %,d comments of %,d characters (%,d MB of thread), %d cores%n",
                    comments, characters, (long) comments * characters / 1_000_000,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("  published in %.1f s; projected in %.1f s (%.0f comments/s)%n", published, projected,
                    comments / projected);
            System.out.printf("  a later event on the case applied and reindexed within %.0f ms%n", later);
            System.out.printf("  detail (latest 50): %s; a page of 200: %s; search: %s%n", ms(detail), ms(page), ms(search));
            System.out.printf("  projection lag at the end: %.0f%n", projection.lag());
        }
    }

    private static EventEnvelope envelope(Instant start, long[] sequence, DomainEvent event) {
        long next = sequence[0]++;
        return new EventEnvelope(UUID.randomUUID().toString(), start.plusSeconds(next), next, "bench", null, event);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long[] time(Runnable read) {
        long[] took = new long[READS];
        for (int i = 0; i < READS; i++) {
            long start = System.nanoTime();
            read.run();
            took[i] = System.nanoTime() - start;
        }
        Arrays.sort(took);
        return took;
    }

    private static String ms(long[] sorted) {
        return String.format("p50 %.1f ms, max %.1f ms", sorted[sorted.length / 2] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
