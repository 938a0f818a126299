package org.casestream.query.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casestream.events.AssignmentReason;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Tier;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseClassified;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.SlaTargetsSet;
import org.casestream.localstack.infra.LocalMongo;
import org.casestream.query.cases.CaseSummary;
import org.casestream.query.dashboard.Dashboard;
import org.casestream.query.platform.QueryProperties;
import org.casestream.query.projection.Projection;
import org.casestream.query.search.CaseIndex;
import org.casestream.query.search.CaseQuery;
import org.casestream.query.search.CaseSort;
import org.casestream.query.support.CaseScript;
import org.junit.jupiter.api.Test;

/**
 * Not a test (surefire's default includes do not match it): the query side's figures on this machine.
 * {@code ./mvnw -pl case-query-service test -Dtest=QueryBenchmark -Dbench.cases=100000}
 * Loads the cases as events through the projection code (MongoDB wire server over TCP, Lucene on disk), then
 * measures the dashboard, filtered lists, full-text search and export, and prints the figures.
 */
class QueryBenchmark {

    private static final String[] WORDS = {"login", "refund", "parcel", "payment", "password", "invoice", "delivery",
            "broken", "missing", "late", "charged", "twice", "android", "browser", "address", "café", "order"};

    @Test
    void run() throws Exception {
        int cases = Integer.getInteger("bench.cases", 20_000);
        int partitions = 6;
        Random random = new Random(42);
        Path indexDirectory = Files.createTempDirectory("bench-index-");
        try (LocalMongo server = LocalMongo.startInMemory(0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("bench");
            org.casestream.query.rebuild.ReadModels models = org.casestream.query.rebuild.ReadModels.open(database, indexDirectory, 1);
            Projection projection = models.projection();
            QueryProperties properties = new QueryProperties(null, null, indexDirectory, null, null, null, null, null, null, null, null, null);
            Dashboard dashboard = new Dashboard(properties);

            CaseIndex index = models.index();
            List<UUID> agentIds = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                agentIds.add(UUID.randomUUID());
            }
            Instant now = Instant.now();
            long[] offsets = new long[partitions];
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
            long events = 0;
            long projectionNanos = 0;
            long mongoNanos = 0;
            for (int i = 0; i < cases; i++) {
                UUID caseId = UUID.randomUUID();
                Instant opened = now.minus(random.nextInt(60 * 24 * 30), ChronoUnit.MINUTES);
                CaseScript script = new CaseScript(opened);
                String subject = word(random) + " " + word(random) + " " + word(random);
                script.then(new CaseOpened(caseId, "CS-" + (10_000 + i), new Customer("cust-" + random.nextInt(cases / 3 + 1),
                        "Customer " + i, "c" + i + "@example.com", Tier.values()[random.nextInt(3)]), subject,
                        word(random) + " " + word(random) + " " + word(random) + " " + word(random),
                        Channel.values()[random.nextInt(5)], null, null, Priority.values()[random.nextInt(4)],
                        random.nextInt(4) == 0 ? List.of("vip") : List.of(), opened));
                script.then(new CaseClassified(caseId, Queue.values()[random.nextInt(5)], Queue.UNCLASSIFIED, "rules"));
                script.then(new SlaTargetsSet(caseId, opened.plus(4, ChronoUnit.HOURS), opened.plus(2, ChronoUnit.DAYS), "p"));
                if (random.nextInt(3) > 0) {
                    script.then(new CaseAssigned(caseId, agentIds.get(random.nextInt(agentIds.size())), null, AssignmentReason.AUTO));
                    script.then(new CaseStatusChanged(caseId, CaseStatus.IN_PROGRESS, CaseStatus.NEW));
                    if (random.nextBoolean()) {
                        script.then(new CaseStatusChanged(caseId, CaseStatus.DONE, CaseStatus.IN_PROGRESS));
                    }
                }
                int partition = Math.floorMod(caseId.hashCode(), partitions);
                for (var record : script.records()) {
                    batch.add(CaseScript.consumed(record, partition, offsets[partition]++));
                }
                if (batch.size() >= 500 || i == cases - 1) {
                    long start = System.nanoTime();
                    Projection.BatchResult result = projection.apply(batch);
                    long applied = System.nanoTime();
                    mongoNanos += applied - start;
                    index.index(result.touched().values());
                    index.refresh();
                    projectionNanos += System.nanoTime() - start;
                    events += batch.size();
                    batch.clear();
                }
            }
            index.commit(Map.of());
            double eventsPerSecond = events / (projectionNanos / 1e9);

            Instant at = Instant.now();
            double[] dashboardMs = measure(200, () -> dashboard.view(models, at));
            double[] listMs = measure(300, () -> index.search(new CaseQuery(Map.of(
                    "status", List.of(CaseStatus.values()[random.nextInt(3)].wire()),
                    "queue", List.of(Queue.values()[random.nextInt(5)].wire())), null, null, null, null),
                    CaseSort.parse(random.nextBoolean() ? "-createdAt" : "priority").orElseThrow(), 25, null, at,
                    properties.slaAtRiskWindow()));
            double[] searchMs = measure(300, () -> index.search(new CaseQuery(Map.of(), null, null,
                    word(random) + " " + word(random).substring(0, 3), null),
                    CaseSort.parse("-updatedAt").orElseThrow(), 25, null, at, properties.slaAtRiskWindow()));
            AtomicLong rows = new AtomicLong();
            long exportStart = System.nanoTime();
            index.forEach(new CaseQuery(Map.of(), null, null, null, null), CaseSort.parse("-createdAt").orElseThrow(), 1000,
                    at, properties.slaAtRiskWindow(), (CaseSummary summary) -> rows.incrementAndGet());
            double exportRowsPerSecond = rows.get() / ((System.nanoTime() - exportStart) / 1e9);

            System.out.printf("%nQuery side benchmark: %d cases, %d events, %d cores, Java %s%n", cases, events,
                    Runtime.getRuntime().availableProcessors(), Runtime.version());
            System.out.printf("  projection (MongoDB wire server over TCP + Lucene): %.0f events/s (%.0f %% of the time in MongoDB)%n",
                    eventsPerSecond, 100.0 * mongoNanos / projectionNanos);
            System.out.printf("  dashboard        p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n", p(dashboardMs, 50), p(dashboardMs, 95), p(dashboardMs, 99));
            System.out.printf("  filtered list    p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n", p(listMs, 50), p(listMs, 95), p(listMs, 99));
            System.out.printf("  full-text search p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n", p(searchMs, 50), p(searchMs, 95), p(searchMs, 99));
            models.close();
            System.out.printf("  export           %d rows at %.0f rows/s (summaries read from the index, not written out)%n%n",
                    rows.get(), exportRowsPerSecond);
        }
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static double[] measure(int times, Supplier<?> call) {
        for (int i = 0; i < 20; i++) {
            call.get();
        }
        double[] millis = new double[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double p(double[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percentile / 100.0) - 1)];
    }
}
