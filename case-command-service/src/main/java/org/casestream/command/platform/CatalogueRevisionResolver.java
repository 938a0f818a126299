package org.casestream.command.platform;

import org.axonframework.serialization.RevisionResolver;
import org.casestream.events.DomainEvent;
import org.casestream.events.EventCatalogue;

/** Stores each event with its catalogue version as Axon's payload revision, so upcasters know what they read. */
class CatalogueRevisionResolver implements RevisionResolver {

    @Override
    @SuppressWarnings("unchecked")
    public String revisionOf(Class<?> payloadType) {
        if (DomainEvent.class.isAssignableFrom(payloadType)) {
            return Integer.toString(EventCatalogue.of((Class<? extends DomainEvent>) payloadType).version());
        }
        return null;
    }
}
