package org.casestream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.localstack.jwt.LocalJwtIssuer;
import org.casestream.localstack.jwt.LocalKeyPair;
import org.casestream.localstack.jwt.Role;
import org.casestream.systemtests.GatewayClient.Anonymous;
import org.casestream.systemtests.GatewayClient.Bearer;
import org.casestream.systemtests.GatewayClient.Credentials;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of every service's OpenAPI document (and the gateway's own), called through the gateway by
 * every kind of caller: each role logged in, a channel's API key, the routing and notification services' own
 * identities (client credentials at the gateway's token endpoint), and refused credentials (none, forged, expired, not a JWT, an
 * unknown key). What each may do is the table beside this test ({@code access-matrix.txt}); an operation the
 * documents have and the table lacks fails the test, so no new endpoint goes unjudged. Goal: 0 unexpected allows.
 */
@ExtendWith(PlatformExtension.class)
class AccessMatrixTest {

    private static final List<String> PEOPLE = List.of("agent", "lead", "manager", "admin", "ops");
    private static final String ID = "00000000-0000-4000-8000-000000000000";
    private static final List<String> DOCUMENTS = List.of("/v3/api-docs", "/v3/api-docs/command", "/v3/api-docs/query",
            "/v3/api-docs/routing", "/v3/api-docs/notification");

    /** One line of the table. */
    record Entry(String method, String template, Set<String> allowed, Set<String> notCalled, boolean open,
                 String request) {

        String operation() {
            return method + " " + template;
        }

        /** The operation, and the request when it is not the template's: one operation may have several lines. */
        String name() {
            return request.equals(template.replaceAll("\\{[^}]+}", ID)) ? operation() : method + " " + request;
        }
    }

    private static Platform platform;
    private static Map<String, Credentials> callers;
    private static Map<String, Credentials> refused;
    private static List<Entry> table;

    @BeforeAll
    static void callers(Platform started) throws IOException {
        platform = started;
        table = readTable();
        callers = new LinkedHashMap<>();
        for (String person : PEOPLE) {
            callers.put(person, platform.person(person));
        }
        callers.put("channel", platform.apiKey("api"));
        callers.put("routing", new Bearer(serviceToken("routing-service", "routing-client-secret")));
        callers.put("notification", new Bearer(serviceToken("notification-service", "notification-client-secret")));

        LocalKeyPair platformKeys = LocalKeyPair.load(platform.home().resolve("jwt"));
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        refused = new LinkedHashMap<>();
        refused.put("no credentials", Anonymous.NONE);
        refused.put("a token signed by another key",
                new Bearer(new LocalJwtIssuer(LocalKeyPair.generate()).mint(Role.ADMIN, "forger")));
        refused.put("an expired token",
                new Bearer(new LocalJwtIssuer(platformKeys, twoHoursAgo).mint(Role.ADMIN, "st-expired", Duration.ofHours(1))));
        refused.put("a token that is no JWT", new Bearer("not-a-token"));
        refused.put("an unknown API key", new GatewayClient.ApiKey("csk_" + UUID.randomUUID()));
    }

    /** A service's token as the service gets it: its client id and secret at the gateway's token endpoint. */
    private static String serviceToken(String clientId, String secretFile) throws IOException {
        String secret = Files.readString(platform.home().resolve("secrets/" + secretFile)).strip();
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(platform.gateway().baseUri().resolve("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        try {
            HttpResponse<String> response = platform.gateway().http().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return GatewayClient.JSON.readTree(response.body()).path("access_token").asText();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theTableJudgesEveryOperationOfEveryDocumentAndNothingElse() {
        Set<String> documented = documentedOperations();
        Set<String> judged = new TreeSet<>(table.stream().map(Entry::operation).toList());
        Set<String> stale = new TreeSet<>(judged);
        stale.removeAll(documented);
        Set<String> unjudged = new TreeSet<>(documented);
        unjudged.removeAll(judged);
        assertThat(Map.of("operations the table does not judge", unjudged, "table lines no document has", stale))
                .allSatisfy((what, operations) -> assertThat(operations).as(what).isEmpty());
    }

    @TestFactory
    Stream<DynamicTest> everyOperationAnswersExactlyItsCallers() {
        return table.stream().filter(entry -> !entry.open())
                .map(entry -> DynamicTest.dynamicTest(entry.name(), () -> {
                    List<String> wrong = new ArrayList<>();
                    callers.forEach((caller, credentials) -> {
                        boolean allowed = entry.allowed().contains(caller) || entry.allowed().contains("anyone");
                        if (entry.notCalled().contains(caller) || entry.notCalled().contains("anyone")) {
                            return;
                        }
                        int status = call(entry, credentials);
                        if (allowed && (status == 401 || status == 403)) {
                            wrong.add(caller + " is allowed but got " + status);
                        } else if (allowed && status >= 500) {
                            wrong.add(caller + " is allowed but the operation failed with " + status);
                        } else if (!allowed && status != 403) {
                            wrong.add(caller + " is not allowed but got " + status + " (expected 403)");
                        }
                    });
                    refused.forEach((who, credentials) -> {
                        int status = call(entry, credentials);
                        if (status != 401) {
                            wrong.add(who + " got " + status + " (expected 401)");
                        }
                    });
                    assertThat(wrong).as(entry.name()).isEmpty();
                }));
    }

    private static int call(Entry entry, Credentials credentials) {
        GatewayClient gateway = platform.gateway();
        String path = entry.request();
        if (path.startsWith("/api/stream") || path.startsWith("/api/cases/export")) {
            return gateway.statusOnly(entry.method(), path, credentials);
        }
        // an empty JSON object: the operation's authorisation decides before its validation does
        Object body = switch (entry.method()) {
            case "POST", "PUT", "PATCH" -> "{}";
            default -> null;
        };
        return gateway.call(entry.method(), path, credentials, body, Map.of()).status();
    }

    /** METHOD path of every operation in every document the gateway serves. */
    private static Set<String> documentedOperations() {
        Set<String> operations = new LinkedHashSet<>();
        for (String document : DOCUMENTS) {
            JsonNode paths = platform.gateway().get(document, Anonymous.NONE).expect(200).json().path("paths");
            paths.fieldNames().forEachRemaining(path -> paths.path(path).fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }));
        }
        return operations;
    }

    private static List<Entry> readTable() throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (InputStream in = AccessMatrixTest.class.getResourceAsStream("/access-matrix.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] fields = text.split("\\s+");
                Set<String> allowed = new LinkedHashSet<>();
                Set<String> notCalled = new LinkedHashSet<>();
                for (String caller : fields[2].split(",")) {
                    if (caller.endsWith("?")) {
                        notCalled.add(caller.substring(0, caller.length() - 1));
                    }
                    allowed.add(caller.replace("?", ""));
                }
                String request = fields.length > 3 ? fields[3] : fields[1].replaceAll("\\{[^}]+}", ID);
                Entry entry = new Entry(fields[0], fields[1], allowed, notCalled, allowed.contains("open"),
                        URI.create(request).toString());
                if (entries.putIfAbsent(entry.name(), entry) != null) {
                    throw new IllegalStateException("the table has " + entry.name() + " twice");
                }
            }
        }
        return List.copyOf(entries.values());
    }
}
