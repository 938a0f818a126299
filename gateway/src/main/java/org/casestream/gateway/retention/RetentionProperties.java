package org.casestream.gateway.retention;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long the gateway keeps what it no longer needs, from {@code casestream.retention}: {@code sessions}, a login
 * session with its refresh tokens after it was revoked or its last refresh token expired (and a refresh token of a
 * live session after it expired); {@code authEvents}, the authentication audit log admins read. Revoked access
 * tokens go as soon as they expire: an expired token is refused anyway.
 */
@ConfigurationProperties("casestream.retention")
@Validated
public record RetentionProperties(@NotNull @DurationMin(hours = 1) Duration sessions,
                                  @NotNull @DurationMin(days = 1) Duration authEvents) {
}
