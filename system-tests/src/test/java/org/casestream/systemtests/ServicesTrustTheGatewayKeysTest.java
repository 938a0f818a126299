package org.casestream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.casestream.localstack.jwt.LocalJwtIssuer;
import org.casestream.localstack.jwt.LocalKeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the parts trust each other. The services verify tokens against the gateway's JWK set
 * ({@code SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI}, set by the launcher), not against the public key
 * file their application.yml also names: a token signed with the right private key but under another key id is
 * refused, which only a decoder that picks keys from a JWK set by {@code kid} does. And tokens from
 * {@code ./casestream token} (the same key pair) pass the gateway.
 */
@ExtendWith(PlatformExtension.class)
class ServicesTrustTheGatewayKeysTest {

    @Test
    void theGatewayPublishesTheLocalKeyAsAJwkSet(Platform platform) {
        JsonNode jwks = platform.gateway().get("/.well-known/jwks.json", GatewayClient.Anonymous.NONE).expect(200).json();
        assertThat(jwks.path("keys")).hasSize(1);
        JsonNode key = jwks.path("keys").get(0);
        assertThat(key.path("kty").asText()).isEqualTo("RSA");
        assertThat(key.path("kid").asText()).isEqualTo(LocalJwtIssuer.KEY_ID);
        assertThat(key.path("alg").asText()).isEqualTo("RS256");
        assertThat(key.has("d")).as("no private part").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "CASESTREAM_COMMAND_PORT,      /api/audit?limit=1",
            "CASESTREAM_QUERY_PORT,        /api/dashboard",
            "CASESTREAM_ROUTING_PORT,      /api/routing/config/changes",
            "CASESTREAM_NOTIFICATION_PORT, /api/notification-rules"})
    void eachServiceChoosesTheKeyFromTheGatewaysJwkSetByKeyId(String portVariable, String path, Platform platform)
            throws Exception {
        LocalKeyPair keys = LocalKeyPair.load(platform.home().resolve("jwt"));
        URI service = URI.create("http://localhost:" + platform.port(portVariable) + path);

        assertThat(status(platform, service, adminToken(keys, LocalJwtIssuer.KEY_ID))).isEqualTo(200);
        assertThat(status(platform, service, adminToken(keys, "a-key-the-gateway-does-not-publish"))).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "CASESTREAM_COMMAND_PORT,      /api/audit?limit=1",
            "CASESTREAM_QUERY_PORT,        /api/dashboard",
            "CASESTREAM_ROUTING_PORT,      /api/routing/config/changes",
            "CASESTREAM_NOTIFICATION_PORT, /api/notification-rules"})
    void eachServiceRefusesATokenFromAnotherIssuerOrForAnotherAudience(String portVariable, String path,
            Platform platform) throws Exception {
        LocalKeyPair keys = LocalKeyPair.load(platform.home().resolve("jwt"));
        URI service = URI.create("http://localhost:" + platform.port(portVariable) + path);

        assertThat(status(platform, service, token(keys, LocalJwtIssuer.KEY_ID, "http://evil.example",
                LocalJwtIssuer.AUDIENCE))).as("another issuer").isEqualTo(401);
        assertThat(status(platform, service, token(keys, LocalJwtIssuer.KEY_ID, LocalJwtIssuer.ISSUER,
                "another-api"))).as("another audience").isEqualTo(401);
        assertThat(status(platform, service, token(keys, LocalJwtIssuer.KEY_ID, LocalJwtIssuer.ISSUER, null)))
                .as("no audience").isEqualTo(401);
    }

    @Test
    void tokensFromTheLauncherPassTheGateway(Platform platform) throws Exception {
        Path output = platform.home().resolve("token.out");
        int exit = platform.launcher(Duration.ofMinutes(2), output, "token", "--role", "ops", "--user", "st-cli-ops");
        assertThat(exit).as(Platform.tail(output, 20)).isZero();
        List<String> lines = Files.readAllLines(output);
        String token = lines.getLast().strip();
        Files.delete(output);

        GatewayClient.Bearer ops = new GatewayClient.Bearer(token);
        assertThat(platform.gateway().get("/api/audit?limit=1", ops).status()).isEqualTo(200);
        assertThat(platform.gateway().get("/api/routing/config/changes", ops).status()).isEqualTo(403);
    }

    private static String adminToken(LocalKeyPair keys, String keyId) throws Exception {
        return token(keys, keyId, LocalJwtIssuer.ISSUER, LocalJwtIssuer.AUDIENCE);
    }

    private static String token(LocalKeyPair keys, String keyId, String issuer, String audience) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(audience).subject("st-kid-check").claim("roles", List.of("admin"))
                .claim("name", "st-kid-check").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(keys.privateKey()));
        return jwt.serialize();
    }

    private static int status(Platform platform, URI uri, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build();
        return platform.gateway().http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

}
