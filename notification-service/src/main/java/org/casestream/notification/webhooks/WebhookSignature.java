package org.casestream.notification.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook delivery is signed: HMAC-SHA256 with the subscription's secret over {@code timestamp + "." + body},
 * hex-encoded, sent as {@code X-Casestream-Signature: v1=<hex>} beside {@code X-Casestream-Timestamp} (Unix
 * seconds). A receiver recomputes it and rejects old timestamps, so a captured delivery cannot be replayed.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Casestream-Signature";
    public static final String TIMESTAMP_HEADER = "X-Casestream-Timestamp";
    public static final String DELIVERY_HEADER = "X-Casestream-Delivery";
    public static final String EVENT_HEADER = "X-Casestream-Event";
    public static final String VERSION = "v1=";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return VERSION + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** What a receiver does; in constant time. */
    public static boolean verify(String secret, long timestamp, String body, String signature) {
        return signature != null && MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
