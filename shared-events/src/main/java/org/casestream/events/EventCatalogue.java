package org.casestream.events;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.casestream.events.agents.AgentEvent;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseEvent;
import org.casestream.events.cases.CaseReopened;
import org.casestream.events.customers.CustomerEvent;
import org.casestream.events.queues.QueueEvent;

/**
 * The names and versions of every event. The name is the record's simple name and never changes;
 * the version goes up when the shape changes, with an upcaster for each step.
 */
public final class EventCatalogue {

    /** The prefix of every CloudEvents {@code type}, followed by the family and the event name. */
    public static final String CLOUD_EVENT_TYPE_PREFIX = "org.casestream.";

    private static final Map<Class<?>, Integer> VERSIONS = Map.of(CaseAssigned.class, CaseAssigned.VERSION,
            CaseReopened.class, CaseReopened.VERSION);

    private static final Map<String, EventType> BY_NAME;
    private static final Map<Class<?>, EventType> BY_CLASS;

    static {
        Map<String, EventType> byName = new LinkedHashMap<>();
        Map<Class<?>, EventType> byClass = new LinkedHashMap<>();
        Stream.of(family("case", CaseEvent.class), family("agent", AgentEvent.class),
                family("customer", CustomerEvent.class), family("queue", QueueEvent.class)).flatMap(family -> family).forEach(type -> {
            byName.put(type.name(), type);
            byClass.put(type.javaType(), type);
        });
        BY_NAME = Collections.unmodifiableMap(byName);
        BY_CLASS = Collections.unmodifiableMap(byClass);
    }

    private EventCatalogue() {
    }

    /** One event type: its stable name, its current version, its family and its record class. */
    public record EventType(String name, int version, String family, Class<? extends DomainEvent> javaType) {

        public String cloudEventType() {
            return CLOUD_EVENT_TYPE_PREFIX + family + "." + name;
        }
    }

    public static List<EventType> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static EventType of(Class<? extends DomainEvent> javaType) {
        EventType type = BY_CLASS.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException("not in the catalogue: " + javaType.getName());
        }
        return type;
    }

    public static EventType of(DomainEvent event) {
        return of(event.getClass());
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Optional<EventType> byCloudEventType(String cloudEventType) {
        if (cloudEventType == null || !cloudEventType.startsWith(CLOUD_EVENT_TYPE_PREFIX)) {
            return Optional.empty();
        }
        String name = cloudEventType.substring(cloudEventType.lastIndexOf('.') + 1);
        return byName(name).filter(type -> type.cloudEventType().equals(cloudEventType));
    }

    @SuppressWarnings("unchecked")
    private static Stream<EventType> family(String family, Class<? extends DomainEvent> sealedRoot) {
        return Arrays.stream(sealedRoot.getPermittedSubclasses())
                .map(type -> (Class<? extends DomainEvent>) type)
                .map(type -> new EventType(type.getSimpleName(), VERSIONS.getOrDefault(type, 1), family, type));
    }
}
