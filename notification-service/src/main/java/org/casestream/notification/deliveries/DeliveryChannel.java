package org.casestream.notification.deliveries;

import com.fasterxml.jackson.annotation.JsonValue;

public enum DeliveryChannel {
    EMAIL("email"),
    SLACK("slack"),
    WEBHOOK("webhook");

    private final String wire;

    DeliveryChannel(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static DeliveryChannel of(String value) {
        for (DeliveryChannel candidate : values()) {
            if (candidate.wire.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown channel: " + value);
    }
}
