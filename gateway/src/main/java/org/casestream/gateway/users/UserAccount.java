package org.casestream.gateway.users;

import java.time.Instant;
import java.util.List;

/** A person who logs in, as stored (the password only as its hash). */
public record UserAccount(String username, String displayName, String passwordHash, List<String> roles,
        boolean disabled, int failedLogins, Instant lockedUntil, Instant createdAt, Instant updatedAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public UserView view() {
        return new UserView(username, displayName, roles, disabled, createdAt, updatedAt);
    }
}
