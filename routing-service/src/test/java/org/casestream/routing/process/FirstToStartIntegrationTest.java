package org.casestream.routing.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.casestream.events.Topics;
import org.casestream.localstack.infra.LocalKafka;
import org.casestream.routing.RoutingApplication;
import org.casestream.routing.support.RoutingTokens;
import org.casestream.testkit.Instances;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Routing starting before any other service, on a broker that has no case events topic yet and would give an
 * auto-created topic its stock single partition: routing creates the topic with the platform's partitions and
 * its consumers hold every one of them. (A group that starts on one auto-created partition learns of the rest
 * only at a metadata refresh minutes later, and every event keyed to them waits that long.)
 */
class FirstToStartIntegrationTest {

    @Test
    void routingStartedFirstCreatesTheTopicWithEveryPartitionAndConsumesThemAll() throws Exception {
        TestInfrastructure.start();
        String database = TestInfrastructure.createDatabase("routing_first_to_start");
        try (LocalKafka broker = TestInfrastructure.separateKafka()) {
            String kafka = broker.bootstrapServers();
            assertThat(TestInfrastructure.partitionCount(kafka, Topics.CASE_EVENTS)).isZero();
            try (ConfigurableApplicationContext routing = Instances.start(Map.of(
                    "spring.datasource.url", database,
                    "spring.datasource.username", "postgres",
                    "spring.kafka.bootstrap-servers", kafka,
                    "spring.security.oauth2.resourceserver.jwt.public-key-location", TestInfrastructure.publicKeyLocation(),
                    "casestream.routing.commands.token-source", "test",
                    "casestream.routing.commands.base-url", "http://127.0.0.1:9"), RoutingApplication.class, RoutingTokens.class)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> TestInfrastructure.partitionCount(kafka, Topics.CASE_EVENTS) > 0);
                assertThat(TestInfrastructure.partitionCount(kafka, Topics.CASE_EVENTS))
                        .isEqualTo(Topics.CASE_EVENTS_PARTITIONS);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(TestInfrastructure.assignedPartitions(kafka, "routing-service"))
                                .hasSize(Topics.CASE_EVENTS_PARTITIONS));
            }
        }
    }
}
