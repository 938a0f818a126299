package org.casestream.routing.classification;

import org.casestream.events.Queue;

/**
 * Where a case should go and why: {@code source} says whether a rule, the classifier or nothing (Unclassified)
 * decided. The rule and the classifier's view are both kept for the explanation.
 */
public record QueueDecision(Queue queue, ClassificationSource source, Long ruleId, String rulePattern,
                            Queue classifierQueue, Double classifierScore, int classifierExamples) {
}
