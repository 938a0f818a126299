package org.casestream.notification.retention;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long the notification service keeps its bookkeeping, from {@code casestream.retention}:
 * {@code processedEvents}, the mark that makes a redelivered event a no-op; {@code deliveries}, a finished delivery
 * (sent, dead or cancelled) with its attempts: the delivery log people read, what a dead letter is redelivered
 * from, and (by its unique key) what keeps a redelivered event from sending twice. A delivery still to be sent is
 * never pruned. {@code inboundRaw}: a received message's raw bytes; {@code inboundMessages}: its row (the Message-ID
 * that keeps a second copy from opening a second case) and the conversations' Message-IDs that replies are threaded
 * by (after that, a reply finds its case by the subject's token only).
 */
@ConfigurationProperties("casestream.retention")
@Validated
public record RetentionProperties(@NotNull @DurationMin(days = 1) Duration processedEvents,
                                  @NotNull @DurationMin(days = 1) Duration deliveries,
                                  @NotNull @DurationMin(days = 1) Duration inboundRaw,
                                  @NotNull @DurationMin(days = 1) Duration inboundMessages) {
}
