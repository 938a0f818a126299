package org.casestream.command.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.casestream.command.support.IntegrationTest;
import org.casestream.localstack.jwt.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * Intake and comment payloads, mutated at random from valid ones (jqwik generates the values: edge-case strings
 * with control and surrogate characters, huge and negative numbers, wrong types, nested structures, unknown and
 * missing fields, broken JSON). Whatever arrives, the answer is never a 5xx, and a rejected request stores
 * nothing: no event, no intake ledger row. The seed is fixed, so a failure replays.
 */
class PayloadFuzzIntegrationTest extends IntegrationTest {

    private static final int SAMPLES = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Random random = new Random(20261206);
    private final Arbitrary<Object> anyValue = anyValue(2);

    private static Arbitrary<Object> anyValue(int depth) {
        List<Arbitrary<?>> kinds = new ArrayList<>(List.of(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(20),
                Arbitraries.strings().ascii().ofMinLength(50_001).ofMaxLength(50_100),
                Arbitraries.strings().withChars('\uD800', '\uDFFF', 'a', '=', '<', '"', '\\').ofMaxLength(40),
                Arbitraries.longs(), Arbitraries.doubles(), Arbitraries.of(true, false),
                Arbitraries.just(null), Arbitraries.of("email", "web", "critical", "gold", "customer", "system",
                        "CS-1001", "internal", "public", "", " ", "null", "ada@example.com")));
        if (depth > 0) {
            Arbitrary<Object> inner = anyValue(depth - 1);
            kinds.add(inner.list().ofMaxSize(25));
            kinds.add(Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(10), inner).ofMaxSize(5));
        }
        return Arbitraries.oneOf(kinds.stream().map(kind -> kind.map(value -> (Object) value)).toList());
    }

    private Object sample(Arbitrary<?> arbitrary) {
        return arbitrary.generator(1000).next(random).value();
    }

    /** A valid payload with some of its fields, at any depth, replaced, dropped or joined by unknown ones. */
    @SuppressWarnings("unchecked")
    private Object mutate(Map<String, Object> valid) {
        Map<String, Object> payload = new LinkedHashMap<>();
        valid.forEach((field, value) -> {
            int dice = random.nextInt(10);
            if (dice == 0) {
                return;
            }
            if (dice <= 2) {
                payload.put(field, sample(anyValue));
            } else if (value instanceof Map<?, ?> nested && dice == 3) {
                payload.put(field, mutate((Map<String, Object>) nested));
            } else {
                payload.put(field, value);
            }
        });
        if (random.nextInt(5) == 0) {
            payload.put("x" + random.nextInt(100), sample(anyValue));
        }
        return payload;
    }

    private String body(Map<String, Object> valid) throws Exception {
        String json;
        try {
            json = JSON.writeValueAsString(mutate(valid));
        } catch (com.fasterxml.jackson.core.JsonProcessingException unwritable) {
            // a lone surrogate Jackson will not write: send the raw text, as a careless client would
            json = "{\"subject\":\"" + sample(anyValue) + "\"}";
        }
        return switch (random.nextInt(20)) {
            case 0 -> json.substring(0, random.nextInt(json.length()));           // cut short
            case 1 -> json.replaceFirst(":", "");                                   // not JSON
            case 2 -> String.valueOf(sample(anyValue));                             // not even an object
            default -> json;
        };
    }

    private long intakeRows() {
        return jdbc.sql("SELECT count(*) FROM intake_request").query(Long.class).single();
    }

    @Test
    void noIntakePayloadIsA5xxAndARejectedOneStoresNothing() throws Exception {
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < SAMPLES; i++) {
            Map<String, Object> valid = new LinkedHashMap<>();
            valid.put("customer", new LinkedHashMap<>(Map.of("name", "Ada Lovelace", "email", "ada@example.com",
                    "tier", "gold")));
            valid.put("subject", "Cannot log in");
            valid.put("description", "The reset mail never arrives");
            valid.put("externalRef", "fuzz-" + UUID.randomUUID());
            valid.put("priority", "high");
            valid.put("tags", List.of("vip"));
            String body = body(valid);
            long events = eventCount();
            long rows = intakeRows();

            ResponseEntity<String> answer = as(Role.CHANNEL, "fuzz").post().uri("/api/intake/tickets")
                    .header("Content-Type", "application/json").body(body).retrieve().toEntity(String.class);

            int status = answer.getStatusCode().value();
            if (status >= 500) {
                failures.add(status + " for " + abbreviate(body));
            } else if (status >= 400 && (eventCount() != events || intakeRows() != rows)) {
                failures.add(status + " but something was stored for " + abbreviate(body));
            } else if (status == 201) {
                accepted++;
            }
        }
        assertThat(failures).isEmpty();
        assertThat(accepted).as("some mutations keep a valid ticket: the fuzz also passes the door").isPositive();
    }

    @Test
    void noCommentPayloadIsA5xxAndARejectedOneStoresNothing() throws Exception {
        JsonNode opened = as(Role.CHANNEL, "fuzz").post().uri("/api/intake/tickets")
                .body(Map.of("customer", Map.of("name", "Ada", "email", "ada@example.com"), "subject", "Fuzzed"))
                .retrieve().body(JsonNode.class);
        String caseId = opened.get("caseId").asText();
        String parent = as(Role.AGENT, "grace").post().uri("/api/cases/{id}/comments", caseId)
                .body(Map.of("body", "First reply")).retrieve().body(JsonNode.class)
                .get("comments").get(0).get("commentId").asText();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            Map<String, Object> valid = new LinkedHashMap<>();
            valid.put("body", "We are on it");
            valid.put("visibility", random.nextBoolean() ? "public" : "internal");
            valid.put("parentId", parent);
            valid.put("authorType", "agent");
            valid.put("attachments", List.of(new LinkedHashMap<>(Map.of("name", "log.txt", "contentType",
                    "text/plain", "size", 12, "uri", "https://files.example/log.txt"))));
            String body = body(valid);
            long events = eventCount();

            ResponseEntity<String> answer = as(Role.AGENT, "grace").post().uri("/api/cases/{id}/comments", caseId)
                    .header("Content-Type", "application/json").body(body).retrieve().toEntity(String.class);

            int status = answer.getStatusCode().value();
            if (status >= 500) {
                failures.add(status + " for " + abbreviate(body));
            } else if (status >= 400 && eventCount() != events) {
                failures.add(status + " but something was stored for " + abbreviate(body));
            }
        }
        assertThat(failures).isEmpty();
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + " chars)" : body;
    }
}
