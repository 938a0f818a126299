package org.casestream.gateway.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import org.casestream.gateway.GatewayApplication;
import org.casestream.gateway.support.GatewayIntegrationTest;
import org.casestream.support.security.TokenChecks;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Service identities and key rotation, end to end: a second gateway of its own (its own database and key ring,
 * keys that rotate in seconds) and a token decoder built exactly as every service's is (the gateway's JWK set by URL,
 * with its cache, then issuer and audience).
 */
class ServiceIdentityIntegrationTest extends GatewayIntegrationTest {

    private static final Duration PUBLISH_AHEAD = Duration.ofSeconds(2);
    private static final Duration RETIRE_AFTER = Duration.ofSeconds(3);

    private static ConfigurableApplicationContext ownGateway;

    /** Its own database and key ring: the rotation here must not retire the key the other tests' gateway uses. */
    @BeforeAll
    static void startOwnGateway() {
        Map<String, String> properties = new LinkedHashMap<>(properties());
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", TestInfrastructure.createDatabase("gateway_rotation_it"));
        properties.put("casestream.gateway.tokens.rotation.ring-directory", home.resolve("ring-rotation").toString());
        properties.put("casestream.gateway.tokens.rotation.publish-ahead", PUBLISH_AHEAD.toString());
        properties.put("casestream.gateway.tokens.rotation.retire-after", RETIRE_AFTER.toString());
        properties.put("casestream.gateway.tokens.rotation.refresh", "PT1S");
        ownGateway = new SpringApplicationBuilder(GatewayApplication.class).run(properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new));
    }

    @AfterAll
    static void stopOwnGateway() {
        ownGateway.close();
    }

    @Override
    protected String base() {
        return "http://localhost:" + ((WebServerApplicationContext) ownGateway).getWebServer().getPort();
    }

    private NimbusJwtDecoder serviceDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(base() + "/.well-known/jwks.json").build();
        decoder.setJwtValidator(TokenChecks.validator("http://casestream-gateway", "casestream-api"));
        return decoder;
    }

    private Answer clientCredentials(String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return tokenRequest("grant_type=client_credentials", Map.of("Authorization", "Basic " + basic));
    }

    private Answer tokenRequest(String form, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers(), response.body());
    }

    private static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    @Test
    void aServiceGetsItsOwnShortLivedTokenWithItsOwnRoleAndNoSigningKey() throws Exception {
        Answer issued = clientCredentials("routing-service", ROUTING_SECRET);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        String token = issued.json().get("access_token").asText();

        Jwt jwt = serviceDecoder().decode(token);
        assertThat(jwt.getSubject()).isEqualTo("routing-service");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("routing");
        assertThat(jwt.getClaims()).as("routing speaks for no channel").doesNotContainKey("channel");
        assertThat(jwt.getAudience()).containsExactly("casestream-api");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(10));

        clearBackends();
        assertThat(call("GET", "/api/cases/x/history", bearer(token), null).status()).as("the gateway lets it through")
                .isEqualTo(200);

        assertThat(clientCredentials("routing-service", "not-the-secret").status()).isEqualTo(401);
        assertThat(clientCredentials("someone-else", ROUTING_SECRET).status()).isEqualTo(401);
        Answer password = tokenRequest("grant_type=password&username=admin&password=" + ADMIN_PASSWORD, Map.of());
        assertThat(password.status()).as("no other grant").isIn(400, 401);
    }

    @Test
    void theNotificationServiceGetsTokensThatSpeakForTheEmailChannelAndCarryOnlyItsOwnRole() throws Exception {
        Answer issued = clientCredentials("notification-service", NOTIFICATION_SECRET);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        Jwt jwt = serviceDecoder().decode(issued.json().get("access_token").asText());
        assertThat(jwt.getSubject()).isEqualTo("notification-service");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("notification");
        assertThat(jwt.getClaimAsString("channel")).isEqualTo("email");
        assertThat(clientCredentials("notification-service", ROUTING_SECRET).status()).isEqualTo(401);
    }

    @Test
    void aRotationPublishesTheNextKeyFirstSignsWithItThenRetiresThePreviousOne() throws Exception {
        NimbusJwtDecoder cachedByAService = serviceDecoder();
        String before = tokenOf("admin", ADMIN_PASSWORD);
        String first = kid(before);
        cachedByAService.decode(before);

        Answer rotated = call("POST", "/api/admin/signing-keys/rotations", bearer(before), null);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        String next = rotated.json().get("kid").asText();
        Instant activatesAt = Instant.parse(rotated.json().get("activatesAt").asText());

        assertThat(publishedKids()).containsExactlyInAnyOrder(first, next);
        assertThat(kid(tokenOf("admin", ADMIN_PASSWORD))).as("not signing before it is published long enough")
                .isEqualTo(first);

        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(activatesAt));
        String after = tokenOf("admin", ADMIN_PASSWORD);
        assertThat(kid(after)).isEqualTo(next);
        assertThat(cachedByAService.decode(after).getSubject()).as("a service finds the new key by its kid")
                .isEqualTo("admin");
        assertThat(cachedByAService.decode(before).getSubject()).as("the previous key still verifies").isEqualTo("admin");
        assertThat(get("/api/auth/me", before).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> !publishedKids().contains(first));
        assertThat(get("/api/auth/me", before).status()).as("retired: its tokens are refused").isEqualTo(401);
        assertThat(get("/api/auth/me", after).status()).isEqualTo(200);
        assertThatThrownBy(() -> serviceDecoder().decode(before)).isInstanceOf(JwtException.class);

        JsonNode keys = get("/api/admin/signing-keys", after).json();
        assertThat(keys.get(0).get("kid").asText()).isEqualTo(next);
        assertThat(keys.get(0).get("signing").asBoolean()).isTrue();
        assertThat(get("/api/admin/signing-keys", tokenOf(createUser(after, "Ann Agent", "a long passphrase", "agent"),
                "a long passphrase")).status()).isEqualTo(403);
    }

    private List<String> publishedKids() {
        List<String> kids = new ArrayList<>();
        get("/.well-known/jwks.json", null).json().get("keys").forEach(key -> kids.add(key.get("kid").asText()));
        return kids;
    }
}
