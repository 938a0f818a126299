package org.casestream.localstack.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.casestream.localstack.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import picocli.CommandLine;

/**
 * Verifies tokens the way the services will: Spring Security reads {@code public.pem} and its
 * Nimbus decoder checks the signature and the timestamps.
 */
class LocalJwtIssuerTest {

    @TempDir
    Path home;

    @Test
    void mintedTokenVerifiesAgainstPublicPemAndCarriesTheRole() throws Exception {
        String token = LocalJwtIssuer.forHome(home).mint(Role.parse("Lead"), "lena", Duration.ofMinutes(10));

        Jwt jwt = decoderFor(readPublicPemLikeSpring()).decode(token);

        assertThat(jwt.getHeaders()).containsEntry("kid", "casestream-local").containsEntry("alg", "RS256");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("http://casestream-gateway");
        assertThat(jwt.getAudience()).containsExactly("casestream-api");
        assertThat(jwt.getSubject()).isEqualTo("lena");
        assertThat(jwt.getClaimAsString("name")).isEqualTo("lena");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("lead");
        assertThat(jwt.getId()).isNotBlank();
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void subjectDefaultsToTheRoleName() {
        String token = LocalJwtIssuer.forHome(home).mint(Role.CHANNEL, null);

        Jwt jwt = decoderFor(readPublicPemLikeSpring()).decode(token);

        assertThat(jwt.getSubject()).isEqualTo("channel");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("channel");
    }

    @Test
    void keyPairIsWrittenOnceAndReused() throws Exception {
        LocalJwtIssuer first = LocalJwtIssuer.forHome(home);
        String publicPem = Files.readString(home.resolve("jwt/public.pem"));
        String privatePem = Files.readString(home.resolve("jwt/private.pem"));

        String token = LocalJwtIssuer.forHome(home).mint(Role.ADMIN, "root-admin");

        assertThat(Files.readString(home.resolve("jwt/public.pem"))).isEqualTo(publicPem);
        assertThat(Files.readString(home.resolve("jwt/private.pem"))).isEqualTo(privatePem);
        assertThat(decoderFor(first.keys().publicKey()).decode(token).getSubject()).isEqualTo("root-admin");
        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(home.resolve("jwt/private.pem")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try (InputStream in = Files.newInputStream(home.resolve("jwt/private.pem"))) {
            RSAPrivateKey springRead = RsaKeyConverters.pkcs8().convert(in);
            assertThat(springRead.getModulus()).isEqualTo(first.keys().publicKey().getModulus());
        }
    }

    @Test
    void tokenSignedByAnotherKeyIsRejected() {
        LocalJwtIssuer.forHome(home);
        String foreign = new LocalJwtIssuer(LocalKeyPair.generate()).mint(Role.ADMIN, "mallory");

        assertThatThrownBy(() -> decoderFor(readPublicPemLikeSpring()).decode(foreign))
                .isInstanceOf(BadJwtException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void expiredTokenIsRejected() {
        LocalKeyPair keys = LocalKeyPair.ensure(home.resolve("jwt"));
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String stale = new LocalJwtIssuer(keys, twoHoursAgo).mint(Role.AGENT, "ann", Duration.ofMinutes(5));

        assertThatThrownBy(() -> decoderFor(keys.publicKey()).decode(stale))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void unknownRoleAndNonPositiveLifetimeAreRefused() {
        assertThatThrownBy(() -> Role.parse("superuser")).hasMessageContaining("agent, lead, manager, admin, ops, channel");
        LocalJwtIssuer issuer = new LocalJwtIssuer(LocalKeyPair.generate());
        assertThatThrownBy(() -> issuer.mint(Role.OPS, "o", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokenCommandPrintsOnlyTheToken() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new LocalStack()).setOut(new PrintWriter(out));

        int exitCode = commandLine.execute("token", "--home", home.toString(), "--role", "ops", "--user", "olga", "--ttl", "120");

        assertThat(exitCode).isZero();
        String printed = out.toString();
        assertThat(printed.lines()).hasSize(1);
        Jwt jwt = decoderFor(readPublicPemLikeSpring()).decode(printed.strip());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("ops");
        assertThat(jwt.getSubject()).isEqualTo("olga");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void tokenCommandRefusesAnUnknownRole() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new LocalStack()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));

        int exitCode = commandLine.execute("token", "--home", home.toString(), "--role", "root");

        assertThat(exitCode).isNotZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("Unknown role 'root'");
    }

    private RSAPublicKey readPublicPemLikeSpring() {
        try (InputStream in = Files.newInputStream(home.resolve("jwt/public.pem"))) {
            return RsaKeyConverters.x509().convert(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static NimbusJwtDecoder decoderFor(RSAPublicKey key) {
        return NimbusJwtDecoder.withPublicKey(key).build();
    }
}
