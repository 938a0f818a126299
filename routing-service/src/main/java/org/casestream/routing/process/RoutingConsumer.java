package org.casestream.routing.process;

import org.casestream.events.Topics;
import org.casestream.routing.RoutingProperties;
import org.casestream.support.events.CaseEventsConsumer;
import org.casestream.support.events.CaseEventsConsumers;
import org.casestream.support.events.CaseEventsHandler;
import org.casestream.support.events.CaseEventsSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Routing's consumer of {@code casestream.case-events}, in consumer group {@code casestream.routing.consumer-group}
 * (default {@code routing-service}: reset it and truncate routing's state tables to rebuild), with
 * {@code casestream.routing.consumers} consumers per instance. One event at a time: its offset counts as done only
 * after its decision committed, i.e. after its commands were accepted; a failure (the command service away, a
 * database hiccup) is retried from that event, with pauses growing to 10 s, for as long as it takes, because
 * routing must not skip a case. Partitions belong to one instance of the group at a time.
 */
@Configuration(proxyBeanMethods = false)
public class RoutingConsumer {

    @Bean
    CaseEventsConsumer routingEvents(CaseEventsConsumers consumers, RoutingProperties properties, RoutingProcess process) {
        CaseEventsSettings settings = CaseEventsSettings.inGroup("routing", Topics.CASE_EVENTS,
                        Topics.CASE_EVENTS_PARTITIONS, properties.consumerGroup())
                .withConcurrency(properties.consumers())
                .withMaxPollRecords(100);
        return consumers.inGroup(settings, CaseEventsHandler.eachEvent(event -> process.handle(event.envelope())));
    }
}
