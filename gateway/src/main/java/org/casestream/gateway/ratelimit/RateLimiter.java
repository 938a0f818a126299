package org.casestream.gateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

/**
 * One bucket4j token bucket per caller (a person's username, an API key's subject, or the client address of a call
 * without credentials to the open API), in this gateway's memory:
 * with several gateway instances each allows the configured rate, which is the price of no shared store.
 */
@Component
public class RateLimiter {

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets;

    /** A bucket idle long enough to refill completely is forgotten: that changes nothing and bounds the memory. */
    public RateLimiter(RateLimitProperties properties) {
        this.properties = properties;
        Duration refilled = max(max(timeToRefill(properties.user()), timeToRefill(properties.apiKey())),
                timeToRefill(properties.anonymous()));
        this.buckets = Caffeine.newBuilder().expireAfterAccess(refilled).maximumSize(100_000).build();
    }

    private static Duration timeToRefill(RateLimitProperties.Limit limit) {
        return limit.refillPeriod().multipliedBy((limit.capacity() + limit.refillTokens() - 1) / limit.refillTokens());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Zero when the request may go on, else how long until it would be allowed. */
    public Duration tryConsume(String caller, boolean channel) {
        Bucket bucket = buckets.get((channel ? "key:" : "user:") + caller,
                ignored -> newBucket(channel ? properties.apiKey() : properties.user()));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** As {@link #tryConsume}, for a call without credentials from this client address. */
    public Duration tryConsumeAnonymous(String address) {
        Bucket bucket = buckets.get("address:" + address, ignored -> newBucket(properties.anonymous()));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    private static Bucket newBucket(RateLimitProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.refillTokens(), limit.refillPeriod()).build())
                .build();
    }
}
