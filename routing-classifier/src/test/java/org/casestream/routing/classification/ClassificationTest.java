package org.casestream.routing.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.casestream.events.Queue;
import org.junit.jupiter.api.Test;

/** How rules and the classifier's prediction combine; the predictions here are given, not computed. */
class ClassificationTest {

    private static final List<ClassificationRule> RULES = List.of(
            new ClassificationRule(1, 10, Queue.REFUNDS, MatchKind.KEYWORD, "refund", false),
            new ClassificationRule(4, 20, Queue.PAYMENTS, MatchKind.PHRASE, "charged twice", false),
            new ClassificationRule(5, 21, Queue.PAYMENTS, MatchKind.REGEX, "\\b(invoice|card)\\b", false),
            new ClassificationRule(7, 40, Queue.LOGIN, MatchKind.PHRASE, "security alert", true));

    @Test
    void aConfidentClassifierDecidesOverAnOrdinaryRule() {
        CaseText text = CaseText.of("Send back", "I want to send the jacket back and be reimbursed to my card");

        QueueDecision decision = QueueClassifier.classify(text, RULES, prediction(Queue.REFUNDS, 0.8));

        assertThat(decision.queue()).isEqualTo(Queue.REFUNDS);
        assertThat(decision.source()).isEqualTo(ClassificationSource.CLASSIFIER);
        assertThat(decision.rule().id()).as("the rule that matched is kept for the explanation").isEqualTo(5L);
    }

    @Test
    void aDecisiveRuleWinsOverTheClassifier() {
        CaseText text = CaseText.of("Security alert", "Please refund the order you say I placed");

        QueueDecision decision = QueueClassifier.classify(text, RULES, prediction(Queue.REFUNDS, 0.95));

        assertThat(decision.queue()).isEqualTo(Queue.LOGIN);
        assertThat(decision.source()).isEqualTo(ClassificationSource.RULE);
        assertThat(decision.rule().decisive()).isTrue();
        assertThat(decision.prediction().best()).isEqualTo(Queue.REFUNDS);
    }

    @Test
    void whereTheClassifierIsUnsureTheFirstMatchingRuleDecidesElseNothing() {
        SemanticClassifier.Prediction unsure = prediction(Queue.UNCLASSIFIED, 0.4);

        QueueDecision byRule = QueueClassifier.classify(CaseText.of("I was CHARGED TWICE!", ""), RULES, unsure);
        assertThat(byRule.queue()).isEqualTo(Queue.PAYMENTS);
        assertThat(byRule.source()).isEqualTo(ClassificationSource.RULE);
        assertThat(byRule.rule().id()).isEqualTo(4L);

        QueueDecision nothing = QueueClassifier.classify(CaseText.of("Hello", "Just saying hi"), RULES, unsure);
        assertThat(nothing.queue()).isEqualTo(Queue.UNCLASSIFIED);
        assertThat(nothing.source()).isEqualTo(ClassificationSource.NONE);
        assertThat(nothing.rule()).isNull();
        // a keyword is a whole word
        assertThat(MatchKind.KEYWORD.matches("refund", CaseText.of("refunded", ""))).isFalse();
    }

    private static SemanticClassifier.Prediction prediction(Queue queue, double confidence) {
        Queue best = Queue.UNCLASSIFIED.equals(queue) ? Queue.ORDERS : queue;
        return new SemanticClassifier.Prediction(queue, best, confidence,
                List.of(new SemanticClassifier.QueueScore(best, confidence)), List.of(), 0.55, 400, null);
    }
}
