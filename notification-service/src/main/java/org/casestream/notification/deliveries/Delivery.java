package org.casestream.notification.deliveries;

import java.util.UUID;

/**
 * A delivery claimed for sending. Subject and body may hold PII: never log them. {@code template} names what was
 * rendered (an email's {@code customer/...} or {@code staff/...} template), when it was.
 */
public record Delivery(UUID id, String eventId, String eventType, UUID caseId, DeliveryChannel channel,
                       String recipient, UUID subscriptionId, String subject, String body, int attempts,
                       int roundAttempts, String template) {

    public Delivery(UUID id, String eventId, String eventType, UUID caseId, DeliveryChannel channel, String recipient,
            UUID subscriptionId, String subject, String body, int attempts, int roundAttempts) {
        this(id, eventId, eventType, caseId, channel, recipient, subscriptionId, subject, body, attempts,
                roundAttempts, null);
    }

    /** A mail to the case's customer (not to staff). */
    public boolean toCustomer() {
        return channel == DeliveryChannel.EMAIL && template != null && template.startsWith("customer/");
    }

    @Override
    public String toString() {
        return "Delivery[" + id + ", " + channel + ", " + eventType + "]";
    }
}
