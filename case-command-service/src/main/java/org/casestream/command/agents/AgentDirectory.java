package org.casestream.command.agents;

import java.util.UUID;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Whether an agent exists: it does when the event store holds its stream. */
@Component
public class AgentDirectory {

    private final EventStore eventStore;

    public AgentDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public boolean exists(UUID agentId) {
        return eventStore.lastSequenceNumberFor(agentId.toString()).isPresent();
    }
}
