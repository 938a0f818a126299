package org.casestream.notification.platform;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the service, from {@code casestream.notification} in application.yml, checked at start.
 * {@code consumerGroup}: the consumer group its instances share the case events topic's partitions in.
 * {@code generateKey}: without a key (CASESTREAM_NOTIFICATION_KEY or an existing key file), generate one into the
 * key file (local profile only).
 */
@ConfigurationProperties("casestream.notification")
@Validated
public record NotificationProperties(@NotBlank String topic, @NotBlank String consumerGroup, String key, @NotBlank String keyFile,
                                     @NotBlank String mailMode, @NotBlank String mailFrom, @NotBlank String caseLink,
                                     @Valid @NotNull Dispatch dispatch, @Valid @NotNull Retry retry,
                                     boolean generateKey) {

    /** {@code requireHttps}: webhook and Slack targets must be https (plain http only for local development). */
    public record Dispatch(@NotNull Duration interval, @Positive int batchSize, @NotNull Duration lease,
                           @NotNull Duration connectTimeout, @NotNull Duration requestTimeout, boolean requireHttps) {
    }

    public record Retry(@Positive int maxAttempts, @NotNull Duration initialInterval, @Positive double multiplier,
                        double randomization, @NotNull Duration maxInterval) {
    }

    public boolean logMailOnly() {
        return "log".equalsIgnoreCase(mailMode);
    }

    public String caseLink(Object caseId) {
        return caseLink.replace("{caseId}", String.valueOf(caseId));
    }
}
