package org.casestream.routing.process;

import org.apache.kafka.clients.admin.NewTopic;
import org.casestream.events.Topics;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

    /**
     * The topic routing consumes, declared here too so that it is created with its partitions whichever service
     * starts first (Boot's KafkaAdmin creates it before the listener starts).
     */
    @Bean
    NewTopic caseEventsTopic() {
        return Topics.caseEventsTopic();
    }

    /**
     * A decision that failed (command service away, database hiccup) is retried from the same record for as long
     * as it takes: routing must not skip a case. Backoff grows to 10 s between attempts.
     */
    @Bean
    CommonErrorHandler routingErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) ->
                log.error("Giving up on {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        Redacted.causes(e)), backOff);
        handler.setRetryListeners((record, e, attempt) -> log.warn("Routing {}-{}@{} failed (attempt {}), will retry: {}",
                record.topic(), record.partition(), record.offset(), attempt, Redacted.causes(e)));
        handler.setAckAfterHandle(false);
        return handler;
    }
}
