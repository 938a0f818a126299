package org.casestream.gateway.auth;

import java.util.List;

/** What login and refresh answer: a short-lived access token, the next refresh token and who logged in. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, Me user) {

    /** The logged-in person as the dashboard shows them, and the agent they work as (when they do). */
    public record Me(String username, String displayName, List<String> roles, String agentId) {
    }
}
