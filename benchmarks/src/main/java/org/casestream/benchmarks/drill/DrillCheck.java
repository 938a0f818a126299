package org.casestream.benchmarks.drill;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casestream.benchmarks.demo.GatewayApi;
import org.casestream.benchmarks.demo.GatewayApi.Answer;
import org.casestream.benchmarks.demo.GatewayApi.Credentials;

/**
 * What the drill finds once the platform has drained, for the drill's cases only: the events in the store, on
 * the topic, in the query read model (and whether a fresh rebuild gives the same views), routing's decisions, the
 * notifications planned and the mails that reached the mail catcher. Reads PostgreSQL, Kafka and IMAP directly,
 * and the read model through the gateway as an ops user would.
 */
final class DrillCheck {

    static final String TOPIC = "casestream.case-events";

    private final String jdbcUrl;
    private final String kafka;
    private final GatewayApi api;
    private final Credentials ops;

    DrillCheck(String jdbcUrl, String kafka, GatewayApi api, Credentials ops) {
        this.jdbcUrl = jdbcUrl;
        this.kafka = kafka;
        this.api = api;
        this.ops = ops;
    }

    /** Event ids in the store per case, in sequence order. */
    Map<String, List<String>> storedEvents(Collection<String> caseIds) throws SQLException {
        Map<String, List<String>> events = new HashMap<>();
        query("""
                SELECT aggregate_identifier, event_identifier FROM domain_event_entry
                WHERE aggregate_identifier = ANY (?) ORDER BY aggregate_identifier, sequence_number""", caseIds, rows -> {
            while (rows.next()) {
                events.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getString(2));
            }
        });
        return events;
    }

    /** The highest sequence of each case in the store. */
    Map<String, Long> storedSequences(Collection<String> caseIds) throws SQLException {
        Map<String, Long> sequences = new HashMap<>();
        query("SELECT aggregate_identifier, max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ANY (?) GROUP BY 1",
                caseIds, rows -> {
                    while (rows.next()) {
                        sequences.put(rows.getString(1), rows.getLong(2));
                    }
                });
        return sequences;
    }

    /** How often each of routing's once-per-case events (SLA targets set at open) is in the store, per case. */
    Map<String, Integer> slaTargetsSet(Collection<String> caseIds) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        query("""
                SELECT aggregate_identifier, count(*) FROM domain_event_entry
                WHERE aggregate_identifier = ANY (?) AND payload_type LIKE '%SlaTargetsSet' GROUP BY 1""", caseIds, rows -> {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        });
        return counts;
    }

    /** How many of the drill's cases' deliveries are still to go out (pending, or retrying after a failed attempt). */
    long deliveriesInFlight(Collection<String> caseIds) throws SQLException {
        long[] count = new long[1];
        query("""
                SELECT count(*) FROM notification.delivery
                WHERE case_id::text = ANY (?) AND status IN ('pending', 'retrying')""", caseIds, rows -> {
            if (rows.next()) {
                count[0] = rows.getLong(1);
            }
        });
        return count[0];
    }

    /** Notifications planned for the drill's cases: (event, channel, recipient) to the rows and how many were sent. */
    Notifications notifications(Collection<String> caseIds) throws SQLException {
        Map<String, Integer> planned = new HashMap<>();
        Set<String> unsent = new HashSet<>();
        Map<String, String> emailDeliveries = new HashMap<>();
        query("""
                SELECT event_id, channel, recipient, id, status FROM notification.delivery WHERE case_id::text = ANY (?)""", caseIds, rows -> {
            while (rows.next()) {
                String key = rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3);
                planned.merge(key, 1, Integer::sum);
                if (!"delivered".equals(rows.getString(5)) && !"sent".equals(rows.getString(5))) {
                    unsent.add(key + " " + rows.getString(5));
                }
                if ("email".equals(rows.getString(2))) {
                    emailDeliveries.put(rows.getString(4), rows.getString(3));
                }
            }
        });
        Map<String, Integer> openedEvents = new HashMap<>();
        query("""
                SELECT event_identifier, aggregate_identifier FROM domain_event_entry
                WHERE aggregate_identifier = ANY (?) AND payload_type LIKE '%CaseOpened'""", caseIds, rows -> {
            while (rows.next()) {
                openedEvents.put(rows.getString(1), 1);
            }
        });
        long acknowledged = planned.keySet().stream().map(key -> key.split(" ")[0]).filter(openedEvents::containsKey)
                .distinct().count();
        return new Notifications(planned, unsent, emailDeliveries, openedEvents.size(), (int) acknowledged);
    }

    record Notifications(Map<String, Integer> planned, Set<String> unsent, Map<String, String> emailDeliveries,
                         int casesOpened, int openingsAcknowledged) {
        long duplicates() {
            return planned.values().stream().filter(count -> count > 1).count();
        }
    }

    /** Every case event record on the topic for the drill's cases: event id to how many records carry it. */
    Map<String, Integer> topicEvents(Set<String> caseIds) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        Map<String, Integer> events = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    Header id = record.headers().lastHeader("ce_id");
                    if (id != null && caseIds.contains(record.key())) {
                        events.merge(new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                    }
                }
            }
        }
        return events;
    }

    /** The query side's view of each case (as ops reads it through the gateway): its JSON and its sequence. */
    Map<String, JsonNode> views(Collection<String> caseIds) {
        Map<String, JsonNode> views = new HashMap<>();
        for (String caseId : caseIds) {
            Answer answer = api.call("GET", "/api/cases/" + caseId, ops, null, null);
            if (answer.status() == 200) {
                views.put(caseId, answer.body());
            }
        }
        return views;
    }

    /** One hash over the views, in case order: equal hashes, equal read models. */
    static String hash(Map<String, JsonNode> views) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            views.keySet().stream().sorted().forEach(caseId ->
                    digest.update((caseId + "=" + views.get(caseId) + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rebuilds the read models from the start of the topic (a new generation) and waits until it has switched. */
    String rebuild(Duration within) throws InterruptedException {
        Answer started = api.call("POST", "/api/ops/replays", ops, Map.of("target", "read-models"), null);
        if (started.status() != 202) {
            return "could not start (HTTP " + started.status() + ")";
        }
        String job = started.body().path("jobId").asText();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(2000);
            Answer progress = api.call("GET", "/api/ops/replays/" + job, ops, null, null);
            String state = progress.body().path("state").asText();
            if (!"RUNNING".equals(state)) {
                return state;
            }
        }
        return "not done within " + within;
    }

    /**
     * The Message-ID of every mail in the catcher per X-Casestream-Delivery header (one entry per copy received), for
     * the given mailboxes (login = password = address).
     */
    static Map<String, List<String>> mails(int imapPort, Collection<String> mailboxes) throws Exception {
        Map<String, List<String>> seen = new HashMap<>();
        Session session = Session.getInstance(new Properties());
        for (String mailbox : mailboxes) {
            try (Store store = session.getStore("imap")) {
                store.connect("localhost", imapPort, mailbox, mailbox);
                try (Folder inbox = store.getFolder("INBOX")) {
                    inbox.open(Folder.READ_ONLY);
                    for (Message message : inbox.getMessages()) {
                        String[] delivery = message.getHeader("X-Casestream-Delivery");
                        String[] messageId = message.getHeader("Message-ID");
                        if (delivery != null) {
                            seen.computeIfAbsent(delivery[0], id -> new ArrayList<>())
                                    .add(messageId == null ? "" : messageId[0]);
                        }
                    }
                }
            } catch (jakarta.mail.AuthenticationFailedException e) {
                // GreenMail creates a mailbox with its first mail: none came to this one
            }
        }
        return seen;
    }

    private interface Rows {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, Collection<String> caseIds, Rows rows) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            Array ids = connection.createArrayOf("text", caseIds.toArray());
            statement.setArray(1, ids);
            try (ResultSet result = statement.executeQuery()) {
                rows.read(result);
            }
        }
    }
}
