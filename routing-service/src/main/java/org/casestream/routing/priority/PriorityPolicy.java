package org.casestream.routing.priority;

import java.util.List;

import org.casestream.events.Channel;
import org.casestream.events.Priority;
import org.casestream.events.Tier;
import org.casestream.routing.classification.CaseText;

/**
 * Every matching rule may raise the priority; none lowers it, so a priority given at intake stands. What a channel
 * asks for is a hint: it raises the case at most to {@link #MOST_A_REQUEST_RAISES_TO}; only a rule makes a case
 * critical.
 */
public final class PriorityPolicy {

    public static final Priority MOST_A_REQUEST_RAISES_TO = Priority.HIGH;

    private PriorityPolicy() {
    }

    public static PriorityDecision decide(Priority given, CaseText text, Tier tier, Channel channel,
            List<PriorityRule> rules) {
        return decide(given, null, text, tier, channel, rules);
    }

    public static PriorityDecision decide(Priority given, Priority requested, CaseText text, Tier tier,
            Channel channel, List<PriorityRule> rules) {
        Priority result = given;
        if (requested != null) {
            result = moreUrgent(result, lessUrgent(requested, MOST_A_REQUEST_RAISES_TO));
        }
        List<PriorityRule> matched = rules.stream().filter(rule -> rule.matches(text, tier, channel)).toList();
        for (PriorityRule rule : matched) {
            result = moreUrgent(result, rule.priority());
        }
        return new PriorityDecision(result, given, requested, matched.stream().map(PriorityRule::id).toList());
    }

    // the enum lists the most urgent first
    private static Priority moreUrgent(Priority a, Priority b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    private static Priority lessUrgent(Priority a, Priority b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
