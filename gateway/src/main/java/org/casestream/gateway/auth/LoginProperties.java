package org.casestream.gateway.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How repeated failed logins are slowed down: an account's consecutive failures (from anywhere) make each next
 * check wait ({@code delayStep}, doubling, at most {@code maxDelay}); {@code maxFailures} in a row from one
 * client address lock the account for that address for {@code lockDuration}; one address may fail
 * {@code addressFailures} logins per {@code addressWindow}, whatever the accounts, before it must wait.
 */
@ConfigurationProperties("casestream.gateway.login")
public record LoginProperties(Duration delayStep, Duration maxDelay, int maxFailures, Duration lockDuration,
                              int addressFailures, Duration addressWindow) {
}
