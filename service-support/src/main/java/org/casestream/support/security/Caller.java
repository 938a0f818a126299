package org.casestream.support.security;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, from the verified JWT: the subject (a user, a service or a channel's key), a display name,
 * roles, for channels the channel they post for, and for a person who works as an agent that agent's id.
 * Whatever a command records about who acted comes from here, never from a request body.
 */
public record Caller(String subject, String name, Set<String> roles, String channel, String agentId) {

    public static final String ROLES_CLAIM = "roles";
    public static final String CHANNEL_CLAIM = "channel";
    public static final String AGENT_CLAIM = "agentId";
    /** A channel's API key. */
    public static final String CHANNEL_ROLE = "channel";
    /** The routing service's own identity: the only one that sets SLA targets and records rule decisions. */
    public static final String ROUTING_ROLE = "routing";
    /**
     * The notification service's own identity: it passes on the mail it receives as the {@code email} channel (its
     * tokens name that channel), opening tickets and adding customers' replies, and may do nothing else.
     */
    public static final String NOTIFICATION_ROLE = "notification";

    public static Caller current() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return of(token.getToken());
        }
        throw new IllegalStateException("no authenticated caller");
    }

    public static Caller of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        String name = jwt.getClaimAsString("name");
        return new Caller(jwt.getSubject(), name == null ? jwt.getSubject() : name,
                roles == null ? Set.of() : Set.copyOf(roles), jwt.getClaimAsString(CHANNEL_CLAIM),
                jwt.getClaimAsString(AGENT_CLAIM));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isChannel() {
        return hasRole(CHANNEL_ROLE);
    }

    public boolean isRouting() {
        return hasRole(ROUTING_ROLE);
    }
}
