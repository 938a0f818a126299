package org.casestream.notification.deliveries;

/**
 * What one attempt came to. {@code retryable} false parks the delivery at once (a refused target will not become
 * acceptable by waiting). The error is a short description without PII (never a server's or exception's message).
 */
public record SendOutcome(boolean delivered, boolean retryable, Integer responseCode, String error) {

    public static SendOutcome delivered(Integer responseCode) {
        return new SendOutcome(true, false, responseCode, null);
    }

    public static SendOutcome failed(Integer responseCode, String error) {
        return new SendOutcome(false, true, responseCode, error);
    }

    public static SendOutcome refused(String error) {
        return new SendOutcome(false, false, null, error);
    }
}
