package org.casestream.routing.retention;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long routing keeps its decisions log (why each case went where it went, {@code GET
 * /api/routing/decisions/{caseId}}), from {@code casestream.retention.decisions}, and the cases' embeddings
 * similar cases are found among ({@code casestream.retention.case-vectors}). Nothing routing decides from is
 * pruned: its cases, agents and SLA timers are its state (a fired timer is what keeps a target from breaching
 * twice), and a redelivered event is recognised by each case's and agent's last sequence, not by a log.
 */
@ConfigurationProperties("casestream.retention")
@Validated
public record RetentionProperties(@NotNull @DurationMin(days = 1) Duration decisions,
                                  @NotNull @DurationMin(days = 1) Duration caseVectors) {
}
