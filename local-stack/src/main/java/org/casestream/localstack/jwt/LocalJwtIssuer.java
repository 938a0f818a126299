package org.casestream.localstack.jwt;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.casestream.localstack.CasestreamHome;

/**
 * Mints RS256 tokens signed with the local stack's key, shaped like the gateway's:
 * {@code iss}, {@code sub}, {@code roles} (lower-case names), {@code name}, {@code iat},
 * {@code exp}, {@code jti}, and {@code kid} in the header. For the launcher, benchmarks and tests.
 */
public final class LocalJwtIssuer {

    /** The gateway's issuer and audience by default, so services accept these tokens like a login's. */
    public static final String ISSUER = "http://casestream-gateway";
    public static final String AUDIENCE = "casestream-api";
    public static final String KEY_ID = "casestream-local";
    public static final String ROLES_CLAIM = "roles";
    public static final String NAME_CLAIM = "name";
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    private final LocalKeyPair keys;
    private final Clock clock;

    public LocalJwtIssuer(LocalKeyPair keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public LocalJwtIssuer(LocalKeyPair keys) {
        this(keys, Clock.systemUTC());
    }

    /** An issuer using {@code <home>/jwt}, generating the key pair there if it is missing. */
    public static LocalJwtIssuer forHome(CasestreamHome home) {
        return new LocalJwtIssuer(LocalKeyPair.ensure(home.jwtDirectory()));
    }

    public static LocalJwtIssuer forHome(Path casestreamHome) {
        return forHome(new CasestreamHome(casestreamHome));
    }

    public LocalKeyPair keys() {
        return keys;
    }

    /** A token for {@code user} (defaults to the role's name when blank) with one role. */
    public String mint(Role role, String user, Duration ttl) {
        return mint(role, user, ttl, Map.of());
    }

    /**
     * The same with further claims, e.g. a channel token's {@code channel} (the channel a key posts for) or a
     * person's {@code agentId} (the agent that login works as). They come last, so they may replace a standard
     * claim; a null value removes it.
     */
    public String mint(Role role, String user, Duration ttl, Map<String, ?> claims) {
        Objects.requireNonNull(role, "role");
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("The token lifetime must be positive, was " + ttl);
        }
        String subject = user == null || user.isBlank() ? role.claimValue() : user.trim();
        Instant now = clock.instant();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim(ROLES_CLAIM, List.of(role.claimValue()))
                .claim(NAME_CLAIM, subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString());
        // further claims last: a test may replace iss or aud, or drop one by giving it no value
        claims.forEach(builder::claim);
        JWTClaimsSet set = builder.build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(KEY_ID)
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, set);
        try {
            jwt.sign(new RSASSASigner(keys.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the token", e);
        }
        return jwt.serialize();
    }

    public String mint(Role role, String user) {
        return mint(role, user, DEFAULT_TTL);
    }
}
