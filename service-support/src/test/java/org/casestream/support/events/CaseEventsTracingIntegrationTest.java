package org.casestream.support.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casestream.events.cases.CaseTagged;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.support.observability.TraceContexts;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The consumer kit carries each record's trace ({@code traceparent} header) into its handler, with the event's
 * correlation id in the MDC, against a real broker and an OpenTelemetry tracer that keeps what it ends.
 */
class CaseEventsTracingIntegrationTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    /** What the handler saw: the current trace and the MDC's correlation id. */
    private record Seen(String traceId, String correlationId) {
    }

    private final List<SpanData> ended = new CopyOnWriteArrayList<>();
    private final List<CaseEventsConsumer> started = new ArrayList<>();
    private OtelTracer tracer;
    private CaseEventsConsumers consumers;
    private KafkaProducer<String, byte[]> producer;
    private String topic;

    @BeforeEach
    void kit() {
        TestInfrastructure.start();
        String servers = TestInfrastructure.kafkaBootstrapServers();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                    @Override
                    public CompletableResultCode export(Collection<SpanData> spans) {
                        ended.addAll(spans);
                        return CompletableResultCode.ofSuccess();
                    }

                    @Override
                    public CompletableResultCode flush() {
                        return CompletableResultCode.ofSuccess();
                    }

                    @Override
                    public CompletableResultCode shutdown() {
                        return CompletableResultCode.ofSuccess();
                    }
                })).build();
        io.opentelemetry.api.trace.Tracer otel = provider.get("test");
        tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
        TraceContexts traces = new TraceContexts(tracer,
                new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));
        consumers = new CaseEventsConsumers(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50),
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers), new SimpleMeterRegistry(), traces);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(config);
        topic = "kit-traces-" + UUID.randomUUID();
    }

    @AfterEach
    void stop() {
        started.forEach(CaseEventsConsumer::stop);
        consumers.destroy();
        producer.close();
    }

    @Test
    void eachEventIsHandledInTheTraceItsRecordCarriesWithItsCorrelationId() throws Exception {
        String traceId = hex(16);
        String parent = hex(8);
        List<Seen> seen = new CopyOnWriteArrayList<>();
        start(CaseEventsHandler.eachEvent(event -> seen.add(new Seen(
                tracer.currentSpan().context().traceId(), MDC.get(TraceContexts.CORRELATION_ID)))));

        send(UUID.randomUUID(), "corr-1", "00-" + traceId + "-" + parent + "-01");

        await().atMost(WITHIN).until(() -> !seen.isEmpty());
        assertThat(seen).containsExactly(new Seen(traceId, "corr-1"));
        await().atMost(WITHIN).until(() -> !ended.isEmpty());
        assertThat(ended).singleElement().satisfies(span -> {
            assertThat(span.getName()).isEqualTo("kit process");
            assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(span.getTraceId()).isEqualTo(traceId);
            assertThat(span.getParentSpanId()).isEqualTo(parent);
        });
    }

    @Test
    void aBatchIsHandledInItsFirstRecordsTraceAndEveryOtherTraceInItSeesTheConsumer() throws Exception {
        String first = hex(16);
        String second = hex(16);
        UUID caseId = UUID.randomUUID();
        // one case, one partition: sent before the consumer starts, they come in one poll
        send(caseId, "corr-1", "00-" + first + "-" + hex(8) + "-01");
        send(caseId, "corr-2", "00-" + second + "-" + hex(8) + "-01");
        List<Seen> seen = new CopyOnWriteArrayList<>();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        start(batch -> {
            sizes.add(batch.events().size());
            seen.add(new Seen(tracer.currentSpan().context().traceId(), MDC.get(TraceContexts.CORRELATION_ID)));
        });

        await().atMost(WITHIN).until(() -> sizes.stream().mapToInt(Integer::intValue).sum() >= 2);
        assertThat(sizes).containsExactly(2);
        assertThat(seen).containsExactly(new Seen(first, "corr-1"));
        await().atMost(WITHIN).until(() -> ended.size() >= 2);
        assertThat(ended).extracting(SpanData::getTraceId, SpanData::getName)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(first, "kit process"),
                        org.assertj.core.groups.Tuple.tuple(second, "kit receive"));
    }

    private void start(CaseEventsHandler handler) {
        CaseEventsConsumer consumer = consumers.inGroup(
                CaseEventsSettings.inGroup("kit", topic, 2, "group-" + topic).withIdleInterval(Duration.ofMillis(200)),
                handler);
        consumer.start();
        started.add(consumer);
    }

    private void send(UUID caseId, String correlationId, String traceparent) throws Exception {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(topic, new EventEnvelope(
                UUID.randomUUID().toString(), Instant.now(), 1, "test", correlationId,
                new CaseTagged(caseId, List.of("kit"), List.of())));
        record.headers().add(TraceContexts.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
