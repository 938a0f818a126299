package org.casestream.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.casestream.events.Priority;
import org.casestream.events.Topics;
import org.casestream.notification.support.CaseScript;
import org.casestream.notification.support.IntegrationTest;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The offset of a record is committed only once its deliveries are recorded: while recording fails, the group's
 * committed offset stays behind the record and the record is tried again; once recording works, it has its
 * effect, once.
 */
class RecordingFailureIntegrationTest extends IntegrationTest {

    private static final String GROUP = "notification-service";

    @Test
    void aRecordWhoseDeliveriesCannotBeRecordedIsRetriedNotSkippedAndItsOffsetWaits() throws Exception {
        CaseScript script = new CaseScript();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            // everything published so far is handled and committed, on every partition
            publish(new CaseScript().opened(Priority.LOW));
            await().atMost(WAIT).until(() -> everyPartitionCommitted(admin));

            // recording now fails (the table it writes first is away), as it would with the database down
            jdbc.sql("ALTER TABLE processed_event RENAME TO processed_event_away").update();
            RecordMetadata stuck;
            try {
                stuck = publish(script.opened(Priority.MEDIUM));
                TopicPartition partition = new TopicPartition(stuck.topic(), stuck.partition());
                // the group's offset stays at the record (none at all when it is the partition's first)
                long atTheRecord = stuck.offset() == 0 ? -1 : stuck.offset();
                await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> committed(admin, partition) == atTheRecord);
                assertThat(mailsTo(script.customerEmail)).isEmpty();
                assertThat(notificationsOf(script.caseId)).isEmpty();
            } finally {
                jdbc.sql("ALTER TABLE processed_event_away RENAME TO processed_event").update();
            }

            awaitMails(script.customerEmail, 1);
            TopicPartition partition = new TopicPartition(stuck.topic(), stuck.partition());
            await().atMost(WAIT).until(() -> committed(admin, partition) == stuck.offset() + 1);
            await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> mailsTo(script.customerEmail).size() == 1);
            assertThat(subjectsTo(script.customerEmail)).containsExactly(
                    "[" + script.caseNumber + "] We received your request: Cannot log in");
        }
    }

    /** The group's committed offset on {@code partition}; -1 when it has committed none there. */
    private static long committed(Admin admin, TopicPartition partition) throws Exception {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS).get(partition);
        return offset == null ? -1 : offset.offset();
    }

    /** Whether the group has committed up to the end of every partition that holds anything. */
    private static boolean everyPartitionCommitted(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(Topics.CASE_EVENTS)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(Topics.CASE_EVENTS).partitions()
                .forEach(info -> latest.put(new TopicPartition(Topics.CASE_EVENTS, info.partition()), OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
            if (end.getValue().offset() > 0 && committed(admin, end.getKey()) != end.getValue().offset()) {
                return false;
            }
        }
        return true;
    }
}
