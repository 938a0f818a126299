package org.casestream.gateway.auth;

import java.time.Duration;

/**
 * Too many failed logins in a row from one address: the account refuses logins from there for a while (423 with
 * Retry-After); from elsewhere its owner still logs in.
 */
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
