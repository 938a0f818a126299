package org.casestream.command.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.DateTimeUtils;
import org.casestream.command.support.IntegrationTest;
import org.casestream.events.AssignmentReason;
import org.casestream.events.AuthorType;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.DomainEvent;
import org.casestream.events.EventCatalogue;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Skill;
import org.casestream.events.Tier;
import org.casestream.events.Visibility;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseClassified;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CommentAdded;
import org.casestream.events.cases.FirstResponseRecorded;
import org.casestream.events.cases.SlaTargetsSet;
import org.casestream.events.json.EventJson;
import org.casestream.localstack.jwt.Role;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * What the dashboard as of an instant costs on a help desk's log. Not part of the build (no *Test name); run it with
 * <pre>
 * ./mvnw -pl case-command-service test -Dtest=DashboardAsOfBenchmark -Dbench.cases=10000 -Dbench.rounds=5
 * </pre>
 * An instance on a database of its own gets {@code bench.cases} cases written straight into its event store as Axon
 * writes them, over 90 days: opened, classified, SLA targets, assigned, in progress, three comments of 1,500
 * characters, a first response, and seven in ten done (about 10 events a case), with 50 agents. Then the dashboard an
 * hour ago is asked for over HTTP, {@code bench.rounds} times after one warm-up, and its p50 and worst printed.
 */
class DashboardAsOfBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardAsOfBenchmark.class);
    private static final String INSERT = """
            INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type,
                time_stamp, aggregate_identifier, sequence_number, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private record Row(DomainEvent event, Instant at, String aggregate, long sequence, String type) {
    }

    @Test
    void run() {
        int cases = Integer.getInteger("bench.cases", 10_000);
        int rounds = Integer.getInteger("bench.rounds", 5);
        Map<String, String> settings = new HashMap<>();
        settings.put("spring.datasource.url", TestInfrastructure.createDatabase("asofbench_"
                + UUID.randomUUID().toString().substring(0, 8)));
        // the rows are written behind Axon's back: nothing is to be published from them
        settings.put("axon.eventhandling.processors.kafka-publisher.mode", "subscribing");
        settings.put("casestream.publishing.topic", "asof-bench-" + UUID.randomUUID());
        settings.put("logging.level.org.casestream.command.audit.DashboardAsOf", "DEBUG");
        try (ConfigurableApplicationContext instance = IntegrationTest.startInstance(settings)) {
            JdbcTemplate jdbc = instance.getBean(JdbcTemplate.class);
            long writing = System.nanoTime();
            long events = fill(jdbc, cases);
            double writeSeconds = (System.nanoTime() - writing) / 1e9;
            RestClient manager = Callers.as("http://localhost:" + Instances.port(instance), Role.MANAGER, "bench");
            String asOf = Instant.now().minus(Duration.ofHours(1)).toString();
            JsonNode first = manager.get().uri(uri -> uri.path("/api/dashboard").queryParam("asOf", asOf).build())
                    .retrieve().body(JsonNode.class);
            long[] took = new long[rounds];
            long[] cpu = new long[rounds];
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                long cpuStart = os.getProcessCpuTime();
                manager.get().uri(uri -> uri.path("/api/dashboard").queryParam("asOf", asOf).build()).retrieve()
                        .body(JsonNode.class);
                took[i] = System.nanoTime() - start;
                cpu[i] = os.getProcessCpuTime() - cpuStart;
            }
            Arrays.sort(took);
            Arrays.sort(cpu);
            String types = String.join("','", List.of("org.casestream.events.cases.CaseOpened",
                    "org.casestream.events.cases.CaseStatusChanged", "org.casestream.events.cases.CaseAssigned",
                    "org.casestream.events.cases.SlaTargetsSet", "org.casestream.events.cases.CaseClassified",
                    "org.casestream.events.cases.FirstResponseRecorded", "org.casestream.events.agents.AgentRegistered"));
            String explain = "EXPLAIN (ANALYZE, BUFFERS) SELECT payload_type, payload_revision, payload, time_stamp"
                    + " FROM domain_event_entry WHERE payload_type IN ('" + types + "') AND time_stamp::timestamptz <= '"
                    + asOf + "' ORDER BY global_index";
            jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
                try (var statement = connection.createStatement()) {
                    statement.execute("SET enable_sort = off");
                    try (var plan = statement.executeQuery(explain)) {
                        while (plan.next()) {
                            LOG.info("PLAN {}", plan.getString(1));
                        }
                    }
                    statement.execute("RESET enable_sort");
                }
                return null;
            });
            LOG.info("AS-OF DASHBOARD BENCHMARK {} cases, {} events ({} MB of payload) written in {} s | "
                            + "dashboard an hour ago: p50 {} ms, best {} ms, worst {} ms over {} rounds; this JVM's CPU per "
                            + "request p50 {} ms (the database's is apart) | load average {} | counted: {}",
                    cases, events, payloadMegabytes(jdbc), String.format("%.1f", writeSeconds),
                    took[rounds / 2] / 1_000_000, took[0] / 1_000_000, took[rounds - 1] / 1_000_000, rounds,
                    cpu[rounds / 2] / 1_000_000, String.format("%.1f", os.getSystemLoadAverage()), first.get("byStatus"));
        }
    }

    private static long fill(JdbcTemplate jdbc, int cases) {
        Random random = new Random(42);
        Instant now = Instant.now();
        List<UUID> agents = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID agent = UUID.randomUUID();
            agents.add(agent);
            rows.add(new Row(new AgentRegistered(agent, "Agent " + i, "agent" + i + "@example.com",
                    List.of(new Skill(Queue.SHIPPED.get(i % 5), 3)), 20, null), now.minus(Duration.ofDays(91)),
                    agent.toString(), 0, "AgentAggregate"));
        }
        String text = "x".repeat(1500);
        long total = rows.size();
        for (int i = 0; i < cases; i++) {
            UUID caseId = UUID.randomUUID();
            Instant at = now.minus(Duration.ofMinutes(random.nextInt(90 * 24 * 60)));
            List<DomainEvent> events = new ArrayList<>();
            Priority priority = Priority.values()[random.nextInt(4)];
            events.add(new CaseOpened(caseId, "CS-" + (100_000 + i), new Customer("cus-" + i, "Customer " + i,
                    "c" + i + "@example.com", Tier.STANDARD), "Subject " + i, text, Channel.EMAIL, null,
                    Queue.UNCLASSIFIED, priority, List.of(), at));
            events.add(new CaseClassified(caseId, Queue.SHIPPED.get(i % 5), Queue.UNCLASSIFIED, "classifier"));
            events.add(new SlaTargetsSet(caseId, at.plus(Duration.ofHours(4)), at.plus(Duration.ofDays(2)), "p"));
            events.add(new CaseAssigned(caseId, agents.get(i % agents.size()), null, AssignmentReason.AUTO));
            events.add(new CaseStatusChanged(caseId, CaseStatus.IN_PROGRESS, CaseStatus.NEW));
            for (int c = 0; c < 3; c++) {
                events.add(new CommentAdded(caseId, UUID.randomUUID(), null, c == 1 ? AuthorType.CUSTOMER : AuthorType.AGENT,
                        "a", "Someone", Visibility.PUBLIC, text, List.of()));
            }
            events.add(new FirstResponseRecorded(caseId, at.plus(Duration.ofHours(1)), "a"));
            if (random.nextInt(10) < 7) {
                events.add(new CaseStatusChanged(caseId, CaseStatus.DONE, CaseStatus.IN_PROGRESS));
            }
            for (int s = 0; s < events.size(); s++) {
                rows.add(new Row(events.get(s), at.plus(Duration.ofMinutes(10L * s)), caseId.toString(), s,
                        "CaseAggregate"));
            }
            if (rows.size() >= 5_000) {
                total += write(jdbc, rows);
                rows.clear();
            }
        }
        return total + write(jdbc, rows);
    }

    private static int write(JdbcTemplate jdbc, List<Row> rows) {
        jdbc.batchUpdate(INSERT, rows, 1_000, (statement, row) -> {
            statement.setString(1, UUID.randomUUID().toString());
            statement.setBytes(2, "{}".getBytes());
            statement.setBytes(3, EventJson.write(row.event()));
            statement.setString(4, Integer.toString(EventCatalogue.of(row.event()).version()));
            statement.setString(5, row.event().getClass().getName());
            statement.setString(6, DateTimeUtils.formatInstant(row.at()));
            statement.setString(7, row.aggregate());
            statement.setLong(8, row.sequence());
            statement.setString(9, row.type());
        });
        return rows.size();
    }

    private static long payloadMegabytes(JdbcTemplate jdbc) {
        Long bytes = jdbc.queryForObject("SELECT sum(octet_length(payload)) FROM domain_event_entry", Long.class);
        return bytes == null ? 0 : bytes / 1_000_000;
    }
}
