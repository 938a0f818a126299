package org.casestream.command.retention;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long the command service remembers what makes a retry harmless, from {@code casestream.retention}:
 * {@code processedCommands}, a command's {@code Idempotency-Key} (its {@code commandId}); {@code intakeRequests},
 * a channel's {@code Idempotency-Key} and external reference with the answer a retry gets. A retry after that is
 * new: the command is applied again, the ticket opens a new case. Which channel owns a case is never pruned.
 */
@ConfigurationProperties("casestream.retention")
@Validated
public record RetentionProperties(@NotNull @DurationMin(days = 1) Duration processedCommands,
                                  @NotNull @DurationMin(days = 1) Duration intakeRequests) {
}
