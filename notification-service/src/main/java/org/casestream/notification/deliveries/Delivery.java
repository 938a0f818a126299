package org.casestream.notification.deliveries;

import java.util.UUID;

/** A delivery claimed for sending. Subject and body may hold PII: never log them. */
public record Delivery(UUID id, String eventId, String eventType, UUID caseId, DeliveryChannel channel,
                       String recipient, UUID subscriptionId, String subject, String body, int attempts,
                       int roundAttempts) {

    @Override
    public String toString() {
        return "Delivery[" + id + ", " + channel + ", " + eventType + "]";
    }
}
