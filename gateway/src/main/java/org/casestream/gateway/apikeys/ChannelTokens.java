package org.casestream.gateway.apikeys;

import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.casestream.gateway.tokens.TokenIssuer;
import org.springframework.stereotype.Component;

/**
 * The JWT forwarded for an API key, reused for most of its lifetime so a busy channel does not cost an RSA
 * signature per request: kept for two thirds of its life, so services never see one expire in flight. The key
 * itself is still looked up on every request, so a revoked key stops at once.
 */
@Component
public class ChannelTokens {

    private final TokenIssuer issuer;
    private final Cache<UUID, String> cache;

    public ChannelTokens(TokenIssuer issuer, MeterRegistry meters) {
        this.issuer = issuer;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(issuer.accessTokenTtl().multipliedBy(2).dividedBy(3))
                .maximumSize(10_000)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, cache, "channel-tokens");
    }

    public String tokenFor(ApiKey key) {
        return cache.get(key.id(), id -> issuer.forChannel(key.id(), key.name(), key.channel()).token());
    }

    public void forget(UUID keyId) {
        cache.invalidate(keyId);
    }
}
