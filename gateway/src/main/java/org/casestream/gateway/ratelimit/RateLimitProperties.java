package org.casestream.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token buckets per person and per API key: a burst of {@code capacity} requests, refilled gradually at
 * {@code refillTokens} per {@code refillPeriod}.
 */
@ConfigurationProperties("casestream.gateway.rate-limits")
public record RateLimitProperties(Limit user, Limit apiKey) {

    public record Limit(long capacity, long refillTokens, Duration refillPeriod) {
    }
}
