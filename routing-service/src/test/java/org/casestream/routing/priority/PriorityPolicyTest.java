package org.casestream.routing.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.casestream.events.Channel;
import org.casestream.events.Priority;
import org.casestream.events.Tier;
import org.casestream.routing.classification.CaseText;
import org.junit.jupiter.api.Test;

class PriorityPolicyTest {

    private final List<PriorityRule> rules = List.of(
            new PriorityRule(1, 10, PriorityRuleKind.PHRASE, "charged twice", Priority.HIGH),
            new PriorityRule(2, 20, PriorityRuleKind.PHRASE, "account locked", Priority.HIGH),
            new PriorityRule(3, 30, PriorityRuleKind.KEYWORD, "urgent", Priority.HIGH),
            new PriorityRule(4, 40, PriorityRuleKind.REGEX, "(?i)outage|down for everyone", Priority.CRITICAL),
            new PriorityRule(5, 50, PriorityRuleKind.TIER, "platinum", Priority.HIGH),
            new PriorityRule(6, 60, PriorityRuleKind.CHANNEL, "phone", Priority.MEDIUM));

    @Test
    void rulesRaiseThePriority() {
        PriorityDecision decision = PriorityPolicy.decide(Priority.LOW, CaseText.of("I was charged twice", ""),
                Tier.STANDARD, Channel.EMAIL, rules);
        assertThat(decision.priority()).isEqualTo(Priority.HIGH);
        assertThat(decision.raised()).isTrue();
        assertThat(decision.matchedRuleIds()).containsExactly(1L);

        assertThat(PriorityPolicy.decide(Priority.LOW, CaseText.of("Outage", "the site is down for everyone"),
                Tier.STANDARD, Channel.WEB, rules).priority()).isEqualTo(Priority.CRITICAL);
        assertThat(PriorityPolicy.decide(Priority.LOW, CaseText.of("Question", ""), Tier.PLATINUM, Channel.WEB, rules)
                .priority()).isEqualTo(Priority.HIGH);
        assertThat(PriorityPolicy.decide(Priority.LOW, CaseText.of("Question", ""), Tier.GOLD, Channel.PHONE, rules)
                .priority()).isEqualTo(Priority.MEDIUM);
    }

    @Test
    void aGivenPriorityIsNeverLowered() {
        PriorityDecision decision = PriorityPolicy.decide(Priority.CRITICAL, CaseText.of("urgent", ""),
                Tier.STANDARD, Channel.PHONE, rules);
        assertThat(decision.priority()).isEqualTo(Priority.CRITICAL);
        assertThat(decision.raised()).isFalse();

        assertThat(PriorityPolicy.decide(Priority.MEDIUM, CaseText.of("Question", ""), Tier.STANDARD, Channel.EMAIL,
                rules).priority()).isEqualTo(Priority.MEDIUM);
    }

    @Test
    void aChannelsRequestedPriorityRaisesTheCaseAtMostToHighAndCriticalTakesARule() {
        PriorityDecision asked = PriorityPolicy.decide(Priority.MEDIUM, Priority.CRITICAL, CaseText.of("Question", ""),
                Tier.STANDARD, Channel.WEB, rules);
        assertThat(asked.priority()).isEqualTo(Priority.HIGH);
        assertThat(asked.raised()).isTrue();
        assertThat(asked.requested()).isEqualTo(Priority.CRITICAL);
        assertThat(asked.matchedRuleIds()).isEmpty();

        assertThat(PriorityPolicy.decide(Priority.MEDIUM, Priority.LOW, CaseText.of("Question", ""), Tier.STANDARD,
                Channel.WEB, rules).priority()).as("a request never lowers").isEqualTo(Priority.MEDIUM);
        assertThat(PriorityPolicy.decide(Priority.MEDIUM, Priority.HIGH, CaseText.of("Outage", "down for everyone"),
                Tier.STANDARD, Channel.WEB, rules).priority()).as("a rule still raises past it")
                .isEqualTo(Priority.CRITICAL);
    }
}
