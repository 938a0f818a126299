package org.casestream.events.cases;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.casestream.events.CaseStatus;

/**
 * A done case is back in progress: a customer replied to it ({@code source} {@value #CUSTOMER_REPLY}, {@code
 * commentId} the reply that did it) or an agent reopened it ({@value #AGENT}, with their {@code reason}; who it was
 * is the event's actor). Version 2: version 1 had neither {@code source} nor {@code reason}, and every reopening
 * then was a customer's reply; {@link org.casestream.events.versioning.CaseReopenedV1ToV2} upcasts stored v1 JSON.
 * The reason is free text (it may name people): it is not in {@link #toString()}.
 */
public record CaseReopened(UUID caseId, CaseStatus status, UUID commentId, String source, String reason)
        implements CaseEvent {

    public static final int VERSION = 2;
    public static final String CUSTOMER_REPLY = "customer-reply";
    public static final String AGENT = "agent";
    private static final Set<String> SOURCES = Set.of(CUSTOMER_REPLY, AGENT);

    /** A customer's reply reopened the case. */
    public CaseReopened(UUID caseId, CaseStatus status, UUID commentId) {
        this(caseId, status, commentId, CUSTOMER_REPLY, null);
    }

    /** An agent reopened the case, for {@code reason}. */
    public static CaseReopened agentReopened(UUID caseId, String reason) {
        return new CaseReopened(caseId, CaseStatus.IN_PROGRESS, null, AGENT, reason);
    }

    public CaseReopened {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(source, "source");
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("a case is reopened by a customer-reply or an agent, not " + source);
        }
        if (source.equals(AGENT) && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("an agent reopens a case for a reason");
        }
        status = status == null ? CaseStatus.IN_PROGRESS : status;
    }

    public boolean byAgent() {
        return source.equals(AGENT);
    }

    @Override
    public String toString() {
        return "CaseReopened[" + caseId + ", " + status + ", " + source + "]";
    }
}
