package org.casestream.notification.events;

import java.util.List;

import org.casestream.events.Topics;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.notification.platform.NotificationProperties;
import org.casestream.support.events.CaseEventRecord;
import org.casestream.support.events.CaseEventsConsumer;
import org.casestream.support.events.CaseEventsConsumers;
import org.casestream.support.events.CaseEventsSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads the case events topic in consumer group {@code casestream.notification.consumer-group}, a poll's worth at a
 * time, and records each batch's deliveries in one transaction ({@link EventRecorder#recordAll}); the offsets are
 * committed only after that. A batch that cannot be recorded (the database is away) is tried again without end:
 * skipping it would lose its notifications.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationConsumer {

    @Bean
    CaseEventsConsumer notificationEvents(CaseEventsConsumers consumers, NotificationProperties properties,
                                          EventRecorder recorder) {
        CaseEventsSettings settings = CaseEventsSettings.inGroup("notification", properties.topic(),
                Topics.CASE_EVENTS_PARTITIONS, properties.consumerGroup());
        return consumers.inGroup(settings, batch -> {
            List<EventEnvelope> events = batch.events().stream().map(CaseEventRecord::envelope).toList();
            if (!events.isEmpty()) {
                recorder.recordAll(events);
            }
        });
    }
}
