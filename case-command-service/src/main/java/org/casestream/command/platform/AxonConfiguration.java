package org.casestream.command.platform;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.common.AxonNonTransientException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.casestream.command.domain.agents.AgentAggregate;
import org.casestream.command.domain.cases.CaseAggregate;
import org.casestream.events.json.EventJson;
import org.casestream.events.versioning.EventVersions;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon on PostgreSQL: Jackson for every message (the catalogue's mapping and versions), PostgreSQL's
 * duplicate key as a concurrency conflict, actor and correlation id copied onto every event, and
 * concurrency conflicts, and only those, retried.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Metadata keys every event carries. */
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    /** Set when the caller sent an Idempotency-Key: the command is applied at most once. */
    public static final String COMMAND_ID = "commandId";

    static {
        // imports stamp the events of the history they write with the instant it happened
        EventTime.install();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    /** Axon's JDBC defaults are camel-case table names; ours are the snake-case tables of the Flyway scripts. */
    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .metaDataColumn("meta_data")
                .payloadColumn("payload")
                .payloadRevisionColumn("payload_revision")
                .payloadTypeColumn("payload_type")
                .timestampColumn("time_stamp")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jackson();
    }

    @Bean
    EventUpcasterChain catalogueUpcasters() {
        return new EventUpcasterChain(EventVersions.upcasters().stream().map(CatalogueUpcaster::new).toList());
    }

    /**
     * Declaring any provider drops Axon's default one, so the origin provider is declared too: it records the
     * message that caused an event ({@code causationId}) and the root of the chain ({@code traceId}). Our own
     * {@code correlationId} (the request's {@code X-Correlation-Id}), {@code actor} and {@code commandId} (the
     * caller's Idempotency-Key) are copied as they are.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider("causationId", "traceId");
    }

    @Bean
    CorrelationDataProvider actorAndCorrelationProvider() {
        return new SimpleCorrelationDataProvider(ACTOR, CORRELATION_ID, COMMAND_ID);
    }

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("command-retry").daemon().factory());
    }

    /**
     * Retries a command only when another writer appended to the same aggregate first (10 ms, 20 ms, 40 ms...,
     * at most 10 times); business rule violations and bad input fail at once.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConcurrencyConflictRetries(ExponentialBackOffIntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .backoffFactor(10)
                        .maxRetryCount(10)
                        .nonTransientFailurePredicate(AxonNonTransientException.class::isInstance)
                        .build()))
                .build();
    }

    /**
     * A snapshot of a case or an agent every {@code casestream.snapshots.every} events: loading one then folds the
     * snapshot and the events after it, so a command on a case with thousands of events costs what one on a new
     * case does. A snapshot that no longer reads (the aggregate changed shape) is skipped: Axon folds the whole
     * history instead.
     */
    @Bean
    SnapshotTriggerDefinition aggregateSnapshots(Snapshotter snapshotter,
                                                 @Value("${casestream.snapshots.every:200}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }

    /** Aggregates are snapshotted field by field, as they are: they have no getters and need none. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
    private interface SnapshotByFields {
    }

    private static Serializer jackson() {
        ObjectMapper mapper = EventJson.configure(new ObjectMapper())
                .addMixIn(CaseAggregate.class, SnapshotByFields.class)
                .addMixIn(AgentAggregate.class, SnapshotByFields.class);
        return JacksonSerializer.builder()
                .objectMapper(mapper)
                .revisionResolver(new CatalogueRevisionResolver())
                .build();
    }
}
