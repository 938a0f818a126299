package org.casestream.command.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.casestream.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The case events topic, created at start-up when the broker lacks it (partitions and replicas are settings), and
 * the publisher's error handling: it must stop and retry on a failed send, never log and skip the event.
 */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    @Bean
    ConfigurerModule publisherErrorHandling() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance())
                .registerErrorHandler(KafkaEventPublisher.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }

    @Bean
    NewTopic caseEventsTopic(PublishingProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(properties.partitions())
                .replicas(properties.replicas()).configs(Topics.KEEP_EVERYTHING).build();
    }
}
