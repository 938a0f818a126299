package org.casestream.events.versioning;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One step of an event's history: turns the JSON of {@link #fromVersion()} into the next version's. */
public interface EventUpcaster {

    /** The catalogue name of the event this step applies to. */
    String eventName();

    int fromVersion();

    default int toVersion() {
        return fromVersion() + 1;
    }

    /** Returns the upcast JSON; may change and return {@code data} itself. */
    ObjectNode upcast(ObjectNode data);
}
