package org.casestream.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.casestream.events.Topics;
import org.casestream.localstack.infra.LocalKafka;
import org.casestream.notification.NotificationApplication;
import org.casestream.testkit.Instances;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The notification service starting before any other, on a broker without the case events topic that would give
 * an auto-created topic one partition: it creates the topic with the platform's partitions and consumes them all
 * (on one auto-created partition, the rest would reach it only at a metadata refresh minutes later).
 */
class FirstToStartIntegrationTest {

    @Test
    void notificationsStartedFirstCreateTheTopicWithEveryPartitionAndConsumeThemAll() throws Exception {
        TestInfrastructure.start();
        String database = TestInfrastructure.createDatabase("notification_first_to_start");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try (LocalKafka broker = TestInfrastructure.separateKafka()) {
            String kafka = broker.bootstrapServers();
            assertThat(TestInfrastructure.partitionCount(kafka, Topics.CASE_EVENTS)).isZero();
            try (ConfigurableApplicationContext notifications = Instances.start(Map.of(
                    "spring.datasource.url", database,
                    "spring.datasource.username", "postgres",
                    "spring.kafka.bootstrap-servers", kafka,
                    "spring.security.oauth2.resourceserver.jwt.public-key-location", TestInfrastructure.publicKeyLocation(),
                    "casestream.notification.key", Base64.getEncoder().encodeToString(key),
                    "casestream.notification.mail-mode", "log",
                    "casestream.surveys.key", TestInfrastructure.SURVEY_KEY), NotificationApplication.class)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> TestInfrastructure.partitionCount(kafka, Topics.CASE_EVENTS) > 0);
                assertThat(TestInfrastructure.partitionCount(kafka, Topics.CASE_EVENTS))
                        .isEqualTo(Topics.CASE_EVENTS_PARTITIONS);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(TestInfrastructure.assignedPartitions(kafka, "notification-service"))
                                .hasSize(Topics.CASE_EVENTS_PARTITIONS));
            }
        }
    }
}
