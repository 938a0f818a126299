package org.casestream.routing.classification;

import org.casestream.events.Queue;

/**
 * Where a case should go and why: {@code source} is {@code rule}, {@code classifier} or {@code none}
 * (nothing matched: Unclassified). The rule and the classifier's view are both kept for the explanation.
 */
public record QueueDecision(Queue queue, String source, Long ruleId, String rulePattern, Queue classifierQueue,
                            Double classifierScore, int classifierExamples) {
}
