package org.casestream.gateway.apikeys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.casestream.gateway.tokens.TokenIssuer;
import org.springframework.stereotype.Component;

/**
 * The JWT forwarded for an API key, reused for most of its lifetime so a busy channel does not cost an RSA
 * signature per request. The key itself is still looked up on every request, so a revoked key stops at once.
 */
@Component
public class ChannelTokens {

    private final TokenIssuer issuer;
    private final Clock clock;
    private final Map<UUID, TokenIssuer.Minted> cache = new ConcurrentHashMap<>();

    public ChannelTokens(TokenIssuer issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    public String tokenFor(ApiKey key) {
        Instant now = clock.instant();
        // renewed once less than a third of its life is left, so services never see it expire in flight
        Duration margin = issuer.accessTokenTtl().dividedBy(3);
        return cache.compute(key.id(), (id, cached) -> cached != null && cached.expiresAt().minus(margin).isAfter(now)
                ? cached : issuer.forChannel(key.id(), key.name(), key.channel())).token();
    }

    public void forget(UUID keyId) {
        cache.remove(keyId);
    }
}
