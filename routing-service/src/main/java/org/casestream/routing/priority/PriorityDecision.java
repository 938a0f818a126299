package org.casestream.routing.priority;

import java.util.List;

import org.casestream.events.Priority;

/**
 * The priority a case should have, the one it came with, what its channel asked for (null when nothing), and the
 * rules that raised it (if any).
 */
public record PriorityDecision(Priority priority, Priority given, Priority requested, List<Long> matchedRuleIds) {

    public boolean raised() {
        return priority != given;
    }
}
