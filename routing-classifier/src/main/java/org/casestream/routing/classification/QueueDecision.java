package org.casestream.routing.classification;

import java.util.Objects;

import org.casestream.events.Queue;

/**
 * Where a case should go and why: {@code source} says whether a rule, the classifier or nothing (Unclassified)
 * decided. The first matching rule and the classifier's prediction are both kept for the explanation.
 *
 * @param rule       the first rule that matched, whether or not it decided; null if none did
 * @param prediction what the semantic classifier thought, nearest examples included
 */
public record QueueDecision(Queue queue, ClassificationSource source, ClassificationRule rule,
                            SemanticClassifier.Prediction prediction) {

    public QueueDecision {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(prediction, "prediction");
    }
}
