package org.casestream.notification.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Every setting of the service, from {@code casestream.notification} in application.yml. */
@ConfigurationProperties("casestream.notification")
public record NotificationProperties(String topic, String key, String keyFile, String mailMode, String mailFrom,
                                     String caseLink, Dispatch dispatch, Retry retry) {

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
