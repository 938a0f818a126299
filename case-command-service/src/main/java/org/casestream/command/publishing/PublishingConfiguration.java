package org.casestream.command.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The case events topic, created at start-up when the broker lacks it (partitions and replicas are settings). */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    @Bean
    NewTopic caseEventsTopic(PublishingProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(properties.partitions())
                .replicas(properties.replicas()).build();
    }
}
