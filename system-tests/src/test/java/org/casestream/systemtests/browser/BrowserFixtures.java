package org.casestream.systemtests.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.systemtests.Customers.Customer;
import org.casestream.systemtests.GatewayClient;
import org.casestream.systemtests.Platform;

import static org.awaitility.Awaitility.await;

/**
 * What the browser tests need from the platform, made through the gateway's public API only: people who log in
 * with a password (the shared harness keeps its people's passwords to itself), agents, and cases opened by an
 * agent (their customers come from the harness, so the log scan looks for them too).
 */
final class BrowserFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, Login> PEOPLE = new ConcurrentHashMap<>();

    record Login(String username, String password) {
    }

    record OpenedCase(String caseId, String caseNumber, String subject) {
    }

    private final Platform platform;
    private final GatewayClient gateway;

    BrowserFixtures(Platform platform) {
        this.platform = platform;
        this.gateway = platform.gateway();
    }

    Path work() {
        return Path.of(System.getProperty("casestream.systemtests.work", "target")).toAbsolutePath();
    }

    Browser browser() {
        return browser(1280, 900);
    }

    Browser browser(int width, int height) {
        return new Browser(gateway.baseUri(), work(), width, height);
    }

    Login admin() {
        return new Login("admin", platform.adminPassword());
    }

    /** A person with these roles and a known password, created once per run through the admin API. */
    Login person(String name, List<String> roles) {
        return PEOPLE.computeIfAbsent(name, key -> {
            String username = "br-" + key + "-" + platform.runId();
            String password = "Br-" + HexFormat.of().formatHex(RANDOM.generateSeed(12));
            gateway.post("/api/admin/users", platform.admin(), Map.of("username", username,
                    "displayName", "Browser " + key, "password", password, "roles", roles)).expect(201);
            return new Login(username, password);
        });
    }

    GatewayClient.Bearer token(Login login) {
        return new GatewayClient.Bearer(gateway.login(login.username(), login.password()));
    }

    /** A registered agent, online, skilled in {@code queue}; its id. */
    String agent(String name, String queue) {
        JsonNode agent = gateway.post("/api/agents", platform.admin(), Map.of(
                "name", name, "email", name.toLowerCase().replaceAll("[^a-z0-9]+", ".") + "@staff.example.test",
                "skills", List.of(Map.of("queue", queue, "level", 3)), "capacity", 50)).expect(201).json();
        String agentId = agent.path("agentId").asText();
        gateway.put("/api/agents/" + agentId + "/availability", platform.admin(), Map.of("availability", "online")).expect(200);
        return agentId;
    }

    /** The login works as the agent: an admin links it (the person logs in again to carry the link). */
    void link(Login login, String agentId) {
        gateway.call("PATCH", "/api/admin/users/" + login.username(), platform.admin(), Map.of("agentId", agentId),
                Map.of()).expect(200);
    }

    /** A case an agent opens from the dashboard's API for a new customer, once the read side lists it. */
    OpenedCase openCase(Login agent, String subject, String priority) {
        return openCase(agent, platform.customers().next("gold"), subject, "Opened by the browser tests. " + subject, priority);
    }

    /**
     * A case an agent opens from the dashboard's API (no queue given: routing classifies it), once the read side
     * lists it and routing has triaged it. The case page asks routing why the case is in its queue; before the
     * triage routing answers 404, which the browser logs as an error (and the tests look for those).
     */
    OpenedCase openCase(Login agent, Customer customer, String subject, String description, String priority) {
        JsonNode created = gateway.post("/api/cases", token(agent), Map.of(
                "customer", customer.body(), "subject", subject,
                "description", description, "channel", "web", "priority", priority)).expect(201).json();
        String caseId = created.path("caseId").asText();
        GatewayClient.Bearer reader = token(agent);
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/cases/" + caseId, reader).status() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> triaged(caseId));
        return new OpenedCase(caseId, created.path("caseNumber").asText(), subject);
    }

    /** Whether routing's decisions log has the case's classification. */
    boolean triaged(String caseId) {
        GatewayClient.Response decisions = gateway.get("/api/routing/decisions/" + caseId, platform.admin());
        if (decisions.status() != 200) {
            return false;
        }
        for (JsonNode decision : decisions.json().path("decisions")) {
            if (decision.path("kind").asText().equals("classified")) {
                return true;
            }
        }
        return false;
    }

    /** Merges a duplicate into another case through the API, once the read side shows it merged. */
    void merge(Login agent, OpenedCase duplicate, OpenedCase into) {
        gateway.post("/api/cases/" + duplicate.caseId() + "/merge", token(agent), Map.of("into", into.caseId())).expect(200);
        GatewayClient.Bearer reader = token(agent);
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/cases/" + into.caseId(), reader).json()
                .path("merged").size() > 0);
    }

    /** An agent works the case to done through the API (new → in progress → done). */
    void resolve(Login agent, String caseId) {
        GatewayClient.Bearer token = token(agent);
        gateway.post("/api/cases/" + caseId + "/status", token, Map.of("status", "inprogress")).expect(200);
        gateway.post("/api/cases/" + caseId + "/status", token, Map.of("status", "done")).expect(200);
    }

    /** The id of the one case with {@code word} (made up, unique to it), once the search finds it. */
    String caseIdByWord(Login reader, String word) {
        GatewayClient.Bearer token = token(reader);
        String query = URLEncoder.encode(word, StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(90)).until(() ->
                gateway.get("/api/cases?q=" + query, token).json().path("items").size() > 0);
        return gateway.get("/api/cases?q=" + query, token).json().path("items").get(0).path("caseId").asText();
    }

    /** The id of the customer record a case is for, as the read side has it. */
    String customerId(Login reader, String caseId) {
        return gateway.get("/api/cases/" + caseId, token(reader)).expect(200).json().at("/customer/customerId").asText();
    }

    /** Waits until the case list finds {@code text} (the search index has it). */
    void searchable(Login reader, String text) {
        GatewayClient.Bearer token = token(reader);
        String query = URLEncoder.encode(text, StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                gateway.get("/api/cases?q=" + query, token).json().path("items").size() > 0);
    }

    long count(Login reader, String path, String field) {
        return gateway.get(path, token(reader)).expect(200).json().at(field).asLong();
    }
}
