package org.casestream.notification.deliveries;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One notification as the delivery log shows it, with every attempt. */
public record DeliveryView(UUID id, UUID caseId, String eventId, String eventType, DeliveryChannel channel,
                           String recipient, UUID subscriptionId, String template, String status, int attempts,
                           Instant at, Instant updatedAt, Instant nextAttemptAt, Instant deliveredAt,
                           Integer lastResponseCode, String lastError, List<DeliveryAttempt> history) {
}
