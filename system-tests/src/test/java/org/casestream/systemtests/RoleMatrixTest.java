package org.casestream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.casestream.localstack.jwt.LocalJwtIssuer;
import org.casestream.localstack.jwt.LocalKeyPair;
import org.casestream.localstack.jwt.Role;
import org.casestream.systemtests.GatewayClient.Anonymous;
import org.casestream.systemtests.GatewayClient.Bearer;
import org.casestream.systemtests.GatewayClient.Credentials;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every route of every service, called through the gateway by every role (people logged in through the gateway,
 * a channel by its API key), by nobody, with a forged token and with an expired one. The table is each service's
 * SecurityConfiguration (and the gateway's own endpoints) written out: a role in the table must get neither 401
 * nor 403 (an empty body's 400, or 404 for an id that does not exist, is fine); every other role must get 403;
 * no, forged and expired credentials must get 401.
 */
@ExtendWith(PlatformExtension.class)
class RoleMatrixTest {

    private static final String AGENT = "agent";
    private static final String LEAD = "lead";
    private static final String MANAGER = "manager";
    private static final String ADMIN = "admin";
    private static final String OPS = "ops";
    private static final String CHANNEL = "channel";

    private static final Set<String> EVERY_CALLER = Set.of(AGENT, LEAD, MANAGER, ADMIN, OPS, CHANNEL);
    private static final Set<String> CASE_READERS = Set.of(AGENT, LEAD, MANAGER, ADMIN, OPS);
    private static final Set<String> CASE_WORKERS = Set.of(AGENT, LEAD, ADMIN);
    private static final Set<String> ADMINS = Set.of(ADMIN);
    private static final Set<String> OPS_AND_ADMINS = Set.of(OPS, ADMIN);

    /** An id that exists nowhere: allowed callers get 404 (or 400 for a body that is missing). */
    private static final String ID = "00000000-0000-4000-8000-000000000000";

    private record Route(String method, String path, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static Route route(String method, String path, Set<String> allowed) {
        return new Route(method, path, allowed);
    }

    /** The table: method, path, who may call it. */
    static final List<Route> ROUTES = List.of(
            // case-command-service: intake
            route("POST", "/api/intake/tickets", Set.of(CHANNEL)),
            route("POST", "/api/intake/replies", Set.of(CHANNEL)),
            // case-command-service: case commands
            route("POST", "/api/cases", CASE_WORKERS),
            route("POST", "/api/cases/" + ID + "/status", CASE_WORKERS),
            route("POST", "/api/cases/" + ID + "/comments", CASE_WORKERS),
            route("POST", "/api/cases/" + ID + "/priority", CASE_WORKERS),
            route("POST", "/api/cases/" + ID + "/assignment", CASE_WORKERS),
            route("POST", "/api/cases/" + ID + "/escalations", CASE_WORKERS),
            route("POST", "/api/cases/" + ID + "/classification", CASE_WORKERS),
            route("POST", "/api/cases/" + ID + "/tags", CASE_WORKERS),
            route("POST", "/api/cases/" + ID + "/satisfaction", CASE_WORKERS),
            route("POST", "/api/cases/" + ID + "/sla-targets", CASE_WORKERS),
            route("POST", "/api/cases/" + ID + "/sla-breaches", CASE_WORKERS),
            route("POST", "/api/cases/bulk", CASE_WORKERS),
            // case-command-service: history, as-of, audit
            route("GET", "/api/cases/" + ID + "/history", CASE_READERS),
            route("GET", "/api/cases/" + ID + "?asOf=2026-01-01T00:00:00Z", CASE_READERS),
            route("GET", "/api/audit?limit=1", OPS_AND_ADMINS),
            // case-command-service: agents
            route("POST", "/api/agents", ADMINS),
            route("GET", "/api/agents/" + ID, Set.of(AGENT, LEAD, MANAGER, ADMIN)),
            route("PUT", "/api/agents/" + ID + "/skills", Set.of(LEAD, ADMIN)),
            route("PUT", "/api/agents/" + ID + "/availability", CASE_WORKERS),
            // case-query-service: a channel may read one case (without internal notes), nothing else
            route("GET", "/api/cases/" + ID, Set.of(AGENT, LEAD, MANAGER, ADMIN, OPS, CHANNEL)),
            route("GET", "/api/cases?limit=1", CASE_READERS),
            route("GET", "/api/cases/export?format=ndjson&limit=1", CASE_READERS),
            route("GET", "/api/customers/" + ID + "/cases", CASE_READERS),
            route("GET", "/api/dashboard", CASE_READERS),
            route("GET", "/api/sla?state=breached", CASE_READERS),
            route("GET", "/api/analytics", CASE_READERS),
            route("GET", "/api/agents", CASE_READERS),
            route("GET", "/api/stream", CASE_READERS),
            route("GET", "/api/saved-searches", CASE_READERS),
            route("PUT", "/api/saved-searches/role-matrix", CASE_READERS),
            route("DELETE", "/api/saved-searches/role-matrix-never-saved", CASE_READERS),
            route("POST", "/api/ops/replays", OPS_AND_ADMINS),
            route("GET", "/api/ops/replays/" + ID, OPS_AND_ADMINS),
            // routing-service
            route("GET", "/api/routing/config/classification-rules", ADMINS),
            route("PUT", "/api/routing/config/classification-rules", ADMINS),
            route("GET", "/api/routing/config/priority-rules", ADMINS),
            route("PUT", "/api/routing/config/priority-rules", ADMINS),
            route("GET", "/api/routing/config/sla-policies", ADMINS),
            route("PUT", "/api/routing/config/sla-policies", ADMINS),
            route("GET", "/api/routing/config/calendars", ADMINS),
            route("GET", "/api/routing/config/calendars/office", ADMINS),
            route("PUT", "/api/routing/config/calendars/role-matrix", ADMINS),
            route("GET", "/api/routing/config/changes", ADMINS),
            route("GET", "/api/routing/decisions/" + ID, CASE_READERS),
            // notification-service
            route("GET", "/api/notifications?caseId=" + ID, Set.of(LEAD, MANAGER, ADMIN, OPS)),
            route("GET", "/api/webhooks", ADMINS),
            route("POST", "/api/webhooks", ADMINS),
            route("GET", "/api/webhooks/" + ID, ADMINS),
            route("DELETE", "/api/webhooks/" + ID, ADMINS),
            route("GET", "/api/webhooks/" + ID + "/deliveries", OPS_AND_ADMINS),
            route("POST", "/api/webhooks/" + ID + "/deliveries/" + ID + "/redeliver", OPS_AND_ADMINS),
            route("GET", "/api/notification-rules", Set.of(ADMIN, LEAD)),
            route("PUT", "/api/notification-rules/case-opened/customer", ADMINS),
            route("GET", "/api/notification-settings", Set.of(ADMIN, LEAD)),
            route("PUT", "/api/notification-settings", ADMINS),
            route("PUT", "/api/notification-settings/slack/default", ADMINS),
            route("DELETE", "/api/notification-settings/slack/Refunds", ADMINS),
            // gateway: the current caller (a channel's key answers as "apikey:<id>"), users and API keys
            route("GET", "/api/auth/me", EVERY_CALLER),
            route("GET", "/api/admin/users", ADMINS),
            route("POST", "/api/admin/users", ADMINS),
            route("PATCH", "/api/admin/users/role-matrix-nobody", ADMINS),
            route("GET", "/api/admin/api-keys", ADMINS),
            route("POST", "/api/admin/api-keys", ADMINS),
            route("DELETE", "/api/admin/api-keys/" + ID, ADMINS));

    private static Platform platform;
    private static Map<String, Credentials> roles;
    private static Map<String, Credentials> refused;

    @BeforeAll
    static void callers(Platform started) {
        platform = started;
        roles = new LinkedHashMap<>();
        for (String person : List.of(AGENT, LEAD, MANAGER, ADMIN, OPS)) {
            roles.put(person, platform.person(person));
        }
        roles.put(CHANNEL, platform.apiKey("api"));

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

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersExactlyItsRoles() {
        return ROUTES.stream().map(route -> DynamicTest.dynamicTest(route.toString(), () -> {
            List<String> wrong = new ArrayList<>();
            roles.forEach((role, credentials) -> {
                int status = call(route, credentials);
                boolean allowed = route.allowed().contains(role);
                if (allowed && (status == 401 || status == 403)) {
                    wrong.add(role + " is allowed but got " + status);
                } else if (allowed && status >= 500) {
                    wrong.add(role + " is allowed but the route failed with " + status);
                } else if (!allowed && status != 403) {
                    wrong.add(role + " is not allowed but got " + status + " (expected 403)");
                }
            });
            refused.forEach((who, credentials) -> {
                int status = call(route, credentials);
                if (status != 401) {
                    wrong.add(who + " got " + status + " (expected 401)");
                }
            });
            assertThat(wrong).as(route.toString()).isEmpty();
        }));
    }

    private static int call(Route route, Credentials credentials) {
        GatewayClient gateway = platform.gateway();
        if (route.path().startsWith("/api/stream") || route.path().startsWith("/api/cases/export")) {
            return gateway.statusOnly(route.method(), route.path(), credentials);
        }
        // an empty JSON object: the route's authorisation decides before its validation does
        Object body = switch (route.method()) {
            case "POST", "PUT", "PATCH" -> "{}";
            default -> null;
        };
        return gateway.call(route.method(), route.path(), credentials, body, Map.of()).status();
    }
}
