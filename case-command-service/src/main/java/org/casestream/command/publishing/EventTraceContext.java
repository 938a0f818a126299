package org.casestream.command.publishing;

import java.util.Map;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.casestream.support.observability.TraceContexts;
import org.springframework.stereotype.Component;

/**
 * Each event keeps, in its metadata ({@code traceparent}), the trace context of the request whose command stored it:
 * the publisher sends it later, from its own thread, and continues that trace on Kafka from there.
 */
@Component
public class EventTraceContext {

    public EventTraceContext(EventBus eventBus, TraceContexts traces) {
        MessageDispatchInterceptor<EventMessage<?>> interceptor = messages -> {
            Map<String, String> context = traces.current();
            return (index, message) -> context.isEmpty() || message.getMetaData().containsKey(TraceContexts.TRACEPARENT)
                    ? message : message.andMetaData(context);
        };
        eventBus.registerDispatchInterceptor(interceptor);
    }
}
