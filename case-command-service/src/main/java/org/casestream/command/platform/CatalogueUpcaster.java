package org.casestream.command.platform;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.casestream.events.EventCatalogue;
import org.casestream.events.versioning.EventUpcaster;

/** Runs one of the catalogue's upcasting steps on events read from Axon's event store. */
class CatalogueUpcaster extends SingleEventUpcaster {

    private final EventUpcaster step;
    private final String payloadType;

    CatalogueUpcaster(EventUpcaster step) {
        this.step = step;
        this.payloadType = EventCatalogue.byName(step.eventName()).orElseThrow().javaType().getName();
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        int storedVersion = revision == null ? 1 : Integer.parseInt(revision);
        return payloadType.equals(representation.getType().getName()) && storedVersion == step.fromVersion();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(payloadType, Integer.toString(step.toVersion())),
                JsonNode.class,
                json -> step.upcast((ObjectNode) Objects.requireNonNull(json)));
    }
}
