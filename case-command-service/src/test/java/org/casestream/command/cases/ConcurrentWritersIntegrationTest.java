package org.casestream.command.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.command.support.IntegrationTest;
import org.casestream.localstack.jwt.Role;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Two service instances write to one case at the same time. Each instance only locks the case within its own
 * JVM, so the event store's unique key is what catches the conflict; the conflicting command is retried, and
 * every comment ends up in the case exactly once.
 */
class ConcurrentWritersIntegrationTest extends IntegrationTest {

    @Test
    void twoInstancesWritingToOneCaseLoseNothing() throws Exception {
        try (ConfigurableApplicationContext second = startInstance(Map.of())) {
            String token = TestInfrastructure.token(Role.AGENT, "writer");
            RestClient first = Callers.client("http://localhost:" + port, token);
            RestClient other = Callers.client("http://localhost:" + Instances.port(second), token);
            String caseId = first.post().uri("/api/cases")
                    .body(Map.of("customer", Map.of("name", "Ada", "email", "ada@example.com"), "subject", "Busy",
                            "channel", "chat"))
                    .retrieve().body(JsonNode.class).get("caseId").asText();

            int writes = 40;
            List<Callable<ResponseEntity<JsonNode>>> comments = new ArrayList<>();
            for (int i = 0; i < writes; i++) {
                RestClient client = i % 2 == 0 ? first : other;
                String body = "note " + i;
                comments.add(() -> client.post().uri("/api/cases/{id}/comments", caseId)
                        .body(Map.of("body", body, "visibility", "internal")).retrieve().toEntity(JsonNode.class));
            }
            List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
            try (ExecutorService writers = Executors.newFixedThreadPool(16)) {
                for (Future<ResponseEntity<JsonNode>> answer : writers.invokeAll(comments)) {
                    answers.add(answer.get());
                }
            }

            assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED));
            JsonNode history = first.get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class);
            Set<String> bodies = new HashSet<>();
            List<Long> sequences = new ArrayList<>();
            history.forEach(entry -> {
                sequences.add(entry.get("sequence").asLong());
                if (entry.get("type").asText().equals("CommentAdded")) {
                    bodies.add(entry.get("data").get("body").asText());
                }
            });
            assertThat(bodies).hasSize(writes);
            assertThat(history).hasSize(writes + 1);
            assertThat(sequences).isSorted().doesNotHaveDuplicates();
            assertThat(sequences.getLast()).isEqualTo(writes);
        }
    }
}
