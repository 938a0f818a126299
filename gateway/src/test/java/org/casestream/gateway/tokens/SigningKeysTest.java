package org.casestream.gateway.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;

import com.nimbusds.jwt.SignedJWT;
import org.casestream.localstack.jwt.LocalJwtIssuer;
import org.casestream.localstack.jwt.LocalKeyPair;
import org.casestream.localstack.jwt.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

/** On a fresh machine the gateway makes its first key pair, in the files ./casestream token signs with too. */
class SigningKeysTest {

    @TempDir
    Path home;

    private SigningKeys keysIn(Path jwt) {
        return keysIn(jwt, true);
    }

    private SigningKeys keysIn(Path jwt, boolean generateMissing) {
        return new SigningKeys(new TokenProperties(new FileSystemResource(jwt.resolve("private.pem")),
                new FileSystemResource(jwt.resolve("public.pem")), "casestream-local", "http://casestream-gateway",
                "casestream-api", Duration.ofMinutes(15), Duration.ofHours(12), Duration.ofMinutes(10), null,
                Duration.ofSeconds(5), generateMissing));
    }

    @Test
    void aMissingPairIsGeneratedOwnerOnlyAndTheLocalToolsSignWithIt() throws Exception {
        Path jwt = home.resolve("jwt");

        SigningKeys keys = keysIn(jwt);

        assertThat(Files.getPosixFilePermissions(jwt.resolve("private.pem")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        LocalKeyPair local = LocalKeyPair.load(jwt);
        assertThat(local.publicKey()).isEqualTo(keys.publicKey());
        String token = new LocalJwtIssuer(local).mint(Role.ADMIN, "cli", Duration.ofMinutes(5));
        assertThat(SignedJWT.parse(token).verify(new com.nimbusds.jose.crypto.RSASSAVerifier(keys.publicKey()))).isTrue();

        assertThat(keysIn(jwt).publicKey()).as("an existing pair is kept").isEqualTo(keys.publicKey());
    }

    @Test
    void outsideLocalDevelopmentAMissingPairStopsTheGatewayNamingTheSettings() {
        Path jwt = home.resolve("nowhere");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> keysIn(jwt, false))
                .hasMessageContaining("CASESTREAM_JWT_PRIVATE_KEY").hasMessageContaining("local profile");
        assertThat(jwt).doesNotExist();
    }
}
