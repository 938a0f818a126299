package org.casestream.gateway.auth;

import java.time.Duration;

/** Too many failed logins in a row: the account refuses logins for a while (423 with Retry-After). */
public class AccountLocked extends RuntimeException {

    private final Duration retryAfter;

    public AccountLocked(Duration retryAfter) {
        super("account locked");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
