package org.casestream.gateway.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.gateway.support.GatewayIntegrationTest;
import org.casestream.localstack.jwt.Role;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminUsersIntegrationTest extends GatewayIntegrationTest {

    private static final String PASSWORD = "correct-horse-battery";
    private String admin;

    @BeforeEach
    void setUp() {
        admin = adminToken();
    }

    @Test
    void adminsCreateListAndChangeUsers() {
        Answer created = call("POST", "/api/admin/users", bearer(admin), Map.of("username", "carla.lead",
                "displayName", "Carla Lead", "password", PASSWORD, "roles", List.of("lead")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/admin/users/carla.lead");
        assertThat(created.json().get("roles").get(0).asText()).isEqualTo("lead");
        assertThat(created.body()).doesNotContain(PASSWORD).doesNotContainIgnoringCase("hash");

        Answer list = get("/api/admin/users", admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("username")).contains("admin", "carla.lead");
        assertThat(list.body()).doesNotContain("bcrypt").doesNotContain("password");

        assertProblem(call("POST", "/api/admin/users", bearer(admin), Map.of("username", "carla.lead",
                "displayName", "Another Carla", "password", PASSWORD, "roles", List.of("agent"))), 409);

        String carla = tokenOf("carla.lead", PASSWORD);
        Answer changed = call("PATCH", "/api/admin/users/carla.lead", bearer(admin),
                Map.of("displayName", "Carla Manager", "roles", List.of("manager", "lead")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("displayName").asText()).isEqualTo("Carla Manager");
        assertProblem(get("/api/auth/me", carla), 401);  // her old token carried the old roles
        JsonNode me = login("carla.lead", PASSWORD).json().get("user");
        assertThat(JSON.convertValue(me.get("roles"), List.class)).containsExactly("manager", "lead");

        assertThat(call("PATCH", "/api/admin/users/carla.lead", bearer(admin), Map.of("password", "a-new-password-2"))
                .status()).isEqualTo(200);
        assertProblem(login("carla.lead", PASSWORD), 401);
        assertThat(login("carla.lead", "a-new-password-2").status()).isEqualTo(200);

        assertProblem(call("PATCH", "/api/admin/users/nobody-here", bearer(admin), Map.of("disabled", true)), 404);
    }

    @Test
    void aPersonLinkedToAnAgentCarriesItsIdInTheirTokenAndAChangeEndsTheirSessions() throws Exception {
        String agentId = java.util.UUID.randomUUID().toString();
        Answer created = call("POST", "/api/admin/users", bearer(admin), Map.of("username", "ines-agent",
                "displayName", "Ines", "password", "a long passphrase", "roles", List.of("agent"), "agentId", agentId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("agentId").asText()).isEqualTo(agentId);

        String token = tokenOf("ines-agent", "a long passphrase");
        assertThat(com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("agentId")).isEqualTo(agentId);
        assertThat(get("/api/auth/me", token).json().get("agentId").asText()).isEqualTo(agentId);

        String another = java.util.UUID.randomUUID().toString();
        assertThat(call("PATCH", "/api/admin/users/ines-agent", bearer(admin), Map.of("agentId", another)).status())
                .isEqualTo(200);
        assertThat(get("/api/auth/me", token).status()).as("the old token names the old agent").isEqualTo(401);
        assertThat(com.nimbusds.jwt.SignedJWT.parse(tokenOf("ines-agent", "a long passphrase")).getJWTClaimsSet()
                .getStringClaim("agentId")).isEqualTo(another);
    }

    @Test
    void disablingAUserEndsTheirSessions() {
        String username = createUser(admin, "Dora Disabled", PASSWORD, "agent");
        String token = tokenOf(username, PASSWORD);
        assertThat(get("/api/cases", token).status()).isEqualTo(200);

        assertThat(call("PATCH", "/api/admin/users/" + username, bearer(admin), Map.of("disabled", true)).status())
                .isEqualTo(200);

        assertProblem(get("/api/cases", token), 401);
        assertProblem(login(username, PASSWORD), 401);
        assertThat(call("PATCH", "/api/admin/users/" + username, bearer(admin), Map.of("disabled", false)).status())
                .isEqualTo(200);
        assertThat(login(username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledOrDemoted() {
        // other tests may have made admins; demote all but the bootstrap admin first
        for (JsonNode user : get("/api/admin/users", admin).json()) {
            boolean isAdmin = JSON.convertValue(user.get("roles"), List.class).contains("admin");
            if (isAdmin && !user.get("username").asText().equals("admin") && !user.get("disabled").asBoolean()) {
                call("PATCH", "/api/admin/users/" + user.get("username").asText(), bearer(admin),
                        Map.of("disabled", true));
            }
        }
        assertProblem(call("PATCH", "/api/admin/users/admin", bearer(admin), Map.of("disabled", true)), 409);
        assertProblem(call("PATCH", "/api/admin/users/admin", bearer(admin), Map.of("roles", List.of("ops"))), 409);
        assertThat(get("/api/auth/me", adminToken()).status()).isEqualTo(200);
    }

    @Test
    void badUserRequestsNameEachFieldAndStoreNothing() {
        int before = get("/api/admin/users", admin).json().size();

        Answer answer = call("POST", "/api/admin/users", bearer(admin), Map.of("username", "Bad Name!",
                "displayName", " ", "password", "short", "roles", List.of("agent", "channel")));
        assertProblem(answer, 400);
        assertThat(answer.errorFields()).containsExactlyInAnyOrder("username", "displayName", "password", "roles[1]");
        assertThat(answer.body()).doesNotContain("short");

        Answer empty = call("POST", "/api/admin/users", bearer(admin), Map.of());
        assertThat(empty.errorFields()).containsExactlyInAnyOrder("username", "displayName", "password", "roles");

        String username = createUser(admin, "Pat Patch", PASSWORD, "agent");
        Answer badPatch = call("PATCH", "/api/admin/users/" + username, bearer(admin),
                Map.of("displayName", " ", "roles", List.of(), "password", "short"));
        assertProblem(badPatch, 400);
        assertThat(badPatch.errorFields()).containsExactlyInAnyOrder("displayName", "roles", "password");
        JsonNode stored = null;
        for (JsonNode user : get("/api/admin/users", admin).json()) {
            if (user.get("username").asText().equals(username)) {
                stored = user;
            }
        }
        assertThat(stored.get("displayName").asText()).isEqualTo("Pat Patch");
        assertThat(get("/api/admin/users", admin).json().size()).isEqualTo(before + 1);
    }

    @Test
    void onlyAdminsManageUsersAndKeys() {
        String agent = tokenOf(createUser(admin, "Andy Agent", PASSWORD, "agent"), PASSWORD);
        for (String token : List.of(agent, TestInfrastructure.token(Role.MANAGER, "mgr"),
                TestInfrastructure.token(Role.OPS, "ops"), TestInfrastructure.token(Role.CHANNEL, "chan"))) {
            assertProblem(get("/api/admin/users", token), 403);
            assertProblem(call("POST", "/api/admin/users", bearer(token), Map.of("username", "sneaky",
                    "displayName", "Sneaky", "password", PASSWORD, "roles", List.of("admin"))), 403);
            assertProblem(call("PATCH", "/api/admin/users/admin", bearer(token), Map.of("disabled", true)), 403);
            assertProblem(get("/api/admin/api-keys", token), 403);
            assertProblem(call("POST", "/api/admin/api-keys", bearer(token), Map.of("name", "x", "channel", "web")), 403);
        }
        assertProblem(get("/api/admin/users", null), 401);
        assertProblem(call("POST", "/api/admin/users", Map.of(), Map.of()), 401);
        assertThat(get("/api/admin/users", TestInfrastructure.token(Role.ADMIN, "local-admin")).status())
                .as("tokens of the local stack's key (./casestream token) are honoured").isEqualTo(200);
        assertThat(get("/api/admin/users", admin).json().findValuesAsText("username")).doesNotContain("sneaky");
    }
}
