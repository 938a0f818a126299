package org.casestream.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.casestream.command.support.IntegrationTest;
import org.casestream.events.Topics;
import org.casestream.localstack.infra.LocalKafka;
import org.casestream.localstack.jwt.Role;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * The case events topic is the complete copy of the store that every rebuild reads: each on a broker of its own,
 * the topic the service creates keeps everything, a topic created before (with a broker's 7-day retention) is set
 * to keep everything at start, and records gone from the topic are found and counted.
 */
class TopicCheckIntegrationTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String SEVEN_DAYS = String.valueOf(TimeUnit.DAYS.toMillis(7));

    @Test
    void theTopicTheServiceCreatesKeepsEveryRecordAndHoldsEveryPublishedEvent() throws Exception {
        try (LocalKafka broker = TestInfrastructure.separateKafka(Map.of("log.retention.ms", SEVEN_DAYS));
             ConfigurableApplicationContext service = start(broker, "topic_fresh");
             Admin admin = admin(broker)) {
            openCases(service, 3);
            TopicCheck check = service.getBean(TopicCheck.class);

            await().atMost(WITHIN).until(() -> check.check().published() >= 3);
            TopicCheck.Report report = check.check();
            assertThat(retention(admin)).isEqualTo(Topics.KEEP_EVERYTHING);
            assertThat(report.retentionChanged()).isFalse();
            assertThat(report.missing()).isZero();
        }
    }

    @Test
    void aTopicThatKeptOnlyAWeekIsSetToKeepEverythingAndLostRecordsAreCounted() throws Exception {
        try (LocalKafka broker = TestInfrastructure.separateKafka(Map.of("log.retention.ms", SEVEN_DAYS));
             Admin admin = admin(broker)) {
            // as a broker's default created it before the services declared how it must keep its records
            admin.createTopics(List.of(new NewTopic(Topics.CASE_EVENTS, 2, (short) 1)
                    .configs(Map.of("retention.ms", SEVEN_DAYS)))).all().get(10, TimeUnit.SECONDS);
            try (ConfigurableApplicationContext service = start(broker, "topic_week")) {
                TopicCheck check = service.getBean(TopicCheck.class);
                await().atMost(WITHIN).until(() -> check.lastReport().isPresent());
                assertThat(check.lastReport().get().retentionChanged()).isTrue();
                assertThat(retention(admin)).isEqualTo(Topics.KEEP_EVERYTHING);

                openCases(service, 4);
                await().atMost(WITHIN).until(() -> check.check().published() >= 4);
                assertThat(check.check().missing()).isZero();

                // what a week's retention would have done to the oldest records
                TopicPartition partition = new TopicPartition(Topics.CASE_EVENTS, 0);
                long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get(10, TimeUnit.SECONDS)
                        .get(partition).offset();
                TopicPartition other = new TopicPartition(Topics.CASE_EVENTS, 1);
                long otherEnd = admin.listOffsets(Map.of(other, OffsetSpec.latest())).all().get(10, TimeUnit.SECONDS)
                        .get(other).offset();
                TopicPartition used = end >= otherEnd ? partition : other;
                long gone = Math.max(end, otherEnd);
                admin.deleteRecords(Map.of(used, RecordsToDelete.beforeOffset(gone))).all().get(10, TimeUnit.SECONDS);

                TopicCheck.Report report = check.check();
                assertThat(report.deletedRecords()).isEqualTo(gone);
                assertThat(report.missing()).isEqualTo(gone);
                assertThat(service.getBean(MeterRegistry.class).get("casestream.topic.missing-records").gauge().value())
                        .isEqualTo(gone);
            }
        }
    }

    private static ConfigurableApplicationContext start(LocalKafka broker, String database) {
        return IntegrationTest.startInstance(Map.of(
                "spring.kafka.bootstrap-servers", broker.bootstrapServers(),
                "spring.datasource.url", TestInfrastructure.createDatabase(database + "_"
                        + UUID.randomUUID().toString().substring(0, 8))));
    }

    private static void openCases(ConfigurableApplicationContext service, int count) {
        RestClient channel = Callers.as("http://localhost:" + Instances.port(service), Role.CHANNEL, "web-form");
        for (int i = 0; i < count; i++) {
            int status = channel.post().uri("/api/intake/tickets").body(Map.of(
                            "customer", Map.of("name", "Ada", "email", "ada@example.com"), "subject", "Kept " + i))
                    .retrieve().toBodilessEntity().getStatusCode().value();
            assertThat(status).isEqualTo(201);
        }
    }

    private static Map<String, String> retention(Admin admin) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CASE_EVENTS);
        var config = admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic);
        return Map.of("retention.ms", config.get("retention.ms").value(),
                "retention.bytes", config.get("retention.bytes").value());
    }

    private static Admin admin(LocalKafka broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
