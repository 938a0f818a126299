package org.casestream.gateway.ratelimit;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Token buckets per person, per API key, and per client address on the open API (survey links, no login): a burst of
 * {@code capacity} requests, refilled gradually at {@code refillTokens} per {@code refillPeriod}.
 */
@ConfigurationProperties("casestream.gateway.rate-limits")
@Validated
public record RateLimitProperties(@Valid @NotNull Limit user, @Valid @NotNull Limit apiKey,
                                  @Valid @NotNull Limit anonymous) {

    public record Limit(@Positive long capacity, @Positive long refillTokens, @NotNull Duration refillPeriod) {
    }
}
