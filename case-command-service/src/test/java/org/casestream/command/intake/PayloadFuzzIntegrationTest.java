package org.casestream.command.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.casestream.command.support.IntegrationTest;
import org.casestream.localstack.jwt.Role;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Intake and comment payloads as jqwik properties against the running service: valid payloads with fields
 * replaced by anything (edge-case strings with control and surrogate characters, 50,000-character strings, huge
 * and negative numbers, wrong types, nested structures), dropped or joined by unknown ones, and broken JSON.
 * Whatever arrives, the answer is never a 5xx, and a rejected request stores nothing: no event, no intake ledger
 * row. The seed is fixed, so a failure replays; jqwik shrinks it to a small payload first.
 */
class PayloadFuzzIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ConfigurableApplicationContext service;
    private static JdbcClient jdbc;
    private static String baseUrl;
    private static String caseId;
    private static String parentId;

    @BeforeContainer
    static void start() {
        service = IntegrationTest.startInstance(Map.of());
        jdbc = service.getBean(JdbcClient.class);
        baseUrl = "http://localhost:" + Instances.port(service);
        JsonNode opened = as(Role.CHANNEL).post().uri("/api/intake/tickets")
                .body(Map.of("customer", Map.of("name", "Ada", "email", "ada@example.com"), "subject", "Fuzzed"))
                .retrieve().body(JsonNode.class);
        caseId = opened.get("caseId").asText();
        parentId = as(Role.AGENT).post().uri("/api/cases/{id}/comments", caseId).body(Map.of("body", "First reply"))
                .retrieve().body(JsonNode.class).get("comments").get(0).get("commentId").asText();
    }

    @AfterContainer
    static void stop() {
        service.close();
    }

    private static RestClient as(Role role) {
        return Callers.as(baseUrl, role, "fuzz-" + role.claimValue());
    }

    @Property(tries = 250, seed = "20261206")
    void noIntakePayloadIsA5xxAndARejectedOneStoresNothing(@ForAll("tickets") String body) {
        long events = events();
        long rows = ledgerRows();

        ResponseEntity<String> answer = as(Role.CHANNEL).post().uri("/api/intake/tickets")
                .header("Content-Type", "application/json").body(body).retrieve().toEntity(String.class);

        judge(answer, () -> events() == events && ledgerRows() == rows);
    }

    @Property(tries = 250, seed = "20261206")
    void noCommentPayloadIsA5xxAndARejectedOneStoresNothing(@ForAll("comments") String body) {
        long events = events();

        ResponseEntity<String> answer = as(Role.AGENT).post().uri("/api/cases/{id}/comments", caseId)
                .header("Content-Type", "application/json").body(body).retrieve().toEntity(String.class);

        judge(answer, () -> events() == events);
    }

    /** Never a 5xx; a refusal stores nothing; and the payloads reach both sides of the door (coverage). */
    private static void judge(ResponseEntity<String> answer, BooleanSupplier nothingStored) {
        int status = answer.getStatusCode().value();
        Statistics.collect(status);
        Statistics.coverage(coverage -> {
            coverage.check(201).count(count -> count > 0);
            coverage.check(400).count(count -> count > 0);
        });
        assertThat(status).as(answer.getBody()).isLessThan(500);
        if (status >= 400) {
            assertThat(nothingStored.getAsBoolean()).as("a refused request stored something").isTrue();
        }
    }

    @Provide
    Arbitrary<String> tickets() {
        Map<String, Arbitrary<?>> fields = new LinkedHashMap<>();
        fields.put("customer", payload(Map.of(
                "name", Arbitraries.just("Ada Lovelace"),
                "email", Arbitraries.just("ada@example.com"),
                "tier", Arbitraries.of("gold", "standard", "platinum"))));
        fields.put("subject", Arbitraries.just("Cannot log in"));
        fields.put("description", Arbitraries.just("The reset mail never arrives"));
        fields.put("externalRef", Arbitraries.create(() -> "fuzz-" + UUID.randomUUID()));
        fields.put("priority", Arbitraries.of("high", "low"));
        fields.put("tags", Arbitraries.just(List.of("vip")));
        return asJson(payload(fields));
    }

    @Provide
    Arbitrary<String> comments() {
        Map<String, Arbitrary<?>> fields = new LinkedHashMap<>();
        fields.put("body", Arbitraries.just("We are on it"));
        fields.put("visibility", Arbitraries.of("public", "internal"));
        fields.put("parentId", Arbitraries.create(() -> parentId));
        fields.put("authorType", Arbitraries.just("agent"));
        fields.put("attachments", Arbitraries.just(List.of(Map.of("name", "log.txt", "contentType", "text/plain",
                "size", 12, "uri", "https://files.example/log.txt"))));
        return asJson(payload(fields));
    }

    /** Each field valid most of the time, else anything or absent; sometimes a field nobody knows. */
    private static Arbitrary<Map<String, Object>> payload(Map<String, Arbitrary<?>> valid) {
        List<Arbitrary<Map<String, Object>>> parts = new ArrayList<>();
        valid.forEach((field, value) -> parts.add(Arbitraries.frequencyOf(
                Tuple.of(7, value.map(v -> single(field, v))),
                Tuple.of(2, anything(2).map(v -> single(field, v))),
                Tuple.of(1, Arbitraries.just(Map.of())))));
        parts.add(Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Map.of())),
                Tuple.of(1, anything(1).map(v -> single("unknownField", v)))));
        return Combinators.combine(parts).as(maps -> {
            Map<String, Object> merged = new LinkedHashMap<>();
            maps.forEach(merged::putAll);
            return merged;
        });
    }

    private static Map<String, Object> single(String field, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(field, value);
        return one;
    }

    /** The payload as JSON, now and then cut short, broken, or not an object at all. */
    private static Arbitrary<String> asJson(Arbitrary<Map<String, Object>> payloads) {
        Arbitrary<String> json = payloads.map(PayloadFuzzIntegrationTest::write);
        return Arbitraries.frequencyOf(
                Tuple.of(16, json),
                Tuple.of(1, json.map(text -> text.substring(0, text.length() / 2))),
                Tuple.of(1, json.map(text -> text.replaceFirst(":", ""))),
                Tuple.of(1, anything(1).map(PayloadFuzzIntegrationTest::write)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(50)));
    }

    private static Arbitrary<Object> anything(int depth) {
        List<Arbitrary<?>> kinds = new ArrayList<>(List.of(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(20),
                Arbitraries.strings().withChars('a', '=', '<', '"', '\\', '\uD83D', '\uDE00').ofMinLength(50_001)
                        .ofMaxLength(50_050),
                Arbitraries.longs(), Arbitraries.doubles(), Arbitraries.of(true, false),
                Arbitraries.of("email", "web", "critical", "gold", "customer", "system", "CS-1001", "internal",
                        "public", "", " ", "null", "ada@example.com", UUID.randomUUID().toString())));
        if (depth > 0) {
            Arbitrary<Object> inner = anything(depth - 1);
            kinds.add(inner.list().ofMaxSize(25));
            kinds.add(Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(10), inner).ofMaxSize(5));
        }
        return Arbitraries.oneOf(kinds.stream().map(kind -> kind.map(value -> (Object) value)).toList())
                .injectNull(0.05);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException unwritable) {
            // a lone surrogate Jackson will not write: the raw text, as a careless client would send it
            return "{\"subject\":\"" + value + "\"}";
        }
    }

    private static long ledgerRows() {
        return jdbc.sql("SELECT count(*) FROM intake_request").query(Long.class).single();
    }

    private static long events() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}
