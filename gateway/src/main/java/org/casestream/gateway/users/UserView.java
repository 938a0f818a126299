package org.casestream.gateway.users;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as the admin API shows one: never the password hash or the login counters; the agent they work as. */
public record UserView(String username, String displayName, List<String> roles, boolean disabled,
        Instant createdAt, Instant updatedAt, UUID agentId) {
}
