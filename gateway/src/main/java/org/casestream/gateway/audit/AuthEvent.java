package org.casestream.gateway.audit;

import java.time.Instant;

/**
 * One entry of the authentication audit log. {@code username} is null when the name tried names no account;
 * {@code address} is the client's address as the gateway saw it (through trusted proxies only).
 */
public record AuthEvent(long id, Instant at, Kind event, String username, String address, String detail) {

    /** What happened, by its stable wire name. */
    public enum Kind {
        LOGIN_SUCCEEDED("login-succeeded"),
        LOGIN_FAILED("login-failed"),
        /** This failure locked the account for the address it came from. */
        LOGIN_LOCKED("login-locked"),
        /** A login refused without a password check: locked for this address, or the address is throttled. */
        LOGIN_REFUSED("login-refused"),
        LOGOUT("logout"),
        TOKEN_REFRESHED("token-refreshed"),
        /** A rotated refresh token came back: stolen or replayed, its session revoked. */
        REFRESH_REUSED("refresh-reused"),
        SECOND_FACTOR_ENABLED("second-factor-enabled"),
        /** An admin removed someone's second factor (a lost phone). */
        SECOND_FACTOR_RESET("second-factor-reset");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String wire() {
            return wire;
        }

        public static Kind of(String wire) {
            for (Kind kind : values()) {
                if (kind.wire.equals(wire)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown auth event " + wire);
        }
    }
}
