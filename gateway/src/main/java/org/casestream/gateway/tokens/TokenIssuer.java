package org.casestream.gateway.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.casestream.support.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Mints the RS256 access tokens the services verify: {@code iss}, {@code aud}, {@code sub}, {@code name},
 * {@code roles}, {@code iat}, {@code exp}, {@code jti} and the signing key's {@code kid} in the header; a person's
 * token also names its login session ({@code sid}), a channel's its {@code channel}.
 */
@Component
public class TokenIssuer {

    public static final String SESSION_CLAIM = "sid";
    public static final String CHANNEL_ROLE = "channel";

    private final SigningKeyRing keys;
    private final TokenProperties properties;
    private final Clock clock;

    public TokenIssuer(SigningKeyRing keys, TokenProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** A signed token and when it expires. */
    public record Minted(String token, Instant expiresAt) {
    }

    /** {@code agentId}: the agent the person works as, or null. */
    public Minted forPerson(String username, String displayName, List<String> roles, UUID sessionId, UUID agentId) {
        return mint(new JWTClaimsSet.Builder()
                .subject(username)
                .claim("name", displayName)
                .claim(Caller.ROLES_CLAIM, List.copyOf(roles))
                .claim(SESSION_CLAIM, sessionId.toString())
                .claim(Caller.AGENT_CLAIM, agentId == null ? null : agentId.toString()));
    }

    public Minted forChannel(UUID apiKeyId, String keyName, String channel) {
        return mint(new JWTClaimsSet.Builder()
                .subject("apikey:" + apiKeyId)
                .claim("name", keyName)
                .claim(Caller.ROLES_CLAIM, List.of(CHANNEL_ROLE))
                .claim(Caller.CHANNEL_CLAIM, channel));
    }

    public Duration accessTokenTtl() {
        return properties.accessTokenTtl();
    }

    private Minted mint(JWTClaimsSet.Builder claims) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.accessTokenTtl());
        JWTClaimsSet set = claims.issuer(properties.issuer())
                .audience(properties.audience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        RSAKey key = keys.current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), set);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return new Minted(jwt.serialize(), expiresAt);
    }
}
