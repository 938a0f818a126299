package org.casestream.support.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.slf4j.MDC;

/**
 * Carries a trace across what HTTP observation does not see: an event stored now and published later, a Kafka
 * record read on a consumer's thread. {@link #current()} writes the current span's context as W3C headers
 * ({@code traceparent}) into a map to keep with a message; {@link #continued} runs work in a new span whose parent
 * is the context a carrier holds (a new trace when it holds none). Without tracing (no {@link Tracer} bean) both are
 * no-ops. Spans are created whether or not they are sampled, so trace ids reach the logs even while tracing is off.
 */
public final class TraceContexts {

    /** The W3C trace context header, on Kafka records as on HTTP requests. */
    public static final String TRACEPARENT = "traceparent";
    /** The MDC key of the correlation id, as {@code CorrelationIdFilter} puts it for requests. */
    public static final String CORRELATION_ID = "correlationId";

    public static final TraceContexts NONE = new TraceContexts(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContexts(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's context as headers ({@code traceparent}, maybe {@code tracestate}); empty without one. */
    public Map<String, String> current() {
        Map<String, String> headers = new LinkedHashMap<>();
        TraceContext context = tracer.currentTraceContext().context();
        if (context != null) {
            propagator.inject(context, headers, Map::put);
        }
        return headers;
    }

    /** Writes the current span's context into a carrier (a Kafka record's headers, say). */
    public <C> void inject(C carrier, Propagator.Setter<C> setter) {
        TraceContext context = tracer.currentTraceContext().context();
        if (context != null) {
            propagator.inject(context, carrier, setter);
        }
    }

    /**
     * Runs {@code work} in a span named {@code name} of that {@code kind} that continues the trace in
     * {@code carrier}, with the correlation id in the MDC for its log lines.
     */
    public <C, T> T continued(String name, Span.Kind kind, C carrier, Propagator.Getter<C> getter,
                              String correlationId, Supplier<T> work) {
        Span span = propagator.extract(carrier, getter).name(name).kind(kind).start();
        String previous = MDC.get(CORRELATION_ID);
        if (correlationId != null) {
            MDC.put(CORRELATION_ID, correlationId);
        }
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error e) {
            // the failure's class only: its message can quote an event's content, and traces leave the service
            span.tag("error", e.getClass().getName());
            throw e;
        } finally {
            span.end();
            if (previous == null) {
                MDC.remove(CORRELATION_ID);
            } else {
                MDC.put(CORRELATION_ID, previous);
            }
        }
    }

    public <C> void continued(String name, Span.Kind kind, C carrier, Propagator.Getter<C> getter,
                              String correlationId, Runnable work) {
        continued(name, kind, carrier, getter, correlationId, () -> {
            work.run();
            return null;
        });
    }
}
