package org.casestream.notification.deliveries;

import java.time.Instant;

public record DeliveryAttempt(int attempt, Instant at, String outcome, Integer responseCode, String error) {
}
