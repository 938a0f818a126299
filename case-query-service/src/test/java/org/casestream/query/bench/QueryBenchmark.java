package org.casestream.query.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casestream.events.AssignmentReason;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Tier;
import org.casestream.events.Topics;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseClassified;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.SlaTargetsSet;
import org.casestream.localstack.infra.LocalMongo;
import org.casestream.localstack.jwt.Role;
import org.casestream.query.QueryApplication;
import org.casestream.query.projection.GenerationConsumer;
import org.casestream.query.rebuild.Projections;
import org.casestream.query.support.CaseScript;
import org.casestream.query.support.QueryIntegrationTest;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test (surefire's default includes do not match it): the query side's figures on this machine, in one run.
 * <pre>
 * ./mvnw -pl case-command-service,case-query-service -am package -DskipTests   (the command service's jar)
 * ./mvnw -pl case-query-service test -Dtest=QueryBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.cases=1000000 -Dbench.mongo=h2 -DargLine=-Xmx8g
 * </pre>
 * <ol>
 * <li>publishes {@code bench.cases} cases as the command service's records (about 4.7 events each) to a real
 * Kafka broker;</li>
 * <li>starts the query service on them and times its first build of every read model (MongoDB wire server over
 * TCP, {@code bench.mongo} = memory or h2 (a file store), plus the Lucene index on disk);</li>
 * <li>rebuilds through the ops API (a new generation from the start of the topic while the first one serves) and
 * times it;</li>
 * <li>measures over HTTP: the dashboard, a filtered list, full-text search, and the CSV export;</li>
 * <li>starts the real command service (its executable jar, a process of its own) and, while intake accepts
 * {@code bench.sse.rates} tickets per second (each in turn) for {@code bench.sse.seconds}, measures the time from each ticket's
 * 201 to its event on the query service's {@code /api/stream}.</li>
 * </ol>
 */
class QueryBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(QueryBenchmark.class);

    private static final String[] WORDS = {"login", "refund", "parcel", "payment", "password", "invoice", "delivery",
            "broken", "missing", "late", "charged", "twice", "android", "browser", "address", "café", "order"};
    private static final int PARTITIONS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(42);

    @Test
    void run() throws Exception {
        int cases = Integer.getInteger("bench.cases", 20_000);
        String mongoKind = System.getProperty("bench.mongo", "memory");
        // one run per rate: the goal's 200/s, and lower ones that tell the projection's lag from intake saturating
        int[] sseRates = Arrays.stream(System.getProperty("bench.sse.rates", "200").split(",")).map(String::trim)
                .filter(rate -> !rate.isEmpty()).mapToInt(Integer::parseInt).toArray();
        int sseSeconds = Integer.getInteger("bench.sse.seconds", 30);
        TestInfrastructure.start();
        Path work = Files.createTempDirectory("query-bench-");
        try (LocalMongo mongo = "h2".equals(mongoKind) ? LocalMongo.start(work.resolve("mongo"), 0) : LocalMongo.startInMemory(0)) {
            createTopic();
            long published = System.nanoTime();
            long events = publish(cases);
            double publishSeconds = (System.nanoTime() - published) / 1e9;

            Map<String, String> settings = new HashMap<>(QueryIntegrationTest.properties("bench", Topics.CASE_EVENTS,
                    work.resolve("index")));
            settings.put("spring.data.mongodb.uri", mongo.connectionString());
            settings.put("server.port", "0");
            settings.put("casestream.query.topic-partitions", Integer.toString(PARTITIONS));
            settings.put("casestream.query.generation-drop-grace", "5s");
            // the service's own defaults, not the integration tests' quick ones
            settings.put("casestream.query.index-commit-interval", "2s");
            settings.put("casestream.query.generation-poll", "2s");
            settings.put("casestream.query.stream.heartbeat", "15s");
            settings.put("logging.level.org.casestream", "WARN");
            // the report itself
            settings.put("logging.level.org.casestream.query.bench", "INFO");
            long started = System.nanoTime();
            try (ConfigurableApplicationContext query = new SpringApplicationBuilder(QueryApplication.class)
                    .run(settings.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new))) {
                String base = "http://localhost:" + ((WebServerApplicationContext) query).getWebServer().getPort();
                Projections projections = query.getBean(Projections.class);
                awaitApplied(projections.live(), events, Duration.ofHours(2));
                double buildSeconds = (System.nanoTime() - started) / 1e9;

                JsonNode rebuild = rebuild(base);
                double rebuildSeconds = Duration.between(Instant.parse(rebuild.get("startedAt").asText()),
                        Instant.parse(rebuild.get("finishedAt").asText())).toMillis() / 1000.0;
                long rebuilt = rebuild.get("done").asLong();

                String agent = TestInfrastructure.token(Role.AGENT, "bench-agent");
                String lead = TestInfrastructure.token(Role.LEAD, "bench-lead");
                double[] dashboardMs = measure(200, () -> get(base + "/api/dashboard", lead));
                double[] listMs = measure(300, () -> get(base + "/api/cases?limit=25&status="
                        + CaseStatus.values()[random.nextInt(3)].wire() + "&queue=" + Queue.SHIPPED.get(random.nextInt(5)).wire()
                        + "&sort=" + (random.nextBoolean() ? "-createdAt" : "priority"), agent));
                double[] searchMs = measure(300, () -> get(base + "/api/cases?limit=25&sort=-updatedAt&q="
                        + java.net.URLEncoder.encode(word() + " " + word().substring(0, 3), StandardCharsets.UTF_8), agent));
                long exportStart = System.nanoTime();
                long rows = exportedRows(base, agent);
                double exportSeconds = (System.nanoTime() - exportStart) / 1e9;

                List<StreamLag> lags = streamLag(base, agent, sseRates, sseSeconds, work);

                StringBuilder report = new StringBuilder();
                report.append(String.format("%nQuery side benchmark: %d cases, %d events, %d cores, Java %s, MongoDB wire server (%s backend)%n",
                        cases, events, Runtime.getRuntime().availableProcessors(), Runtime.version(), mongoKind));
                report.append(String.format("  published to Kafka       %.0f events/s%n", events / publishSeconds));
                report.append(String.format("  first build              %.0f events/s (%.0f s, service start included)%n", events / buildSeconds, buildSeconds));
                report.append(String.format("  rebuild (ops API)        %.0f events/s (%d events in %.0f s, while the first generation served)%n",
                        rebuilt / rebuildSeconds, rebuilt, rebuildSeconds));
                report.append(String.format("  dashboard   (HTTP)       p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n", p(dashboardMs, 50), p(dashboardMs, 95), p(dashboardMs, 99)));
                report.append(String.format("  filtered list (HTTP)     p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n", p(listMs, 50), p(listMs, 95), p(listMs, 99)));
                report.append(String.format("  full-text search (HTTP)  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n", p(searchMs, 50), p(searchMs, 95), p(searchMs, 99)));
                report.append(String.format("  CSV export (HTTP)        %d rows at %.0f rows/s%n", rows, rows / exportSeconds));
                for (StreamLag lag : lags) {
                    report.append(String.format("  command accepted -> SSE  offered %d/s, sent %.0f/s, %d accepted: p50 %.1f ms  p90 %.1f ms  p99 %.1f ms"
                                    + "  max %.1f ms; never seen %d; intake (201) p50 %.1f ms p99 %.1f ms%n",
                            lag.offeredRate(), lag.achievedRate(), lag.accepted(), lag.lag().getValueAtPercentile(50) / 1000.0,
                            lag.lag().getValueAtPercentile(90) / 1000.0, lag.lag().getValueAtPercentile(99) / 1000.0,
                            lag.lag().getMaxValue() / 1000.0, lag.missing(), lag.intake().getValueAtPercentile(50) / 1000.0,
                            lag.intake().getValueAtPercentile(99) / 1000.0));
                    report.append(String.format("      of which 201 -> on the topic p50 %d ms p99 %d ms max %d ms; topic -> SSE p50 %d ms p99 %d ms max %d ms%n",
                            lag.toTopic().getValueAtPercentile(50), lag.toTopic().getValueAtPercentile(99), lag.toTopic().getMaxValue(),
                            lag.topicToStream().getValueAtPercentile(50), lag.topicToStream().getValueAtPercentile(99),
                            lag.topicToStream().getMaxValue()));
                }
                LOG.info(report.toString());
            }
        } finally {
            deleteRecursively(work);
        }
    }

    /** The run's files (the MongoDB file store and two generations of the index: gigabytes at a million cases). */
    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    // ---- load

    private static void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.CASE_EVENTS, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private long publish(int cases) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        List<UUID> agentIds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            agentIds.add(UUID.randomUUID());
        }
        Instant now = Instant.now();
        long events = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < cases; i++) {
                for (ProducerRecord<String, byte[]> record : caseRecords(i, cases, now, agentIds)) {
                    producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, null, record.key(), record.value(), record.headers()));
                    events++;
                }
            }
            producer.flush();
        }
        return events;
    }

    private List<ProducerRecord<String, byte[]>> caseRecords(int i, int cases, Instant now, List<UUID> agentIds) {
        UUID caseId = UUID.randomUUID();
        Instant opened = now.minus(random.nextInt(60 * 24 * 30), ChronoUnit.MINUTES);
        CaseScript script = new CaseScript(opened);
        String subject = word() + " " + word() + " " + word();
        script.then(new CaseOpened(caseId, "CS-" + (10_000 + i), new Customer("cust-" + random.nextInt(cases / 3 + 1),
                "Customer " + i, "c" + i + "@example.com", Tier.values()[random.nextInt(3)]), subject,
                word() + " " + word() + " " + word() + " " + word(),
                Channel.values()[random.nextInt(5)], null, null, Priority.values()[random.nextInt(4)],
                random.nextInt(4) == 0 ? List.of("vip") : List.of(), opened));
        script.then(new CaseClassified(caseId, Queue.SHIPPED.get(random.nextInt(5)), Queue.UNCLASSIFIED, "rules"));
        script.then(new SlaTargetsSet(caseId, opened.plus(4, ChronoUnit.HOURS), opened.plus(2, ChronoUnit.DAYS), "p"));
        if (random.nextInt(3) > 0) {
            script.then(new CaseAssigned(caseId, agentIds.get(random.nextInt(agentIds.size())), null, AssignmentReason.AUTO));
            script.then(new CaseStatusChanged(caseId, CaseStatus.IN_PROGRESS, CaseStatus.NEW));
            if (random.nextBoolean()) {
                script.then(new CaseStatusChanged(caseId, CaseStatus.DONE, CaseStatus.IN_PROGRESS));
            }
        }
        return script.records();
    }

    private static void awaitApplied(GenerationConsumer consumer, long events, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (consumer.appliedPositions().values().stream().mapToLong(Long::longValue).sum() < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the projection did not apply " + events + " events within " + within);
            }
            Thread.sleep(200);
        }
    }

    private JsonNode rebuild(String base) throws Exception {
        String ops = TestInfrastructure.token(Role.OPS, "bench-ops");
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ops/replays"))
                .header("Authorization", "Bearer " + ops).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"target\":\"read-models\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild not started: " + started.statusCode() + " " + started.body());
        }
        String jobId = JSON.readTree(started.body()).get("jobId").asText();
        while (true) {
            Thread.sleep(500);
            JsonNode job = JSON.readTree(get(base + "/api/ops/replays/" + jobId, ops));
            switch (job.get("state").asText()) {
                case "SWITCHED" -> {
                    return job;
                }
                case "FAILED" -> throw new IllegalStateException("the rebuild failed: " + job);
                default -> { }
            }
        }
    }

    // ---- queries

    private String get(String url, String token) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long exportedRows(String base, String token) throws Exception {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/cases/export?format=csv"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            return lines.count() - 1;
        }
    }

    // ---- command accepted -> SSE

    /**
     * One rate's figures: {@code lag} from the command's 201 to its SSE event, split at the moment the publisher
     * handed the event to Kafka (the record's CreateTime): {@code toTopic} before it, {@code topicToStream} after.
     */
    private record StreamLag(int offeredRate, long accepted, double achievedRate, long missing, Histogram lag, Histogram intake,
                             Histogram toTopic, Histogram topicToStream) {
    }

    private List<StreamLag> streamLag(String queryBase, String agent, int[] rates, int seconds, Path work) throws Exception {
        if (rates.length == 0) {
            return List.of();
        }
        int commandPort = freePort();
        Process command = startCommandService(commandPort, work);
        try {
            String commandBase = "http://localhost:" + commandPort;
            awaitHealthy(commandBase, command);
            String channel = TestInfrastructure.token(Role.CHANNEL, "bench-channel");
            // warm the command service up before measuring
            for (int i = 0; i < 200; i++) {
                postTicket(commandBase, channel, "warm-" + i);
            }
            List<StreamLag> results = new ArrayList<>();
            for (int rate : rates) {
                results.add(streamLag(queryBase, commandBase, agent, channel, rate, seconds));
            }
            return results;
        } finally {
            command.destroy();
            command.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private StreamLag streamLag(String queryBase, String commandBase, String agent, String channel, int rate, int seconds)
            throws Exception {
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        try {
            Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
            Map<String, Long> seenAt = new ConcurrentHashMap<>();
            Map<String, Long> acceptedWall = new ConcurrentHashMap<>();
            Map<String, Long> seenWall = new ConcurrentHashMap<>();
            Map<String, Long> sentToTopic = new ConcurrentHashMap<>();
            AtomicBoolean reading = new AtomicBoolean(true);
            Thread topicReader = Thread.ofPlatform().daemon().start(() -> readTopic(sentToTopic, reading));
            InputStream stream = http.send(HttpRequest.newBuilder(URI.create(queryBase + "/api/stream"))
                    .header("Authorization", "Bearer " + agent).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream()).body();
            Thread reader = Thread.ofPlatform().daemon().start(() -> readStream(stream, seenAt, seenWall));
            Histogram intake = new Histogram(3);
            AtomicLong sent = new AtomicLong();
            long begin = System.nanoTime();
            ticks.scheduleAtFixedRate(() -> {
                long n = sent.incrementAndGet();
                Thread.ofVirtual().start(() -> {
                    long before = System.nanoTime();
                    String caseId = postTicket(commandBase, channel, "lag-" + n);
                    long after = System.nanoTime();
                    if (caseId != null) {
                        acceptedAt.put(caseId, after);
                        acceptedWall.put(caseId, System.currentTimeMillis());
                        synchronized (intake) {
                            intake.recordValue((after - before) / 1000);
                        }
                    }
                });
            }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
            Thread.sleep(seconds * 1000L);
            ticks.shutdownNow();
            double achieved = sent.get() / ((System.nanoTime() - begin) / 1e9);
            // the backlog drains: wait until every accepted ticket was seen, or a minute
            long drainDeadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (System.nanoTime() < drainDeadline && !seenAt.keySet().containsAll(acceptedAt.keySet())) {
                Thread.sleep(200);
            }
            Histogram lag = new Histogram(3);
            long missing = 0;
            for (Map.Entry<String, Long> accepted : acceptedAt.entrySet()) {
                Long seen = seenAt.get(accepted.getKey());
                if (seen == null) {
                    missing++;
                } else {
                    lag.recordValue(Math.max(0, seen - accepted.getValue()) / 1000);
                }
            }
            Histogram toTopic = new Histogram(3);
            Histogram topicToStream = new Histogram(3);
            acceptedWall.forEach((caseId, accepted) -> {
                Long onTopic = sentToTopic.get(caseId);
                Long seen = seenWall.get(caseId);
                if (onTopic != null && seen != null) {
                    toTopic.recordValue(Math.max(0, onTopic - accepted));
                    topicToStream.recordValue(Math.max(0, seen - onTopic));
                }
            });
            reader.interrupt();
            reading.set(false);
            topicReader.join(Duration.ofSeconds(10));
            stream.close();
            return new StreamLag(rate, acceptedAt.size(), achieved, missing, lag, intake, toTopic, topicToStream);
        } finally {
            ticks.shutdownNow();
        }
    }

    private String postTicket(String base, String token, String ref) {
        String body = "{\"customer\":{\"name\":\"Bench Customer\",\"email\":\"bench@example.com\",\"tier\":\"gold\"},"
                + "\"subject\":\"" + word() + " " + word() + "\",\"description\":\"" + word() + " " + word() + "\","
                + "\"externalRef\":\"" + ref + "-" + UUID.randomUUID() + "\"}";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/intake/tickets"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 201 ? JSON.readTree(response.body()).get("caseId").asText() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Records when each case's first change arrives. */
    private static void readStream(InputStream stream, Map<String, Long> seenAt, Map<String, Long> seenWall) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    long now = System.nanoTime();
                    long wall = System.currentTimeMillis();
                    JsonNode change = JSON.readTree(line.substring(5));
                    String caseId = change.path("summary").path("caseId").asText();
                    seenAt.putIfAbsent(caseId, now);
                    seenWall.putIfAbsent(caseId, wall);
                }
            }
        } catch (IOException e) {
            // closed at the end of the run
        }
    }

    /** Records when the publisher handed each case's first event to Kafka (the record's CreateTime). */
    private static void readTopic(Map<String, Long> sentToTopic, AtomicBoolean reading) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CASE_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (reading.get()) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> sentToTopic.putIfAbsent(record.key(), record.timestamp()));
            }
        }
    }

    private static Process startCommandService(int port, Path work) throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("..", "case-command-service", "target"))) {
            jar = files.filter(path -> path.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build the command service first: ./mvnw -pl case-command-service -am package -DskipTests"));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + TestInfrastructure.createDatabase("bench_commands"),
                "--spring.datasource.username=postgres",
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + TestInfrastructure.publicKeyLocation())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("command-service.log").toFile())
                .start();
    }

    private void awaitHealthy(String base, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the command service exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the command service was not healthy within 3 minutes");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // ---- figures

    private String word() {
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
