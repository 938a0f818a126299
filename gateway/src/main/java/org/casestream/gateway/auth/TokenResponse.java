package org.casestream.gateway.auth;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** What login and refresh answer: a short-lived access token, the next refresh token and who logged in. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, Me user) {

    /**
     * The logged-in person as the dashboard shows them, and the agent they work as (when they do): {@code agentId}
     * from the token; on {@code /api/auth/me} also {@code agent}, that agent as it is now (skills, capacity,
     * availability, load), when the query side has it.
     */
    public record Me(String username, String displayName, List<String> roles, String agentId,
                     @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode agent) {

        public Me(String username, String displayName, List<String> roles, String agentId) {
            this(username, displayName, roles, agentId, null);
        }
    }
}
