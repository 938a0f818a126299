package org.casestream.notification.platform;

import org.apache.kafka.clients.admin.NewTopic;
import org.casestream.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The topic this service consumes is declared here too, so that it is created with its partitions whichever
 * service starts first (Boot's KafkaAdmin creates it before the listener starts).
 * <p>
 * A record whose deliveries could not be recorded (the database is away, say) is tried again, without end and
 * without committing its offset: skipping it would lose its notifications. Boot wires this handler into the
 * listener container factory.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    @Bean
    NewTopic caseEventsTopic() {
        return Topics.caseEventsTopic();
    }

    @Bean
    DefaultErrorHandler recordingErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }
}
