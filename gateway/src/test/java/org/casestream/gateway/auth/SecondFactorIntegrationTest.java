package org.casestream.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.codec.binary.Base32;
import org.casestream.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/** TOTP (RFC 6238) as an authenticator app computes it: enrol, confirm, log in with a code, never the same twice. */
class SecondFactorIntegrationTest extends GatewayIntegrationTest {

    private static final String PASSWORD = "a long passphrase";
    private static final TimeBasedOneTimePasswordGenerator APP = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30));

    /** The code an authenticator app shows {@code steps} steps from now. */
    private static String code(String secret, int steps) throws Exception {
        return APP.generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(secret), APP.getAlgorithm()),
                Instant.now().plusSeconds(30L * steps));
    }

    private Answer loginWithCode(String username, String totp) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", PASSWORD));
        if (totp != null) {
            body.put("totp", totp);
        }
        return call("POST", "/api/auth/login", Map.of(), body);
    }

    @Test
    void aPersonEnrolsConfirmsAndThenLogsInWithACodeNeverTheSameTwice() throws Exception {
        String lead = createUser(adminToken(), "Lea Lead", PASSWORD, "lead");
        String token = tokenOf(lead, PASSWORD);

        JsonNode enrolment = call("POST", "/api/auth/second-factor/enrolment", bearer(token), null).json();
        String secret = enrolment.get("secret").asText();
        assertThat(enrolment.get("otpauthUri").asText()).startsWith("otpauth://totp/Casestream%3A" + lead)
                .contains("secret=" + secret).contains("issuer=Casestream");
        assertThat(call("POST", "/api/auth/second-factor/confirmation", bearer(token), Map.of("code", "000000")).status())
                .isEqualTo(400);
        assertThat(call("POST", "/api/auth/second-factor/confirmation", bearer(token), Map.of("code", code(secret, 0)))
                .status()).isEqualTo(204);

        Answer withoutCode = loginWithCode(lead, null);
        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.json().get("type").asText()).endsWith("/second-factor-required");
        assertThat(loginWithCode(lead, "123456").status()).isEqualTo(401);
        String next = code(secret, 1);
        assertThat(loginWithCode(lead, next).status()).isEqualTo(200);
        assertThat(loginWithCode(lead, next).status()).as("a code is accepted once").isEqualTo(401);
        assertThat(call("POST", "/api/auth/second-factor/enrolment", bearer(token), null).status())
                .as("a second enrolment needs an admin's reset first").isEqualTo(409);

        assertThat(call("DELETE", "/api/admin/users/" + lead + "/second-factor", bearer(adminToken()), null).status())
                .isEqualTo(204);
        assertThat(loginWithCode(lead, null).status()).as("reset: a password is enough again").isEqualTo(200);
    }

    @Test
    void whenAnAdminRequiresItAdminsAndLeadsEnrolAtTheirNextLoginAndOthersDoNot() throws Exception {
        String admin = adminToken();
        String lead = createUser(admin, "Lou Lead", PASSWORD, "lead");
        String agent = createUser(admin, "Ann Agent", PASSWORD, "agent");
        assertThat(call("PUT", "/api/admin/security-settings", bearer(tokenOf(agent, PASSWORD)),
                Map.of("secondFactorRequired", true)).status()).isEqualTo(403);
        assertThat(call("PUT", "/api/admin/security-settings", bearer(admin), Map.of("secondFactorRequired", true))
                .json().get("secondFactorRequired").asBoolean()).isTrue();
        try {
            Answer enrol = loginWithCode(lead, null);
            assertThat(enrol.status()).isEqualTo(401);
            assertThat(enrol.json().get("type").asText()).endsWith("/second-factor-enrolment-required");
            String secret = enrol.json().get("enrolment").get("secret").asText();
            assertThat(loginWithCode(lead, null).json().get("enrolment").get("secret").asText())
                    .as("the same pending secret until it is confirmed").isEqualTo(secret);

            assertThat(loginWithCode(lead, code(secret, 0)).status()).isEqualTo(200);
            assertThat(loginWithCode(lead, null).json().get("type").asText()).endsWith("/second-factor-required");
            assertThat(loginWithCode(agent, null).status()).as("agents are not required to").isEqualTo(200);
        } finally {
            call("PUT", "/api/admin/security-settings", bearer(admin), Map.of("secondFactorRequired", false));
        }
    }
}
