package org.casestream.gateway.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The TOTP second factor (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, as every authenticator app reads it).
 * A person enrols a secret and proves it with a code; from then on each login needs a code too, and no code is
 * accepted twice. When an admin requires it, admins and leads without one enrol at their next login.
 */
@Component
public class SecondFactor {

    private static final String ISSUER = "Casestream";
    private static final List<String> REQUIRED_FOR = List.of("admin", "lead");
    private static final Duration STEP = Duration.ofSeconds(30);

    /** A secret to put into an authenticator app: as text and as the URI a QR code carries. */
    public record Enrolment(String secret, String otpauthUri) {
    }

    /** What a login's code came to. */
    public enum Outcome { NOT_NEEDED, PASSED, MISSING, WRONG, ENROLMENT_NEEDED }

    private record Stored(String secret, boolean confirmed, Long lastStep) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(STEP);

    public SecondFactor(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether admins and leads must log in with a second factor. */
    public boolean required() {
        return jdbc.sql("SELECT totp_required FROM security_settings WHERE id = 1").query(Boolean.class).single();
    }

    public void require(boolean required) {
        jdbc.sql("UPDATE security_settings SET totp_required = ? WHERE id = 1").param(required).update();
    }

    /**
     * Checks a login's code, after its password was right. A confirmed factor needs a valid code; an account that
     * must have one and has not confirmed it enrols now, with the code for its pending secret.
     */
    public Outcome check(String username, List<String> roles, String code) {
        Optional<Stored> stored = stored(username);
        boolean confirmed = stored.map(Stored::confirmed).orElse(false);
        if (!confirmed && !(required() && roles.stream().anyMatch(REQUIRED_FOR::contains))) {
            return Outcome.NOT_NEEDED;
        }
        if (code == null || code.isBlank()) {
            return confirmed ? Outcome.MISSING : Outcome.ENROLMENT_NEEDED;
        }
        if (stored.isEmpty() || stored.get().secret() == null) {
            return Outcome.ENROLMENT_NEEDED;
        }
        if (!accept(username, stored.get(), code.strip())) {
            return Outcome.WRONG;
        }
        if (!confirmed) {
            jdbc.sql("UPDATE users SET totp_confirmed = TRUE WHERE username = ?").param(username).update();
        }
        return Outcome.PASSED;
    }

    /** A new secret to confirm with a code; refused while a confirmed one exists (an admin resets it first). */
    public Optional<Enrolment> enrol(String username) {
        Optional<Stored> stored = stored(username);
        if (stored.map(Stored::confirmed).orElse(true)) {
            return Optional.empty();
        }
        byte[] key = new byte[20];
        random.nextBytes(key);
        String secret = new Base32().encodeAsString(key).replace("=", "");
        jdbc.sql("UPDATE users SET totp_secret = ?, totp_confirmed = FALSE, totp_last_step = NULL WHERE username = ?")
                .params(secret, username).update();
        return Optional.of(new Enrolment(secret, uri(username, secret)));
    }

    /** The pending enrolment of an account that must enrol: the one it has, else a new one. */
    public Enrolment pendingEnrolment(String username) {
        return stored(username).filter(stored -> stored.secret() != null && !stored.confirmed())
                .map(stored -> new Enrolment(stored.secret(), uri(username, stored.secret())))
                .orElseGet(() -> enrol(username).orElseThrow());
    }

    /** Proves a pending secret with a code: from now on logins need one. */
    public boolean confirm(String username, String code) {
        Optional<Stored> stored = stored(username).filter(found -> found.secret() != null && !found.confirmed());
        if (stored.isEmpty() || code == null || !accept(username, stored.get(), code.strip())) {
            return false;
        }
        jdbc.sql("UPDATE users SET totp_confirmed = TRUE WHERE username = ?").param(username).update();
        return true;
    }

    /** Forgets the factor (a lost phone): the person enrols again. */
    public boolean reset(String username) {
        return jdbc.sql("""
                UPDATE users SET totp_secret = NULL, totp_confirmed = FALSE, totp_last_step = NULL WHERE username = ?""")
                .param(username).update() == 1;
    }

    /** The code of the current step or the one either side (clock skew), each step accepted once. */
    private boolean accept(String username, Stored stored, String code) {
        if (!code.matches("\\d{6}")) {
            return false;
        }
        SecretKeySpec key = new SecretKeySpec(new Base32().decode(stored.secret()), totp.getAlgorithm());
        long now = clock.instant().getEpochSecond() / STEP.toSeconds();
        for (long step = now - 1; step <= now + 1; step++) {
            if (stored.lastStep() != null && step <= stored.lastStep()) {
                continue;
            }
            if (code.equals(codeAt(key, step)) && jdbc.sql("""
                    UPDATE users SET totp_last_step = :step
                    WHERE username = :username AND (totp_last_step IS NULL OR totp_last_step < :step)""")
                    .param("step", step).param("username", username).update() == 1) {
                return true;
            }
        }
        return false;
    }

    private String codeAt(SecretKeySpec key, long step) {
        try {
            return totp.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * STEP.toSeconds()));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("a stored TOTP secret is not a usable key", e);
        }
    }

    private Optional<Stored> stored(String username) {
        return jdbc.sql("SELECT totp_secret, totp_confirmed, totp_last_step FROM users WHERE username = ?")
                .param(username)
                .query((rs, row) -> new Stored(rs.getString(1), rs.getBoolean(2), (Long) rs.getObject(3)))
                .optional();
    }

    private static String uri(String username, String secret) {
        String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=6&period=" + STEP.toSeconds();
    }
}
