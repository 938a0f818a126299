package org.casestream.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.awaitility.Awaitility;
import org.casestream.gateway.support.Backend;
import org.casestream.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AuthIntegrationTest extends GatewayIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    private static final String PASSWORD = "a-long-password-1";

    @Test
    void loginAnswersTokensTheJwksVerifiesAndAnHttpOnlyRefreshCookie() throws Exception {
        String username = createUser(adminToken(), "Ann Agent", PASSWORD, "agent", "lead");

        Answer answer = login(username, PASSWORD);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(body.get("refreshToken").asText()).isNotBlank();
        assertThat(body.get("user").get("username").asText()).isEqualTo(username);
        assertThat(body.get("user").get("displayName").asText()).isEqualTo("Ann Agent");
        assertThat(body.get("user").get("roles").findValuesAsText("")).isEmpty();
        assertThat(JSON.convertValue(body.get("user").get("roles"), List.class)).containsExactly("agent", "lead");
        String cookie = answer.header("Set-Cookie");
        assertThat(cookie).startsWith("casestream_refresh=" + body.get("refreshToken").asText() + ";")
                .contains("HttpOnly", "SameSite=Strict", "Path=/api/auth")
                .as("Secure, though this request came over plain http (as it does behind a TLS proxy)")
                .contains("Secure");

        Answer jwksAnswer = get("/.well-known/jwks.json", null);
        assertThat(jwksAnswer.status()).isEqualTo(200);
        JWKSet jwks = JWKSet.parse(jwksAnswer.body());
        SignedJWT jwt = SignedJWT.parse(body.get("accessToken").asText());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).isNotNull();
        assertThat(key.getKeyID()).isEqualTo("casestream-local");
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://casestream-gateway");
        assertThat(claims.getAudience()).containsExactly("casestream-api");
        assertThat(claims.getSubject()).isEqualTo(username);
        assertThat(claims.getStringClaim("name")).isEqualTo("Ann Agent");
        assertThat(claims.getStringListClaim("roles")).containsExactly("agent", "lead");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getIssueTime()).isBeforeOrEqualTo(new Date());
        assertThat(claims.getExpirationTime()).isAfter(new Date());
    }

    @Test
    void meAnswersWhoTheTokenBelongsToAndNeedsOne() {
        String username = createUser(adminToken(), "Mo Manager", PASSWORD, "manager");
        Answer me = get("/api/auth/me", tokenOf(username, PASSWORD));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asText()).isEqualTo(username);
        assertThat(me.json().get("displayName").asText()).isEqualTo("Mo Manager");
        assertThat(JSON.convertValue(me.json().get("roles"), List.class)).containsExactly("manager");

        assertProblem(get("/api/auth/me", null), 401);
        assertProblem(get("/api/auth/me", "not.a.token"), 401);
    }

    /** A login linked to an agent sees that agent as the query side has it, asked with the person's own token. */
    @Test
    void whoAmIIncludesTheAgentALoginWorksAs() throws InterruptedException {
        String admin = adminToken();
        String unlinked = createUser(admin, "Una Unlinked", PASSWORD, "agent");
        String linked = createUser(admin, "Lin Linked", PASSWORD, "agent");
        String agentId = UUID.randomUUID().toString();
        assertThat(call("PATCH", "/api/admin/users/" + linked, bearer(admin), Map.of("agentId", agentId)).status())
                .isEqualTo(200);

        query.clear();
        Answer none = get("/api/auth/me", tokenOf(unlinked, PASSWORD));
        assertThat(none.json().hasNonNull("agentId")).isFalse();
        assertThat(none.json().has("agent")).isFalse();
        assertThat(query.receivedNothing()).as("nothing to ask for a login linked to no agent").isTrue();

        String token = tokenOf(linked, PASSWORD);
        Answer me = get("/api/auth/me", token);
        assertThat(me.json().get("agentId").asText()).isEqualTo(agentId);
        assertThat(me.json().get("agent").get("path").asText()).isEqualTo("/api/agents/me");
        Backend.Received asked = query.next();
        assertThat(asked.path()).isEqualTo("/api/agents/me");
        assertThat(asked.header("Authorization")).isEqualTo("Bearer " + token);

        query.down();
        try {
            Answer queryAway = get("/api/auth/me", token);
            assertThat(queryAway.status()).isEqualTo(200);
            assertThat(queryAway.json().get("agentId").asText()).isEqualTo(agentId);
            assertThat(queryAway.json().has("agent")).isFalse();
        } finally {
            query.up();
        }
    }

    @Test
    void aWrongPasswordAnUnknownUserAndADisabledAccountGetTheSameAnswer() {
        String admin = adminToken();
        String username = createUser(admin, "Dee Disabled", PASSWORD, "agent");
        Answer wrongPassword = login(username, "not-the-password");
        Answer unknownUser = login("nobody-" + username, PASSWORD);
        assertThat(call("PATCH", "/api/admin/users/" + username, bearer(admin), Map.of("disabled", true)).status())
                .isEqualTo(200);
        Answer disabled = login(username, PASSWORD);

        for (Answer answer : List.of(wrongPassword, unknownUser, disabled)) {
            assertProblem(answer, 401);
            assertThat(answer.json().get("detail")).isEqualTo(wrongPassword.json().get("detail"));
            assertThat(answer.header("Set-Cookie")).isNull();
        }
    }

    @Test
    void repeatedFailuresLockTheAccountWithRetryAfterEvenForTheRightPassword() {
        String username = createUser(adminToken(), "Lou Locked", PASSWORD, "agent");
        // max-failures is 3 in the tests; each failure also waits longer (see LoginThrottleTest)
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertProblem(login(username, "wrong-" + attempt), 401);
        }
        Answer locked = login(username, PASSWORD);
        assertProblem(locked, 423);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 600L);

        // a made-up username locks the same way, so 423 does not tell which usernames exist
        String madeUp = "made-up-" + username;
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertProblem(login(madeUp, "wrong-" + attempt), 401);
        }
        assertProblem(login(madeUp, PASSWORD), 423);

        String other = createUser(adminToken(), "Una Unlocked", PASSWORD, "agent");
        assertProblem(login(other, "wrong-once"), 401);
        assertThat(login(other, PASSWORD).status()).as("a success resets the count").isEqualTo(200);
        assertProblem(login(other, "wrong-1"), 401);
        assertProblem(login(other, "wrong-2"), 401);
        assertThat(login(other, PASSWORD).status()).as("two failures after a success do not lock").isEqualTo(200);
    }

    @Test
    void badLoginInputNamesEachField() {
        Answer answer = call("POST", "/api/auth/login", Map.of(), Map.of("username", " "));
        assertProblem(answer, 400);
        assertThat(answer.errorFields()).containsExactlyInAnyOrder("username", "password");
        assertProblem(call("POST", "/api/auth/login", Map.of(), "{not json"), 400);
    }

    @Test
    void refreshRotatesTheTokenAndReusingARotatedOneRevokesTheSession() {
        String username = createUser(adminToken(), "Rae Refresh", PASSWORD, "agent");
        JsonNode first = login(username, PASSWORD).json();

        Answer rotated = call("POST", "/api/auth/refresh", Map.of(),
                Map.of("refreshToken", first.get("refreshToken").asText()));
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        JsonNode second = rotated.json();
        assertThat(second.get("refreshToken").asText()).isNotEqualTo(first.get("refreshToken").asText());
        assertThat(second.get("user").get("username").asText()).isEqualTo(username);
        assertThat(get("/api/auth/me", second.get("accessToken").asText()).status()).isEqualTo(200);

        // the cookie works as well as the body
        Answer byCookie = call("POST", "/api/auth/refresh",
                Map.of("Cookie", "casestream_refresh=" + second.get("refreshToken").asText()), null);
        assertThat(byCookie.status()).as(byCookie.body()).isEqualTo(200);
        JsonNode third = byCookie.json();

        // the first refresh token again: stolen or replayed, so the whole session ends
        assertProblem(call("POST", "/api/auth/refresh", Map.of(),
                Map.of("refreshToken", first.get("refreshToken").asText())), 401);
        assertProblem(call("POST", "/api/auth/refresh", Map.of(),
                Map.of("refreshToken", third.get("refreshToken").asText())), 401);
        assertProblem(get("/api/auth/me", third.get("accessToken").asText()), 401);
        assertProblem(get("/api/cases", third.get("accessToken").asText()), 401);

        assertProblem(call("POST", "/api/auth/refresh", Map.of(), Map.of("refreshToken", "csr_unknown")), 401);
        assertProblem(call("POST", "/api/auth/refresh", Map.of(), null), 401);
    }

    @Test
    void logoutRevokesTheAccessTokenAndTheRefreshTokenAndClearsTheCookie() throws Exception {
        String username = createUser(adminToken(), "Lee Logout", PASSWORD, "agent");
        JsonNode tokens = login(username, PASSWORD).json();
        String access = tokens.get("accessToken").asText();
        clearBackends();
        assertThat(get("/api/cases", access).status()).isEqualTo(200);
        query.next();

        Answer logout = call("POST", "/api/auth/logout", bearer(access), null);

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.header("Set-Cookie")).startsWith("casestream_refresh=;").contains("Max-Age=0");
        assertProblem(get("/api/cases", access), 401);
        assertThat(query.receivedNothing()).as("a revoked token is stopped at the gateway").isTrue();
        assertProblem(get("/api/auth/me", access), 401);
        assertProblem(call("POST", "/api/auth/refresh", Map.of(),
                Map.of("refreshToken", tokens.get("refreshToken").asText())), 401);
        assertProblem(call("POST", "/api/auth/logout", Map.of(), null), 401);
        // a new login is a new session
        assertThat(get("/api/auth/me", tokenOf(username, PASSWORD)).status()).isEqualTo(200);
        assertThat(URI.create(base()).getPort()).isEqualTo(port);
    }

    /**
     * The gateway does not read the revocation tables on every request: a session another gateway instance revoked
     * (written straight to the shared database here) still passes for a moment on this one, and is refused once
     * the cached answer expires (the tests' revocation-cache is 2 s).
     */
    @Test
    void anotherInstancesRevocationCountsWithinTheCacheTimeNotPerRequest() {
        String username = createUser(adminToken(), "Rita Revoked", PASSWORD, "agent");
        String access = tokenOf(username, PASSWORD);
        assertThat(get("/api/auth/me", access).status()).isEqualTo(200);

        int revoked = jdbc.sql("UPDATE gateway.sessions SET revoked_at = now() WHERE username = ? AND revoked_at IS NULL")
                .param(username).update();

        assertThat(revoked).isEqualTo(1);
        assertThat(get("/api/auth/me", access).status()).as("answered from the cache").isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/auth/me", access).status() == 401);
    }
}
