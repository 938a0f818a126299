package org.casestream.gateway.auth;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How repeated failed logins are slowed down: an account's consecutive failures (from anywhere) make each next
 * check wait ({@code delayStep}, doubling, at most {@code maxDelay}); {@code maxFailures} in a row from one
 * client address lock the account for that address for {@code lockDuration}; one address may fail
 * {@code addressFailures} logins per {@code addressWindow}, whatever the accounts, before it must wait.
 */
@ConfigurationProperties("casestream.gateway.login")
@Validated
public record LoginProperties(@NotNull Duration delayStep, @NotNull Duration maxDelay, @Positive int maxFailures,
                              @NotNull Duration lockDuration, @Positive int addressFailures,
                              @NotNull Duration addressWindow) {
}
