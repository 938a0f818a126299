package org.casestream.routing.classification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.casestream.events.Queue;
import org.junit.jupiter.api.Test;

class ClassificationTest {

    private static final Logger LOG = LoggerFactory.getLogger(ClassificationTest.class);

    /** The same rules the V2 migration seeds. */
    static final List<ClassificationRule> SEEDED = List.of(
            new ClassificationRule(1, 10, Queue.REFUNDS, MatchKind.KEYWORD, "refund"),
            new ClassificationRule(2, 11, Queue.REFUNDS, MatchKind.PHRASE, "money back"),
            new ClassificationRule(3, 12, Queue.REFUNDS, MatchKind.REGEX, "\\breturn(ed|ing)?\\b"),
            new ClassificationRule(4, 20, Queue.PAYMENTS, MatchKind.PHRASE, "charged twice"),
            new ClassificationRule(5, 21, Queue.PAYMENTS, MatchKind.REGEX, "\\b(payment|invoice|billing|card|charged?)\\b"),
            new ClassificationRule(6, 30, Queue.DELIVERIES, MatchKind.REGEX, "\\b(deliver(y|ed)?|shipping|parcel|courier|tracking|package)\\b"),
            new ClassificationRule(7, 40, Queue.LOGIN, MatchKind.REGEX, "\\b(log ?in|sign ?in|password|2fa|locked out)\\b"),
            new ClassificationRule(8, 41, Queue.LOGIN, MatchKind.PHRASE, "account locked"),
            new ClassificationRule(9, 50, Queue.ORDERS, MatchKind.REGEX, "\\b(order(s|ed)?|checkout|cancel)\\b"));

    private final QueueClassifier classifier = new QueueClassifier(0.9, 20);

    @Test
    void rulesAreTriedInOrderAndUnmatchedCasesStayUnclassified() {
        NaiveBayesClassifier untrained = new NaiveBayesClassifier();

        QueueDecision refund = classifier.classify(CaseText.of("Charged twice", "I want a refund"), SEEDED, untrained);
        assertThat(refund.queue()).isEqualTo(Queue.REFUNDS);
        assertThat(refund.source()).isEqualTo(ClassificationSource.RULE);
        assertThat(refund.ruleId()).isEqualTo(1L);

        assertThat(classifier.classify(CaseText.of("Cannot log in", "reset mail"), SEEDED, untrained).queue())
                .isEqualTo(Queue.LOGIN);
        assertThat(classifier.classify(CaseText.of("I was CHARGED TWICE!", ""), SEEDED, untrained).queue())
                .isEqualTo(Queue.PAYMENTS);
        QueueDecision nothing = classifier.classify(CaseText.of("Hello", "Just saying hi"), SEEDED, untrained);
        assertThat(nothing.queue()).isEqualTo(Queue.UNCLASSIFIED);
        assertThat(nothing.source()).isEqualTo(ClassificationSource.NONE);
        // a keyword is a whole word
        assertThat(MatchKind.KEYWORD.matches("refund", CaseText.of("refunded", ""))).isFalse();
    }

    @Test
    void theClassifierTakesOverWhenItIsMoreConfidentThanTheRules() {
        NaiveBayesClassifier model = new NaiveBayesClassifier();
        LabelledCases.training().forEach(example -> model.train(example.text().tokens(), example.queue()));

        // "card" makes the rules say Payments; corrections taught that sending things back is Refunds
        CaseText text = CaseText.of("Send back", "I want to send the jacket back and be reimbursed to my card");
        QueueDecision decision = classifier.classify(text, SEEDED, model);
        assertThat(decision.ruleId()).isEqualTo(5L);
        assertThat(decision.queue()).isEqualTo(Queue.REFUNDS);
        assertThat(decision.source()).isEqualTo(ClassificationSource.CLASSIFIER);
        assertThat(decision.classifierScore()).isGreaterThan(0.9);

        // too few corrections: the rules decide
        NaiveBayesClassifier young = new NaiveBayesClassifier();
        LabelledCases.training().stream().limit(5).forEach(e -> young.train(e.text().tokens(), e.queue()));
        assertThat(classifier.classify(text, SEEDED, young).queue()).isEqualTo(Queue.PAYMENTS);
    }

    @Test
    void accuracyOnHeldOutLabelledCases() {
        NaiveBayesClassifier model = new NaiveBayesClassifier();
        List<LabelledCases.Labelled> training = LabelledCases.training();
        training.forEach(example -> model.train(example.text().tokens(), example.queue()));
        List<LabelledCases.Labelled> heldOut = LabelledCases.heldOut();

        long rulesRight = heldOut.stream()
                .filter(e -> QueueClassifier.firstMatch(e.text(), SEEDED).map(ClassificationRule::queue)
                        .orElse(Queue.UNCLASSIFIED) == e.queue())
                .count();
        long classifierRight = heldOut.stream()
                .filter(e -> model.predict(e.text().tokens()).orElseThrow().queue() == e.queue())
                .count();
        long combinedRight = heldOut.stream()
                .filter(e -> classifier.classify(e.text(), SEEDED, model).queue() == e.queue())
                .count();

        double rules = (double) rulesRight / heldOut.size();
        double bayes = (double) classifierRight / heldOut.size();
        double combined = (double) combinedRight / heldOut.size();
        LOG.info(String.format("classification accuracy on %d held-out cases (trained on %d): rules %.1f %%, "
                        + "naive Bayes %.1f %%, combined %.1f %%", heldOut.size(), training.size(),
                rules * 100, bayes * 100, combined * 100));
        assertThat(heldOut).hasSize(45);
        assertThat(bayes).isGreaterThanOrEqualTo(0.6);
        assertThat(combined).isGreaterThanOrEqualTo(rules);
    }
}
