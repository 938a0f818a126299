package org.casestream.gateway.users;

import java.time.Instant;
import java.util.List;

/** A user as the admin API shows one: never the password hash or the login counters. */
public record UserView(String username, String displayName, List<String> roles, boolean disabled,
        Instant createdAt, Instant updatedAt) {
}
