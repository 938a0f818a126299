package org.casestream.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * A collector as small as a test needs: an OTLP/HTTP receiver on this machine ({@code POST /v1/traces}, protobuf)
 * that the platform's services export their spans to. It counts every span and keeps those of the traces a test
 * {@linkplain #watch watches} (so a long run holds no more than it asks for).
 */
public final class OtlpReceiver implements AutoCloseable {

    /** One received span: the trace it belongs to, the service that sent it ({@code service.name}), its name. */
    public record ReceivedSpan(String traceId, String service, String name, Span.SpanKind kind) {
    }

    private final HttpServer server;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final Map<String, List<ReceivedSpan>> spans = new ConcurrentHashMap<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    public static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", receiver::export);
            server.setExecutor(Executors.newFixedThreadPool(2, Thread.ofPlatform().name("otlp-receiver-", 0)
                    .daemon().factory()));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the services are given as {@code CASESTREAM_TRACING_ENDPOINT}. */
    public String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Keeps the spans of this trace (32 hex digits) from now on. */
    public void watch(String traceId) {
        watched.add(traceId);
    }

    /** The spans received so far of a watched trace. */
    public List<ReceivedSpan> spans(String traceId) {
        return List.copyOf(spans.getOrDefault(traceId, List.of()));
    }

    /** Every span received, watched or not. */
    public long received() {
        return received.get();
    }

    /** Export requests received (one per batch a service sent). */
    public long requests() {
        return requests.get();
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
                body = (gzip ? new GZIPInputStream(in) : in).readAllBytes();
            }
            ExportTraceServiceRequest request;
            try {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (IOException unreadable) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            requests.incrementAndGet();
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(attribute -> attribute.getKey().equals("service.name"))
                        .map(KeyValue::getValue).map(value -> value.getStringValue()).findFirst().orElse("?");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (Span span : scope.getSpansList()) {
                        received.incrementAndGet();
                        String traceId = HexFormat.of().formatHex(span.getTraceId().toByteArray());
                        if (watched.contains(traceId)) {
                            spans.computeIfAbsent(traceId, id -> new CopyOnWriteArrayList<>())
                                    .add(new ReceivedSpan(traceId, service, span.getName(), span.getKind()));
                        }
                    }
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
