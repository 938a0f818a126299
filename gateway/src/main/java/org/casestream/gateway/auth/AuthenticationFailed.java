package org.casestream.gateway.auth;

/** A wrong username or password, a disabled account or a bad refresh token: one answer for all (401). */
public class AuthenticationFailed extends RuntimeException {

    public AuthenticationFailed(String message) {
        super(message);
    }
}
