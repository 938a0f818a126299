package org.casestream.routing.priority;

import java.util.List;

import org.casestream.events.Priority;

/** The priority a case should have, the one it came with, and the rules that raised it (if any). */
public record PriorityDecision(Priority priority, Priority given, List<Long> matchedRuleIds) {

    public boolean raised() {
        return priority != given;
    }
}
