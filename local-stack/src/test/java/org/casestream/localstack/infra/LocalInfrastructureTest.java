package org.casestream.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code LocalStack infra} for real in a child JVM on free ports, twice on the same home:
 * what was written to PostgreSQL and Kafka in the first run is there in the second, after a clean
 * SIGTERM stop and after a SIGKILL that leaves PostgreSQL's daemon behind.
 */
class LocalInfrastructureTest {

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(30);
    private static final String TOPIC = "local-stack-persistence";
    private static final String GROUP = "local-stack-test";
    /** The JVM exits with 128 + 15 after SIGTERM, whatever its shutdown hooks do. */
    private static final int SIGTERM_EXIT = 143;

    @TempDir
    Path home;

    private LocalStackInfraProcess infra;

    @AfterEach
    void stopInfra() throws Exception {
        if (infra != null) {
            infra.stopForcibly();
        }
    }

    @Test
    @Timeout(120)
    void postgresAndKafkaAcceptConnectionsAndKeepTheirDataAcrossRestarts() throws Exception {
        int postgresPort = LocalStackInfraProcess.freePort();
        int kafkaPort = LocalStackInfraProcess.freePort();
        int controllerPort = LocalStackInfraProcess.freePort();
        String jdbcUrl = "jdbc:postgresql://localhost:" + postgresPort + "/casestream";
        String bootstrap = "localhost:" + kafkaPort;
        String marker = UUID.randomUUID().toString();
        infra = new LocalStackInfraProcess(home, postgresPort, kafkaPort, controllerPort);

        // First run: a fresh home.
        infra.start(READY_WITHIN);
        assertThat(Files.readString(infra.readyFile()))
                .contains("pid=" + infra.pid(), "postgres.url=" + jdbcUrl, "kafka.bootstrap=" + bootstrap);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE persistence_check (id int PRIMARY KEY, marker text NOT NULL)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO persistence_check VALUES (1, ?)")) {
                insert.setString(1, marker);
                insert.executeUpdate();
            }
        }
        RecordMetadata written = produce(bootstrap, "case-1", marker);
        assertThat(consumeAll(bootstrap, GROUP, 1)).extracting(ConsumerRecord::value).containsExactly(marker);
        // the producer auto-created the topic: with as many partitions as the services create theirs
        assertThat(partitionCount(bootstrap)).isEqualTo(6);

        assertThat(infra.stop(STOP_WITHIN)).as("exit code after SIGTERM").isEqualTo(SIGTERM_EXIT);
        assertThat(infra.readyFile()).doesNotExist();
        assertThat(home.resolve("postgres/postmaster.pid")).as("PostgreSQL stopped with infra").doesNotExist();

        // Second run on the same home: the row, the record and the group's committed offset are kept.
        infra.start(READY_WITHIN);
        assertThat(selectMarker(jdbcUrl)).contains(marker);
        assertThat(committedOffset(bootstrap, GROUP, new TopicPartition(TOPIC, written.partition())))
                .isEqualTo(written.offset() + 1);
        assertThat(consumeAll(bootstrap, "fresh-" + UUID.randomUUID(), 1))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("case-1", marker));

        // Killed without a chance to clean up: the next start must deal with the orphaned postmaster.
        infra.stopForcibly();
        assertThat(home.resolve("postgres/postmaster.pid")).as("SIGKILL leaves PostgreSQL running").exists();
        infra.start(READY_WITHIN);
        assertThat(infra.log()).contains("from an earlier run still uses");
        assertThat(selectMarker(jdbcUrl)).contains(marker);
        produce(bootstrap, "case-2", "after-kill");
        // two keys, so perhaps two partitions: no order between them
        assertThat(consumeAll(bootstrap, "fresh-" + UUID.randomUUID(), 2)).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder(marker, "after-kill");
        assertThat(infra.stop(STOP_WITHIN)).as("exit code after SIGTERM").isEqualTo(SIGTERM_EXIT);
    }

    /**
     * A drill stops one part at a time: while Kafka or MongoDB is stopped its port refuses connections and the rest
     * serves on; started again, each has kept what it held. PostgreSQL restarts with its rows. Only the token from
     * the ready file opens the control.
     */
    @Test
    @Timeout(180)
    void onePartAtATimeStopsAndStartsAgainWithItsDataWhileTheOthersServe() throws Exception {
        int postgresPort = LocalStackInfraProcess.freePort();
        int kafkaPort = LocalStackInfraProcess.freePort();
        String jdbcUrl = "jdbc:postgresql://localhost:" + postgresPort + "/casestream";
        String bootstrap = "localhost:" + kafkaPort;
        String marker = UUID.randomUUID().toString();
        infra = new LocalStackInfraProcess(home, postgresPort, kafkaPort, LocalStackInfraProcess.freePort());
        infra.start(READY_WITHIN);
        int mongoPort = Integer.parseInt(readyValue("mongo.port"));
        String mongoUri = "mongodb://localhost:" + mongoPort;
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            mongo.getDatabase("casestream").getCollection("drill").insertOne(new Document("_id", marker));
        }
        produce(bootstrap, "case-1", marker);
        InfraParts parts = InfraParts.of(infra.readyFile());

        parts.stop(LocalInfrastructure.Part.KAFKA);
        assertThat(accepts(kafkaPort)).as("Kafka stopped").isFalse();
        assertThat(accepts(mongoPort)).as("MongoDB serves on").isTrue();
        parts.start(LocalInfrastructure.Part.KAFKA);
        assertThat(consumeAll(bootstrap, "after-" + UUID.randomUUID(), 1)).extracting(ConsumerRecord::value)
                .containsExactly(marker);

        parts.stop(LocalInfrastructure.Part.MONGO);
        assertThat(accepts(mongoPort)).as("MongoDB stopped").isFalse();
        assertThat(accepts(kafkaPort)).as("Kafka serves on").isTrue();
        parts.start(LocalInfrastructure.Part.MONGO);
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            assertThat(mongo.getDatabase("casestream").getCollection("drill").find(Filters.eq("_id", marker)).first())
                    .isNotNull();
        }

        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE persistence_check (id int PRIMARY KEY, marker text NOT NULL)");
            statement.execute("INSERT INTO persistence_check VALUES (1, '" + marker + "')");
        }
        parts.restart(LocalInfrastructure.Part.POSTGRES);
        assertThat(selectMarker(jdbcUrl)).contains(marker);

        java.util.List<String> ready = Files.readAllLines(infra.readyFile());
        ready.replaceAll(line -> line.startsWith("control.token=") ? "control.token=guessed" : line);
        Path forged = home.resolve("forged.ready");
        Files.write(forged, ready);
        assertThatThrownBy(() -> InfraParts.of(forged).stop(LocalInfrastructure.Part.KAFKA)).hasMessageContaining("401");
        assertThat(accepts(kafkaPort)).isTrue();
    }

    private String readyValue(String key) throws Exception {
        return Files.readAllLines(infra.readyFile()).stream().filter(line -> line.startsWith(key + "="))
                .map(line -> line.substring(key.length() + 1)).findFirst().orElseThrow();
    }

    private static boolean accepts(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("localhost", port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static Optional<String> selectMarker(String jdbcUrl) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT marker FROM persistence_check WHERE id = 1")) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    private static RecordMetadata produce(String bootstrap, String key, String value) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            return producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(String bootstrap, String group, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            consumer.commitSync();
        }
        return records;
    }

    private static long committedOffset(String bootstrap, String group, TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get().get(partition);
            return committed == null ? -1 : committed.offset();
        }
    }

    private static int partitionCount(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().size();
        }
    }
}
