package org.casestream.events.customers;

import java.util.Locale;
import java.util.Objects;

/**
 * A way a customer is recognised: an email address (compared in lower case), or a channel's own id for them
 * ({@code channel} set). One identity belongs to one customer.
 */
public record CustomerIdentity(String kind, String channel, String value) {

    public static final String EMAIL = "email";
    public static final String EXTERNAL = "external";

    public CustomerIdentity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (!kind.equals(EMAIL) && !kind.equals(EXTERNAL)) {
            throw new IllegalArgumentException("an identity is an email or an external id: " + kind);
        }
        if (kind.equals(EXTERNAL) == (channel == null)) {
            throw new IllegalArgumentException("an external id names its channel, an email none");
        }
        value = kind.equals(EMAIL) ? value.strip().toLowerCase(Locale.ROOT) : value.strip();
    }

    public static CustomerIdentity email(String address) {
        return new CustomerIdentity(EMAIL, null, address);
    }

    public static CustomerIdentity external(String channel, String id) {
        return new CustomerIdentity(EXTERNAL, channel, id);
    }

    /** The key one identity is unique under: {@code email:ada@example.com}, {@code external:web:4711}. */
    public String key() {
        return kind.equals(EMAIL) ? EMAIL + ":" + value : EXTERNAL + ":" + channel + ":" + value;
    }

    @Override
    public String toString() {
        return "CustomerIdentity[" + kind + (channel == null ? "" : ":" + channel) + "]";
    }
}
