package org.casestream.notification.rules;

import java.time.Instant;

public record NotificationRule(Trigger trigger, Audience audience, boolean enabled, Instant updatedAt,
                               String updatedBy) {
}
