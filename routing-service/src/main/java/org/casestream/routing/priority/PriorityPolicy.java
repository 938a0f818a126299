package org.casestream.routing.priority;

import java.util.List;

import org.casestream.events.Channel;
import org.casestream.events.Priority;
import org.casestream.events.Tier;
import org.casestream.routing.classification.CaseText;

/** Every matching rule may raise the priority; none lowers it, so a priority given at intake stands. */
public final class PriorityPolicy {

    private PriorityPolicy() {
    }

    public static PriorityDecision decide(Priority given, CaseText text, Tier tier, Channel channel,
            List<PriorityRule> rules) {
        Priority result = given;
        List<PriorityRule> matched = rules.stream().filter(rule -> rule.matches(text, tier, channel)).toList();
        for (PriorityRule rule : matched) {
            // the enum lists the most urgent first
            if (rule.priority().ordinal() < result.ordinal()) {
                result = rule.priority();
            }
        }
        return new PriorityDecision(result, given, matched.stream().map(PriorityRule::id).toList());
    }
}
