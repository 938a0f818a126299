package org.casestream.events.versioning;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.casestream.events.DomainEvent;
import org.casestream.events.EventCatalogue;
import org.casestream.events.EventCatalogue.EventType;
import org.casestream.events.json.EventJson;

/**
 * Reads stored or received event JSON of any past version as today's record: the upcasters run one step
 * at a time from the stored version to the catalogue's current one. Event stores and Kafka consumers both use it.
 */
public final class EventVersions {

    private static final List<EventUpcaster> UPCASTERS = List.of(new CaseAssignedV1ToV2(),
            new CaseReopenedV1ToV2());

    private EventVersions() {
    }

    public static List<EventUpcaster> upcasters() {
        return UPCASTERS;
    }

    /** Upcasts {@code data}, stored as {@code version} of {@code eventName}, to the current version. */
    public static JsonNode toCurrent(String eventName, int version, JsonNode data) {
        EventType type = EventCatalogue.byName(eventName)
                .orElseThrow(() -> new IllegalArgumentException("not in the catalogue: " + eventName));
        if (version > type.version()) {
            throw new IllegalArgumentException(eventName + " v" + version + " is newer than this catalogue's v"
                    + type.version());
        }
        JsonNode current = data.deepCopy();
        for (int step = version; step < type.version(); step++) {
            current = upcasterFor(eventName, step).upcast((ObjectNode) current);
        }
        return current;
    }

    /**
     * Decodes event JSON of any known version, or returns empty when the name is not in this catalogue
     * (an event type from a newer producer: consumers skip and log it rather than stop).
     */
    public static Optional<DomainEvent> decode(String eventName, int version, byte[] json) {
        return EventCatalogue.byName(eventName)
                .map(type -> EventJson.read(toCurrent(eventName, version, EventJson.tree(json)), type.javaType()));
    }

    private static EventUpcaster upcasterFor(String eventName, int fromVersion) {
        return UPCASTERS.stream()
                .filter(upcaster -> upcaster.eventName().equals(eventName) && upcaster.fromVersion() == fromVersion)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no upcaster for " + eventName + " v" + fromVersion));
    }
}
