package org.casestream.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

/**
 * One bucket4j token bucket per caller (a person's username or an API key's subject), in this gateway's memory:
 * with several gateway instances each allows the configured rate, which is the price of no shared store.
 */
@Component
public class RateLimiter {

    private final RateLimitProperties properties;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(RateLimitProperties properties) {
        this.properties = properties;
    }

    /** Zero when the request may go on, else how long until it would be allowed. */
    public Duration tryConsume(String caller, boolean channel) {
        Bucket bucket = buckets.computeIfAbsent((channel ? "key:" : "user:") + caller,
                ignored -> newBucket(channel ? properties.apiKey() : properties.user()));
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
