package org.casestream.command.publishing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.casestream.events.Topics;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Checks, once the service is up (in the background: a broker that is away must not hold the start up), that the
 * case events topic is the complete copy of the event store every rebuild relies on: that it keeps everything
 * ({@link Topics#KEEP_EVERYTHING}; a topic created before that, or by hand, is set to it, with a warning), that no
 * partition lost its first records, and that it holds at least as many records as the publisher sent. A loss is
 * logged as an error and counted in {@code casestream.topic.missing-records}: rebuilds from the topic would miss
 * those events, so they must be republished from the store.
 */
@Component
public class TopicCheck {

    private static final Logger log = LoggerFactory.getLogger(TopicCheck.class);
    private static final Duration RETRY = Duration.ofSeconds(10);

    private final Map<String, Object> adminConfig;
    private final PublishingProperties properties;
    private final JdbcClient jdbc;
    private final PublisherLag publisher;
    private final AtomicReference<Report> last = new AtomicReference<>();

    /**
     * What the check found.
     *
     * @param retentionChanged whether the topic's retention had to be set to keep everything
     * @param deletedRecords   records gone from the start of the partitions
     * @param published        events the publisher has sent (those up to its position in the store)
     * @param onTopic          records the topic has ever held (its end offsets; duplicates count)
     */
    public record Report(boolean retentionChanged, long deletedRecords, long published, long onTopic) {

        /** Events the store published that a rebuild from the topic would not see. */
        public long missing() {
            return Math.max(deletedRecords, published - (onTopic - deletedRecords));
        }
    }

    public TopicCheck(KafkaAdmin kafkaAdmin, PublishingProperties properties, JdbcClient jdbc,
                      PublisherLag publisher, MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        this.adminConfig = Map.copyOf(config);
        this.properties = properties;
        this.jdbc = jdbc;
        this.publisher = publisher;
        Gauge.builder("casestream.topic.missing-records", last, report -> Optional.ofNullable(report.get())
                        .map(found -> (double) found.missing()).orElse(Double.NaN))
                .description("Published events the case events topic no longer holds (a rebuild from it would miss them)")
                .baseUnit("records").register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkInTheBackground() {
        Thread.ofPlatform().daemon().name("topic-check").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    check();
                    return;
                } catch (RuntimeException e) {
                    log.warn("Could not check {} yet; trying again in {}: {}", properties.topic(), RETRY, Redacted.causes(e));
                    try {
                        Thread.sleep(RETRY);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        });
    }

    /** The last check's findings; empty until one went through. */
    public Optional<Report> lastReport() {
        return Optional.ofNullable(last.get());
    }

    /** Checks now (and sets the retention to keep everything when it does not). */
    public Report check() {
        try (Admin admin = Admin.create(adminConfig)) {
            boolean changed = keepEverything(admin);
            List<TopicPartition> partitions = partitions(admin);
            long first = sum(admin, partitions, OffsetSpec.earliest());
            long end = sum(admin, partitions, OffsetSpec.latest());
            Report report = new Report(changed, first, published(), end);
            last.set(report);
            if (report.missing() > 0) {
                log.error("{} holds {} fewer events than the store published ({} gone from the start of its partitions):"
                        + " rebuilds from it would miss them; republish them from the store", properties.topic(),
                        report.missing(), first);
            }
            return report;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking " + properties.topic(), e);
        } catch (Exception e) {
            throw new IllegalStateException("could not check " + properties.topic(), e);
        }
    }

    private boolean keepEverything(Admin admin) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, properties.topic());
        Config config = admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic);
        Collection<AlterConfigOp> changes = new ArrayList<>();
        Topics.KEEP_EVERYTHING.forEach((name, value) -> {
            ConfigEntry entry = config.get(name);
            if (entry == null || !value.equals(entry.value())) {
                log.warn("{} had {}={}; setting it to {} so that the topic keeps every event", properties.topic(), name,
                        entry == null ? "unset" : entry.value(), value);
                changes.add(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET));
            }
        });
        if (changes.isEmpty()) {
            return false;
        }
        admin.incrementalAlterConfigs(Map.of(topic, changes)).all().get(10, TimeUnit.SECONDS);
        return true;
    }

    private List<TopicPartition> partitions(Admin admin) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(properties.topic())).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(properties.topic());
        return description.partitions().stream()
                .map(partition -> new TopicPartition(properties.topic(), partition.partition())).toList();
    }

    private static long sum(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        return admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
    }

    /** Events up to the publisher's position in the store (all of them once it caught up). */
    private long published() {
        long position = publisher.publishedPosition().orElse(-1L);
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE global_index <= ?").param(position)
                .query(Long.class).single();
    }
}
