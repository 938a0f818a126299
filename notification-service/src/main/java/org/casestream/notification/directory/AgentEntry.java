package org.casestream.notification.directory;

import java.util.UUID;

/** An agent's name and address, to notify them. PII. */
public record AgentEntry(UUID agentId, String name, String email) {

    @Override
    public String toString() {
        return "AgentEntry[" + agentId + "]";
    }
}
