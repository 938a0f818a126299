package org.casestream.gateway.auth;

import java.time.Duration;

/** This client address failed too many logins lately: it waits (429 with Retry-After), whatever account it tries. */
public class LoginThrottled extends RuntimeException {

    private final Duration retryAfter;

    public LoginThrottled(Duration retryAfter) {
        super("login throttled");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
