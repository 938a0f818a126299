package org.casestream.routing.assignment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.casestream.events.Priority;
import org.casestream.events.Queue;

/**
 * An open case as assignment sees it. {@code manual}: a person assigned it, so the router never moves it.
 */
public record OpenCase(UUID caseId, Queue queue, Priority priority, Instant resolutionDue, Instant openedAt,
                       UUID assignee, boolean manual) {

    public OpenCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(openedAt, "openedAt");
    }
}
