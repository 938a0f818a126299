package org.casestream.events.versioning;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.casestream.events.AssignmentReason;

/**
 * CaseAssigned v1 was {@code {caseId, agentId}}: every assignment then was made by hand, and the previous
 * assignee was not recorded. v2 adds {@code reason} and {@code previousAgentId}.
 */
public final class CaseAssignedV1ToV2 implements EventUpcaster {

    @Override
    public String eventName() {
        return "CaseAssigned";
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public ObjectNode upcast(ObjectNode data) {
        if (!data.hasNonNull("reason")) {
            data.put("reason", AssignmentReason.MANUAL.wire());
        }
        if (!data.has("previousAgentId")) {
            data.putNull("previousAgentId");
        }
        return data;
    }
}
