package org.casestream.routing.classification;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.casestream.events.Queue;

/**
 * A decisive rule first; then the semantic classifier when it is confident; then, where it is unsure, the first
 * other rule that matched; else the case stays Unclassified (the classifier's runners-up are kept to explain).
 */
public final class QueueClassifier {

    private QueueClassifier() {
    }

    public static Optional<ClassificationRule> firstMatch(CaseText text, List<ClassificationRule> rules) {
        return rules.stream()
                .sorted(Comparator.comparingInt(ClassificationRule::position).thenComparingLong(ClassificationRule::id))
                .filter(rule -> rule.matches(text))
                .findFirst();
    }

    public static QueueDecision classify(CaseText text, List<ClassificationRule> rules,
            SemanticClassifier.Prediction prediction) {
        return classify(text, rules, prediction, Set.of());
    }

    /**
     * As above, passing over the {@code archived} queues: their rules do not match, and the classifier's answer of
     * one counts as unsure (so no new case goes to an archived queue).
     */
    public static QueueDecision classify(CaseText text, List<ClassificationRule> allRules,
            SemanticClassifier.Prediction prediction, Set<Queue> archived) {
        List<ClassificationRule> rules = allRules.stream().filter(rule -> !archived.contains(rule.queue())).toList();
        Optional<ClassificationRule> decisive = firstMatch(text, rules.stream().filter(ClassificationRule::decisive)
                .toList());
        if (decisive.isPresent()) {
            return new QueueDecision(decisive.get().queue(), ClassificationSource.RULE, decisive.get(), prediction);
        }
        Optional<ClassificationRule> rule = firstMatch(text, rules);
        if (prediction.confident() && !archived.contains(prediction.queue())) {
            return new QueueDecision(prediction.queue(), ClassificationSource.CLASSIFIER, rule.orElse(null),
                    prediction);
        }
        return rule.map(matched -> new QueueDecision(matched.queue(), ClassificationSource.RULE, matched, prediction))
                .orElseGet(() -> new QueueDecision(Queue.UNCLASSIFIED, ClassificationSource.NONE, null, prediction));
    }
}
