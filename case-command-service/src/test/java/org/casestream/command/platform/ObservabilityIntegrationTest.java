package org.casestream.command.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.command.CaseCommandApplication;
import org.casestream.command.intake.IntakeService;
import org.casestream.localstack.jwt.Role;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * The service as ops see it, started as production starts it (tracing on, nothing exported): actuator on a
 * management port of its own, scraped without a token, while the app port keeps it to ops; and log lines (JSON
 * objects) that carry the request's trace and correlation ids, which the stored events keep for the publisher.
 */
class ObservabilityIntegrationTest {

    private static ConfigurableApplicationContext instance;
    private static String app;
    private static String management;

    @BeforeAll
    static void start() {
        instance = Instances.start(CaseCommandApplication.class, Instances.onTestInfrastructure(Map.of(
                "management.server.port", "0")));
        app = "http://localhost:" + Instances.port(instance);
        management = "http://localhost:" + instance.getEnvironment().getProperty("local.management.port");
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    private static RestClient anonymous(String base) {
        return RestClient.builder().baseUrl(base).defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    private static RestClient as(String base, Role role) {
        return Callers.as(base, role).mutate().defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    /** Opens a case through the intake, in the trace and with the correlation id given. */
    private static JsonNode openCase(String traceparent, String correlationId) {
        var created = Callers.as(app, Role.CHANNEL, "web-form").post().uri("/api/intake/tickets")
                .header("traceparent", traceparent)
                .header("X-Correlation-Id", correlationId)
                .body(Map.of("customer", Map.of("name", "Ada Lovelace", "email", "ada@example.com", "tier", "gold"),
                        "subject", "Cannot log in", "description", "The reset mail never arrives",
                        "externalRef", "obs-" + UUID.randomUUID()))
                .retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    private static String traceparent(String traceId, String spanId) {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    @Test
    void prometheusScrapesTheManagementPortWithoutATokenAndTheAppPortKeepsItToOps() {
        assertThat(management).isNotEqualTo(app);
        openCase(traceparent(HexFormat.of().formatHex(randomBytes(16)), HexFormat.of().formatHex(randomBytes(8))),
                "obs-" + UUID.randomUUID());
        var scrape = anonymous(management).get().uri("/actuator/prometheus").retrieve().toEntity(String.class);

        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape.getBody()).contains("casestream_publisher_lag_events", "jvm_memory_used_bytes",
                "http_server_requests_seconds");
        // Axon's message monitors (axon-micrometer, dimensional): the command bus, the event store, the processors
        assertThat(scrape.getBody()).containsPattern("(?m)^commandBus_successCounter_total\\{")
                .containsPattern("(?m)^eventStore_ingestedCounter_total\\{")
                .containsPattern("(?m)^eventProcessor_latency\\{[^}]*processorName=");
        assertThat(anonymous(app).get().uri("/actuator/prometheus").retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as(app, Role.OPS).get().uri("/actuator/prometheus").retrieve().toBodilessEntity().getStatusCode())
                .as("the app port serves no actuator endpoint once there is a management port")
                .isEqualTo(HttpStatus.NOT_FOUND);
        // only the scrape (and info) are open there: the rest of actuator stays for ops
        assertThat(anonymous(management).get().uri("/actuator/metrics").retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void readinessOnTheManagementPortReflectsPostgresqlAndKafka() {
        var readiness = as(management, Role.OPS).get().uri("/actuator/health/readiness").retrieve()
                .toEntity(JsonNode.class);

        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody().path("status").asText()).isEqualTo("UP");
        assertThat(readiness.getBody().path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(readiness.getBody().path("components").path("kafka").path("status").asText()).isEqualTo("UP");
        var anonymousReadiness = anonymous(management).get().uri("/actuator/health/readiness").retrieve()
                .toEntity(JsonNode.class);
        assertThat(anonymousReadiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymousReadiness.getBody().has("components")).as("components are for ops").isFalse();
    }

    /**
     * The JSON itself is Spring Boot's (the platform's log files are read as JSON by the system tests' LogScanTest and
     * ObservabilityTest); here: that the service asks for it, and that a request's line has the ids it needs.
     */
    @Test
    void anIntakeLogsALineWithItsTraceAndCorrelationIdsAndItsEventKeepsTheTrace() {
        assertThat(instance.getEnvironment().getProperty("logging.structured.format.console")).isEqualTo("ecs");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Logger intake = (Logger) LoggerFactory.getLogger(IntakeService.class);
        intake.addAppender(lines);
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String parentSpan = HexFormat.of().formatHex(randomBytes(8));
        String correlationId = "obs-" + UUID.randomUUID();

        JsonNode created = openCase(traceparent(traceId, parentSpan), correlationId);
        String caseNumber = created.path("caseNumber").asText();
        String caseId = created.path("caseId").asText();

        intake.detachAppender(lines);

        List<ILoggingEvent> opened = lines.list.stream()
                .filter(line -> line.getFormattedMessage().startsWith("Opened case " + caseNumber + " ")).toList();
        assertThat(opened).singleElement().satisfies(line -> {
            Map<String, String> mdc = line.getMDCPropertyMap();
            assertThat(mdc.get("traceId")).isEqualTo(traceId);
            assertThat(mdc.get("spanId")).matches("[0-9a-f]{16}").isNotEqualTo(parentSpan);
            assertThat(mdc.get("correlationId")).isEqualTo(correlationId);
            assertThat(line.getFormattedMessage()).doesNotContain("Ada", "Lovelace", "ada@example.com", "reset mail");
        });
        // the publisher sends the event later, from its own thread: the stored event carries the trace there
        String metaData = instance.getBean(JdbcClient.class)
                .sql("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(caseId).query(String.class).single();
        assertThat(metaData).contains("\"traceparent\"", traceId);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

}
