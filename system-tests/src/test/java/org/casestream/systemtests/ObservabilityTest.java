package org.casestream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import org.casestream.systemtests.Customers.Customer;
import org.casestream.systemtests.GatewayClient.Anonymous;
import org.casestream.systemtests.OtlpReceiver.ReceivedSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What ops see of the running platform: one intake is one trace from the gateway through the command service,
 * Kafka, routing (and its commands back to the command service) to the read side and notifications, exported over
 * OTLP to the tests' own receiver; the services' log lines are JSON with the trace and correlation ids; Prometheus
 * scrapes each service's management port without a token while the app port refuses anonymous callers; readiness
 * names the servers each service needs.
 */
@ExtendWith(PlatformExtension.class)
class ObservabilityTest {

    private static final List<String> SERVICES = List.of("gateway", "case-command-service", "routing-service",
            "case-query-service", "notification-service");

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Opens a case through the gateway in a trace of the test's own (a caller's traceparent is continued). */
    private static JsonNode openCase(Platform platform, String traceId, String correlationId) {
        Customer customer = platform.customers().next("gold");
        return platform.gateway().post("/api/intake/tickets", platform.apiKey("web"), Map.of(
                        "customer", customer.body(),
                        "subject", "Cannot sign in since this morning",
                        "description", "The login page says my password is wrong, but I just reset it.",
                        "externalRef", "st-obs-" + UUID.randomUUID()),
                Map.of("Idempotency-Key", "st-" + UUID.randomUUID(), "X-Correlation-Id", correlationId,
                        "traceparent", "00-" + traceId + "-" + hex(8) + "-01"))
                .expect(201).json();
    }

    @Test
    void oneIntakeIsOneTraceFromTheGatewayThroughKafkaToRoutingTheReadSideAndNotifications(Platform platform) {
        String traceId = hex(16);
        platform.traces().watch(traceId);

        openCase(platform, traceId, "st-obs-" + UUID.randomUUID());

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<ReceivedSpan> spans = platform.traces().spans(traceId);
            assertThat(spans).extracting(ReceivedSpan::service).containsAll(SERVICES);
            // the caller's request at the gateway, and the gateway's call of the command service
            assertThat(kinds(spans, "gateway")).contains(SpanKind.SPAN_KIND_SERVER, SpanKind.SPAN_KIND_CLIENT);
            // the intake, and routing's commands (classify, priority, SLA targets, ...) that came back to it
            assertThat(spans).filteredOn(span -> span.service().equals("case-command-service")
                    && span.kind() == SpanKind.SPAN_KIND_SERVER).hasSizeGreaterThanOrEqualTo(2);
            // the publisher's send onto the topic, continued from the stored event
            assertThat(kinds(spans, "case-command-service")).contains(SpanKind.SPAN_KIND_PRODUCER);
            // routing read the event from Kafka in this trace, and called the command service in it
            assertThat(kinds(spans, "routing-service")).contains(SpanKind.SPAN_KIND_CONSUMER, SpanKind.SPAN_KIND_CLIENT);
            assertThat(kinds(spans, "case-query-service")).contains(SpanKind.SPAN_KIND_CONSUMER);
            assertThat(kinds(spans, "notification-service")).contains(SpanKind.SPAN_KIND_CONSUMER);
        });
    }

    private static List<SpanKind> kinds(List<ReceivedSpan> spans, String service) {
        return spans.stream().filter(span -> span.service().equals(service)).map(ReceivedSpan::kind).toList();
    }

    @Test
    void logLinesAreJsonWithTheTraceSpanAndCorrelationIds(Platform platform) throws IOException {
        String traceId = hex(16);
        String correlationId = "st-obs-" + UUID.randomUUID();
        String caseNumber = openCase(platform, traceId, correlationId).path("caseNumber").asText();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<LogLine> opened = lines("case-command-service", platform).stream()
                    .filter(line -> line.message().startsWith("Opened case " + caseNumber + " ")).toList();
            assertThat(opened).singleElement().satisfies(line -> {
                assertThat(line.isJson()).isTrue();
                assertThat(line.field("traceId")).isEqualTo(traceId);
                assertThat(line.field("spanId")).matches("[0-9a-f]{16}");
                assertThat(line.field("correlationId")).isEqualTo(correlationId);
                assertThat(line.level()).isEqualTo("INFO");
                assertThat(line.json().at("/service/name").asText()).isEqualTo("case-command-service");
            });
        });
        for (String service : SERVICES) {
            List<LogLine> lines = lines(service, platform);
            assertThat(lines).as(service + "'s log").isNotEmpty();
            // every line Spring Boot writes is a JSON object; what the JVM itself prints to the console is not
            assertThat(lines).as(service + "'s log lines").filteredOn(line -> !line.isJson())
                    .allSatisfy(line -> assertThat(line.text()).matches("(WARNING|OpenJDK|Picked up).*"));
        }
    }

    private static List<LogLine> lines(String service, Platform platform) throws IOException {
        try (Stream<String> lines = Files.lines(platform.logDirectory().resolve(service + ".log"), StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).map(LogLine::parse).toList();
        }
    }

    @Test
    void prometheusScrapesEachManagementPortWithoutATokenWhileTheAppPortRefusesAnonymousCallers(Platform platform) {
        openCase(platform, hex(16), "st-obs-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, String> scrapes = Map.of(
                    "gateway", platform.prometheus("gateway"),
                    "case-command-service", platform.prometheus("case-command-service"),
                    "routing-service", platform.prometheus("routing-service"),
                    "case-query-service", platform.prometheus("case-query-service"),
                    "notification-service", platform.prometheus("notification-service"));
            scrapes.forEach((service, scrape) -> assertThat(scrape).as(service).contains("jvm_memory_used_bytes"));
            // the intake's requests (their 5xx are the dashboard's error rate)
            assertThat(scrapes.get("gateway")).containsPattern("http_server_requests_seconds_count\\{");
            assertThat(scrapes.get("case-command-service"))
                    .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/intake/tickets\"");
            // Caffeine caches at the gateway (an API key was just looked up)
            assertThat(scrapes.get("gateway")).containsPattern("cache_gets_total\\{[^}]*cache=\"api-keys\"");
            // Axon's meters and the publisher's lag
            assertThat(scrapes.get("case-command-service")).contains("commandBus_successCounter_total",
                    "casestream_publisher_lag_events");
            // routing: its latency, its breaker and retries towards the command service, its consumer's lag
            assertThat(scrapes.get("routing-service")).contains("casestream_routing_latency_seconds_count",
                    "kafka_consumer_fetch_manager_records_lag")
                    .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"command-service\"")
                    .containsPattern("resilience4j_retry_calls_total\\{[^}]*name=\"command-service\"")
                    .containsPattern("casestream_events_lag_records\\{");
            assertThat(scrapes.get("case-query-service")).containsPattern("casestream_events_lag_records\\{");
            assertThat(scrapes.get("notification-service"))
                    .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"intake\"")
                    .containsPattern("casestream_events_lag_records\\{");
        });
        for (String service : SERVICES) {
            GatewayClient app = new GatewayClient(URI.create("http://localhost:" + platform.appPort(service)));
            assertThat(app.get("/actuator/prometheus", Anonymous.NONE).status()).as(service + "'s app port")
                    .isEqualTo(401);
            GatewayClient management = new GatewayClient(URI.create("http://localhost:" + platform.managementPort(service)));
            assertThat(management.get("/actuator/metrics", Anonymous.NONE).status())
                    .as(service + ": only the scrape is open on the management port").isEqualTo(401);
        }
    }

    @Test
    void readinessNamesTheServersEachServiceNeeds(Platform platform) {
        Map<String, List<String>> needs = Map.of(
                "gateway", List.of("db"),
                "case-command-service", List.of("db", "kafka"),
                "routing-service", List.of("db", "kafka"),
                "case-query-service", List.of("mongo", "kafka"),
                "notification-service", List.of("db", "kafka"));
        GatewayClient.Bearer ops = platform.person("ops");
        needs.forEach((service, servers) -> {
            GatewayClient management = new GatewayClient(URI.create("http://localhost:" + platform.managementPort(service)));
            JsonNode readiness = management.get("/actuator/health/readiness", ops).expect(200).json();
            assertThat(readiness.path("status").asText()).as(service).isEqualTo("UP");
            for (String server : servers) {
                assertThat(readiness.path("components").path(server).path("status").asText())
                        .as(service + " readiness: " + server).isEqualTo("UP");
            }
            assertThat(management.get("/actuator/health/readiness", Anonymous.NONE).expect(200).json().has("components"))
                    .as(service + ": components are for ops").isFalse();
        });
    }
}
