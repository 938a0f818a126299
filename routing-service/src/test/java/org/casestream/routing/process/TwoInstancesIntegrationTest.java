package org.casestream.routing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.casestream.routing.RoutingApplication;
import org.casestream.routing.support.RoutingIntegrationTest;
import org.casestream.routing.support.RoutingTokens;
import org.casestream.testkit.Instances;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A second routing instance in the same consumer group: the group splits the work, the lock keeps loads honest. */
class TwoInstancesIntegrationTest extends RoutingIntegrationTest {

    private static final int CASES = 12;

    @Autowired
    private JdbcClient jdbc;

    @Value("${casestream.routing.commands.base-url}")
    private String commandUrl;

    @Test
    void twoInstancesNeverAssignBeyondCapacityNorTwice() throws Exception {
        try (ConfigurableApplicationContext second = Instances.start(Instances.onTestInfrastructure(Map.of(
                "casestream.routing.commands.token-source", "test",
                "casestream.routing.commands.base-url", commandUrl)), RoutingApplication.class, RoutingTokens.class);
             AdminClient admin = AdminClient.create(adminConfig())) {
            // three consumers per instance (casestream.routing.consumers), so six members of one group
            await(Duration.ofSeconds(60), () -> assertThat(members(admin)).isEqualTo(6));

            UUID agent = registerAgent(Map.of("Login", 1), 3);
            setAvailability(agent, "online");
            List<UUID> cases = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                cases.add(openCase("Cannot log in " + i, "password rejected", "standard", "web"));
            }
            await(Duration.ofSeconds(60), () -> assertThat(jdbc.sql("""
                            SELECT count(DISTINCT case_id) FROM routing.decisions
                            WHERE case_id = ANY (?) AND kind IN ('assigned', 'waiting')""")
                    .param(cases.toArray(UUID[]::new)).query(Long.class).single()).isEqualTo(CASES));

            // no agent holds more open cases than their capacity, whichever instance decided
            List<Map<String, Object>> overloaded = jdbc.sql("""
                            SELECT a.agent_id, a.capacity, count(c.case_id) AS load FROM routing.agents a
                            JOIN routing.cases c ON c.assignee = a.agent_id AND c.status <> 'done'
                            GROUP BY a.agent_id, a.capacity HAVING count(c.case_id) > a.capacity""")
                    .query().listOfRows();
            assertThat(overloaded).isEmpty();
            for (UUID caseId : cases) {
                assertThat(count(history(caseId), "CaseAssigned")).as("assigned at most once").isLessThanOrEqualTo(1);
            }
        }
    }

    private static int members(AdminClient admin) {
        try {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(List.of("routing-service"))
                    .all().get(5, java.util.concurrent.TimeUnit.SECONDS);
            return groups.get("routing-service").members().size();
        } catch (Exception e) {
            throw new AssertionError("cannot describe the routing group", e);
        }
    }

    private static Properties adminConfig() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        return config;
    }
}
