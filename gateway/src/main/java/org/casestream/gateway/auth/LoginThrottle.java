package org.casestream.gateway.auth;

import java.time.Duration;

/** The wait before a login attempt is checked, growing with the account's consecutive failures. */
public record LoginThrottle(Duration step, Duration max) {

    public static LoginThrottle of(LoginProperties properties) {
        return new LoginThrottle(properties.delayStep(), properties.maxDelay());
    }

    /** None before the first failure, then step, 2 step, 4 step, ... capped at max. */
    public Duration delayAfter(int consecutiveFailures) {
        if (consecutiveFailures <= 0) {
            return Duration.ZERO;
        }
        int doublings = Math.min(consecutiveFailures - 1, 20);
        Duration delay = step.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
