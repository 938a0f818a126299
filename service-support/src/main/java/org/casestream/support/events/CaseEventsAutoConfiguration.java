package org.casestream.support.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.casestream.support.observability.TraceContexts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The case-events consumer kit, for every service that has Spring Kafka: consumers made from its spring.kafka
 * settings, and the broker in the service's health.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({KafkaTemplate.class, MeterRegistry.class})
public class CaseEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CaseEventsConsumers caseEventsConsumers(KafkaProperties kafka, ObjectProvider<MeterRegistry> registry,
                                            ObjectProvider<TraceContexts> traces) {
        return new CaseEventsConsumers(kafka.buildConsumerProperties(null), kafka.buildProducerProperties(null),
                kafka.buildAdminProperties(null), registry.getIfAvailable(SimpleMeterRegistry::new),
                traces.getIfAvailable(() -> TraceContexts.NONE));
    }

    /** {@code kafka} in health and readiness, for every service that talks to the broker. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
        KafkaHealth kafkaHealthIndicator(KafkaProperties kafka) {
            return new KafkaHealth(kafka.buildAdminProperties(null));
        }
    }
}
