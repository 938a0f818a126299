package org.casestream.notification.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as shown to admins: never its secret. {@code events} holds event names, or "*" for all. */
public record WebhookSubscription(UUID id, String url, List<String> events, Instant createdAt, String createdBy) {
}
