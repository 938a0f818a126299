package org.casestream.notification.deliveries;

import java.util.UUID;

/**
 * One effect an event should have: what to send, on which channel, to whom. The recipient is an email address,
 * a Slack team, or a webhook subscription's id; with the event id and the channel it is the delivery's unique key.
 */
public record PlannedDelivery(DeliveryChannel channel, String recipient, UUID subscriptionId, String template,
                              String subject, String body) {

    @Override
    public String toString() {
        return "PlannedDelivery[" + channel + ", " + template + "]";
    }
}
