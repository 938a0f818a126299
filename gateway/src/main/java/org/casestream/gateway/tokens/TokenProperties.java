package org.casestream.gateway.tokens;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where the first RS256 key pair lives and its key id (generated there when missing only with
 * {@code generateMissing}, which the local profile sets); who the tokens say issued them and whom they are for
 * ({@code audience}, which every service checks); how long they live; and how keys rotate.
 */
@ConfigurationProperties("casestream.gateway.tokens")
public record TokenProperties(Resource privateKey, Resource publicKey, String keyId, String issuer, String audience,
        Duration accessTokenTtl, Duration refreshTokenTtl, Duration serviceTokenTtl, Rotation rotation,
        boolean generateMissing) {

    /**
     * A new key is published {@code publishAhead} before it signs (longer than the services cache the JWK set),
     * and the key it replaces retires {@code retireAfter} after that (longer than a token lives, plus clock skew).
     * With a {@code period}, the gateway rotates by itself once the signing key is that old.
     */
    public record Rotation(Path ringDirectory, Duration publishAhead, Duration retireAfter, Duration period,
                           Duration refresh) {
    }
}
