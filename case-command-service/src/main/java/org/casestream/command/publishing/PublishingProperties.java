package org.casestream.command.publishing;

import java.time.Duration;

import org.casestream.events.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where and how events are published: {@code casestream.publishing.*}. */
@ConfigurationProperties("casestream.publishing")
public record PublishingProperties(String topic, Duration sendTimeout, Integer partitions, Short replicas) {

    public PublishingProperties {
        topic = topic == null ? Topics.CASE_EVENTS : topic;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        partitions = partitions == null ? Topics.CASE_EVENTS_PARTITIONS : partitions;
        replicas = replicas == null ? 1 : replicas;
    }
}
