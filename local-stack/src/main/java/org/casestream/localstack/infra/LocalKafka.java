package org.casestream.localstack.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller) in this JVM,
 * on a persistent log directory that is formatted once, when it is new. Every replication factor
 * and minimum ISR is 1, including the offsets topic and the transaction state log.
 */
public final class LocalKafka implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);
    /** A year. */
    public static final int OFFSETS_RETENTION_MINUTES = 525_600;

    private final KafkaRaftServer server;
    private final int port;

    private LocalKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static LocalKafka start(Path logDirectory, int port, int controllerPort) throws Exception {
        return start(logDirectory, port, controllerPort, Map.of());
    }

    /** As {@link #start(Path, int, int)}, with broker settings of the caller's in place of the local defaults. */
    public static LocalKafka start(Path logDirectory, int port, int controllerPort, Map<String, String> overrides)
            throws Exception {
        Files.createDirectories(logDirectory);
        Path logDir = logDirectory.toAbsolutePath();
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir);
        }
        LOG.info("Starting Kafka (KRaft) on localhost:{} (controller localhost:{}) with log directory {}", port, controllerPort, logDir);
        Properties properties = brokerProperties(logDir, port, controllerPort);
        properties.putAll(overrides);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        return new LocalKafka(server, port);
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("auto.create.topics.enable", "true");
        // a topic a producer auto-creates (every service started while the broker was away, so none created it
        // with its partitions) gets as many as the services create (Topics.CASE_EVENTS_PARTITIONS)
        props.put("num.partitions", "6");
        // and keeps everything, as the services create it (Topics.KEEP_EVERYTHING): read models are rebuilt from it
        props.put("log.retention.ms", "-1");
        props.put("log.retention.bytes", "-1");
        // a stopped service's group keeps its offsets for a year, not Kafka's 7 days: a group whose offsets were
        // dropped reads the topic from the start again, and what is older than the services' retention windows
        // (processed events, 30 days) would count again
        props.put("offsets.retention.minutes", String.valueOf(OFFSETS_RETENTION_MINUTES));
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        // A single local node: consumers should not wait for more members to join.
        props.put("group.initial.rebalance.delay.ms", "0");
        // Keep the few background threads and buffers of a laptop-sized broker small.
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("num.recovery.threads.per.data.dir", "1");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return props;
    }

    private static void format(Path logDir) throws Exception {
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .run();
        }
        LOG.info("Formatted the new Kafka log directory {} for cluster {}: {}", logDir, clusterId,
                output.toString(StandardCharsets.UTF_8).strip());
    }

    @Override
    public void close() throws IOException {
        LOG.info("Stopping Kafka");
        server.shutdown();
        server.awaitShutdown();
    }
}
