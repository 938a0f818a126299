package org.casestream.events.cases;

import java.util.Objects;
import java.util.UUID;

import org.casestream.events.AssignmentReason;

/**
 * An agent now owns the case. Version 2: version 1 had neither {@code previousAgentId} nor {@code reason};
 * {@link org.casestream.events.versioning.CaseAssignedV1ToV2} upcasts stored v1 JSON.
 */
public record CaseAssigned(UUID caseId, UUID agentId, UUID previousAgentId, AssignmentReason reason)
        implements CaseEvent {

    public static final int VERSION = 2;

    public CaseAssigned {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(reason, "reason");
    }
}
