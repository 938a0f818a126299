package org.casestream.routing.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.casestream.command.CaseCommandApplication;
import org.casestream.localstack.jwt.Role;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.casestream.testkit.Ports;
import org.casestream.testkit.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The routing service on a random port, on the real PostgreSQL and Kafka of {@link TestInfrastructure}, talking
 * to the real command service, which this base starts once per test JVM in its own database on a fixed free port
 * (so a test can stop it and start it again where routing expects it). Every test class shares both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RoutingTokens.class)
public abstract class RoutingIntegrationTest {

    private static int commandPort;
    private static String commandDatabase;
    private static ConfigurableApplicationContext commandService;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        startCommandService();
        TestInfrastructure.serviceProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("casestream.routing.commands.base-url", () -> "http://localhost:" + commandPort);
        registry.add("casestream.routing.commands.initial-backoff", () -> "50ms");
        registry.add("casestream.routing.commands.token-source", () -> "test");
        registry.add("casestream.routing.timer-poll-interval", () -> "200ms");
    }

    /** Starts the command service (again) on its port; idempotent while it runs. */
    protected static synchronized void startCommandService() {
        if (commandService != null && commandService.isActive()) {
            return;
        }
        if (commandDatabase == null) {
            commandDatabase = TestInfrastructure.createDatabase("routing_it_commands");
            commandPort = Ports.free();
        }
        commandService = Instances.start(CaseCommandApplication.class, Instances.onTestInfrastructure(Map.of(
                // both services have an application.yml at the classpath root: name the command service's own
                "spring.config.location", commandServiceConfig(),
                "server.port", String.valueOf(commandPort),
                "spring.datasource.url", commandDatabase,
                "spring.jmx.enabled", "false")));
    }

    private static String commandServiceConfig() {
        try {
            return Collections.list(RoutingIntegrationTest.class.getClassLoader().getResources("application.yml"))
                    .stream().map(URL::toString).filter(url -> url.contains("case-command-service"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no command service application.yml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static synchronized void stopCommandService() {
        if (commandService != null) {
            commandService.close();
            commandService = null;
        }
    }

    // ---- clients

    protected static RestClient commands(Role role, String user) {
        return Callers.as("http://localhost:" + commandPort, role, user);
    }

    protected RestClient routing(Role role, String user) {
        return Callers.as("http://localhost:" + port, role, user);
    }

    // ---- the command side, as people use it

    protected static UUID registerAgent(Map<String, Integer> skills, int capacity) {
        List<Map<String, Object>> skillList = new ArrayList<>();
        skills.forEach((queue, level) -> skillList.add(Map.of("queue", queue, "level", level)));
        String name = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<JsonNode> created = commands(Role.ADMIN, "admin").post().uri("/api/agents")
                .body(Map.of("name", name, "email", name + "@example.com", "skills", skillList, "capacity", capacity))
                .retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).as("register agent: %s", created.getBody()).isEqualTo(201);
        return UUID.fromString(created.getBody().get("agentId").asText());
    }

    protected static void setAvailability(UUID agentId, String availability) {
        ResponseEntity<JsonNode> answer = commands(Role.LEAD, "lead").put().uri("/api/agents/{id}/availability", agentId)
                .body(Map.of("availability", availability)).retrieve().toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().value()).as("availability: %s", answer.getBody()).isEqualTo(200);
    }

    /** A case of a customer of that tier (a customer's tier is their record's: one address per tier here). */
    protected static UUID openCase(String subject, String description, String tier, String channel) {
        return openCase(subject, description, tier, channel, "ada-" + tier + "@example.com");
    }

    protected static UUID openCase(String subject, String description, String tier, String channel, String email) {
        ResponseEntity<JsonNode> created = commands(Role.AGENT, "opener").post().uri("/api/cases")
                .body(Map.of("customer", Map.of("name", "Ada Lovelace", "email", email, "tier", tier),
                        "subject", subject, "description", description, "channel", channel))
                .retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).as("open case: %s", created.getBody()).isEqualTo(201);
        return UUID.fromString(created.getBody().get("caseId").asText());
    }

    protected static JsonNode caseView(UUID caseId) {
        return commands(Role.LEAD, "reader").get().uri("/api/cases/{id}", caseId).retrieve().body(JsonNode.class);
    }

    /** The case's events, by type name. */
    protected static List<JsonNode> history(UUID caseId) {
        JsonNode entries = commands(Role.LEAD, "reader").get().uri("/api/cases/{id}/history", caseId)
                .retrieve().body(JsonNode.class);
        List<JsonNode> list = new ArrayList<>();
        entries.forEach(list::add);
        return list;
    }

    protected static long count(List<JsonNode> history, String type) {
        return history.stream().filter(entry -> entry.get("type").asText().equals(type)).count();
    }

    protected static void await(Duration timeout, Runnable assertion) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).untilAsserted(assertion::run);
    }
}
