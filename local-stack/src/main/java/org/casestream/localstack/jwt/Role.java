package org.casestream.localstack.jwt;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The roles a Casestream token can carry; the {@code roles} claim holds their lower-case names. People are
 * agents, leads, managers, admins and ops; a channel's API key acts as {@code channel}; the routing service acts
 * under its own identity, {@code routing}, the only one that may set SLA targets or record rule decisions; the notification service passes on the mail it
 * receives as {@code notification} (with the claim {@code channel: email}).
 */
public enum Role {
    AGENT, LEAD, MANAGER, ADMIN, OPS, CHANNEL, ROUTING, NOTIFICATION;

    /** The value written into the {@code roles} claim. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts a role name in any case, e.g. {@code agent} or {@code AGENT}. */
    public static Role parse(String text) {
        String wanted = text == null ? "" : text.trim();
        return Arrays.stream(values())
                .filter(role -> role.name().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown role '" + text + "'; expected one of " + names()));
    }

    public static String names() {
        return Arrays.stream(values()).map(Role::claimValue).collect(Collectors.joining(", "));
    }
}
