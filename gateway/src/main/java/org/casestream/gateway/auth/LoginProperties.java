package org.casestream.gateway.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How repeated failed logins are slowed down ({@code delayStep}, doubling per consecutive failure, at most
 * {@code maxDelay}) and when the account locks ({@code maxFailures} in a row, for {@code lockDuration}).
 */
@ConfigurationProperties("casestream.gateway.login")
public record LoginProperties(Duration delayStep, Duration maxDelay, int maxFailures, Duration lockDuration) {
}
