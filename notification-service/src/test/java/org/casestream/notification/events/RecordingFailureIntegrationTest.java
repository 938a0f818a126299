package org.casestream.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.casestream.events.Priority;
import org.casestream.events.Topics;
import org.casestream.localstack.testing.TestInfrastructure;
import org.casestream.notification.support.CaseScript;
import org.casestream.notification.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The offset of a record is committed only once its deliveries are recorded: while recording fails, the group's
 * committed offset stays behind the record and the record is tried again; once recording works, it has its
 * effect, once.
 */
class RecordingFailureIntegrationTest extends IntegrationTest {

    private static final String GROUP = "notification-service";
    private static final TopicPartition PARTITION = new TopicPartition(Topics.CASE_EVENTS, 0);

    @Test
    void aRecordWhoseDeliveriesCannotBeRecordedIsRetriedNotSkippedAndItsOffsetWaits() throws Exception {
        CaseScript script = new CaseScript();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            // everything published so far is handled and committed
            publish(new CaseScript().opened(Priority.LOW));
            await().atMost(WAIT).until(() -> committed(admin) == endOffset(admin));

            // recording now fails (the table it writes first is away), as it would with the database down
            jdbc.sql("ALTER TABLE processed_event RENAME TO processed_event_away").update();
            try {
                publish(script.opened(Priority.MEDIUM));
                long end = endOffset(admin);
                await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> committed(admin) == end - 1);
                assertThat(mailsTo(script.customerEmail)).isEmpty();
                assertThat(notificationsOf(script.caseId)).isEmpty();
            } finally {
                jdbc.sql("ALTER TABLE processed_event_away RENAME TO processed_event").update();
            }

            awaitMails(script.customerEmail, 1);
            await().atMost(WAIT).until(() -> committed(admin) == endOffset(admin));
            await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> mailsTo(script.customerEmail).size() == 1);
            assertThat(subjectsTo(script.customerEmail)).containsExactly(
                    "[" + script.caseNumber + "] We received your request: Cannot log in");
        }
    }

    private static long committed(Admin admin) throws Exception {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS).get(PARTITION);
        return offset == null ? -1 : offset.offset();
    }

    private static long endOffset(Admin admin) throws Exception {
        return admin.listOffsets(Map.of(PARTITION, OffsetSpec.latest())).partitionResult(PARTITION)
                .get(10, TimeUnit.SECONDS).offset();
    }
}
