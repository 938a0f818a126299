package org.casestream.routing.classification;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.casestream.events.Queue;

/**
 * Rules first, in order; the learnt classifier overrides them when it is more confident than a rule is
 * taken to be ({@code ruleConfidence}) and has seen at least {@code minExamples} corrections.
 */
public final class QueueClassifier {

    private final double ruleConfidence;
    private final int minExamples;

    public QueueClassifier(double ruleConfidence, int minExamples) {
        this.ruleConfidence = ruleConfidence;
        this.minExamples = minExamples;
    }

    public static Optional<ClassificationRule> firstMatch(CaseText text, List<ClassificationRule> rules) {
        return rules.stream()
                .sorted(Comparator.comparingInt(ClassificationRule::position).thenComparingLong(ClassificationRule::id))
                .filter(rule -> rule.matches(text))
                .findFirst();
    }

    public QueueDecision classify(CaseText text, List<ClassificationRule> rules, NaiveBayesClassifier model) {
        Optional<ClassificationRule> rule = firstMatch(text, rules);
        Optional<NaiveBayesClassifier.Prediction> prediction = model.examples() >= minExamples
                ? model.predict(text.tokens())
                : Optional.empty();
        double confidenceToBeat = rule.isPresent() ? ruleConfidence : 0.5;
        Queue classifierQueue = prediction.map(NaiveBayesClassifier.Prediction::queue).orElse(null);
        Double classifierScore = prediction.map(NaiveBayesClassifier.Prediction::probability).orElse(null);
        if (prediction.isPresent() && prediction.get().probability() > confidenceToBeat) {
            return new QueueDecision(prediction.get().queue(), ClassificationSource.CLASSIFIER,
                    rule.map(ClassificationRule::id).orElse(null), rule.map(ClassificationRule::pattern).orElse(null),
                    classifierQueue, classifierScore, model.examples());
        }
        return rule.map(matched -> new QueueDecision(matched.queue(), ClassificationSource.RULE, matched.id(),
                        matched.pattern(), classifierQueue, classifierScore, model.examples()))
                .orElseGet(() -> new QueueDecision(Queue.UNCLASSIFIED, ClassificationSource.NONE, null, null,
                        classifierQueue, classifierScore, model.examples()));
    }
}
