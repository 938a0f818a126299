package org.casestream.command.publishing;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.casestream.events.Topics;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where and how events are published: {@code casestream.publishing.*}, checked at start. */
@ConfigurationProperties("casestream.publishing")
@Validated
public record PublishingProperties(@NotBlank String topic, @DurationMin(millis = 1) Duration sendTimeout,
                                   @Positive Integer partitions, @Positive Short replicas) {

    public PublishingProperties {
        topic = topic == null ? Topics.CASE_EVENTS : topic;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        partitions = partitions == null ? Topics.CASE_EVENTS_PARTITIONS : partitions;
        replicas = replicas == null ? 1 : replicas;
    }
}
