package org.casestream.routing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casestream.events.Availability;
import org.casestream.events.Queue;
import org.casestream.events.Skill;
import org.casestream.events.Topics;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.testkit.TestInfrastructure;
import org.casestream.routing.support.RoutingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A record routing cannot read, or an event type from a newer catalogue, is skipped; what follows still flows. */
class UnreadableRecordsIntegrationTest extends RoutingIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void garbageAndUnknownTypesAreSkippedAndTheNextEventOfTheSameKeyIsApplied() throws Exception {
        UUID agentId = UUID.randomUUID();
        String key = agentId.toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            // no CloudEvents headers at all
            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, key, "not an event".getBytes(StandardCharsets.UTF_8)))
                    .get();
            // a well-formed CloudEvent of a type this catalogue does not know
            ProducerRecord<String, byte[]> future = new ProducerRecord<>(Topics.CASE_EVENTS, key, "{}".getBytes());
            future.headers().add("ce_specversion", "1.0".getBytes())
                    .add("ce_id", UUID.randomUUID().toString().getBytes())
                    .add("ce_source", "/casestream/case-command-service".getBytes())
                    .add("ce_type", "org.casestream.agent.AgentRetired".getBytes())
                    .add("content-type", "application/json".getBytes());
            producer.send(future).get();
            // then a real event with the same key, so the same partition, behind both
            AgentRegistered registered = new AgentRegistered(agentId, "Grace", "grace@example.com",
                    List.of(new Skill(Queue.LOGIN, 3)), 4, Availability.OFFLINE);
            producer.send(CloudEventsKafka.toRecord(Topics.CASE_EVENTS, new EventEnvelope(UUID.randomUUID().toString(),
                    Instant.now(), 0, "admin", null, registered))).get();
        }

        await(Duration.ofSeconds(30), () -> assertThat(jdbc.sql(
                "SELECT capacity FROM routing.agents WHERE agent_id = ?").param(agentId).query(Integer.class).optional())
                .contains(4));
    }
}
