package org.casestream.support.pruning;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the pruning job runs, from {@code casestream.pruning} in the service's application.yml: every
 * {@code interval} (the first time {@code initialDelay} after start), deleting at most {@code batchSize} rows per
 * statement. How long each table's rows are kept is the service's own {@code casestream.retention}.
 */
@ConfigurationProperties("casestream.pruning")
@Validated
public record PruningProperties(@NotNull @DurationMin(seconds = 1) Duration interval, @NotNull Duration initialDelay,
                                @Positive int batchSize) {
}
