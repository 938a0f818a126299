package org.casestream.gateway.users;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A person who logs in, as stored (the password only as its hash). */
public record UserAccount(String username, String displayName, String passwordHash, List<String> roles,
        boolean disabled, int failedLogins, Instant createdAt, Instant updatedAt, UUID agentId) {

    public UserView view() {
        return new UserView(username, displayName, roles, disabled, createdAt, updatedAt, agentId);
    }
}
