package org.casestream.gateway.tokens;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/** Where the RS256 key pair lives, what the tokens say about their issuer and how long they live. */
@ConfigurationProperties("casestream.gateway.tokens")
public record TokenProperties(Resource privateKey, Resource publicKey, String keyId, String issuer,
        Duration accessTokenTtl, Duration refreshTokenTtl) {
}
