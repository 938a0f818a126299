package org.casestream.notification.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("casestream.notification")
/**
 * Every setting of the service, from {@code casestream.notification} in application.yml. {@code generateKey}: without
 * a key (CASESTREAM_NOTIFICATION_KEY or an existing key file), generate one into the key file (local profile only).
 */
public record NotificationProperties(String topic, String key, String keyFile, String mailMode, String mailFrom,
                                     String caseLink, Dispatch dispatch, Retry retry, boolean generateKey) {

    /** {@code requireHttps}: webhook and Slack targets must be https (plain http only for local development). */
    public record Dispatch(Duration interval, int batchSize, Duration lease, Duration connectTimeout,
                           Duration requestTimeout, boolean requireHttps) {
    }

    public record Retry(int maxAttempts, Duration initialInterval, double multiplier, double randomization,
                        Duration maxInterval) {
    }

    public boolean logMailOnly() {
        return "log".equalsIgnoreCase(mailMode);
    }

    public String caseLink(Object caseId) {
        return caseLink.replace("{caseId}", String.valueOf(caseId));
    }
}
