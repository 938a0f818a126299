package org.casestream.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Routing's own knobs: how confident a rule is taken to be (the classifier must beat it), how many corrections
 * the classifier needs before it is trusted, the skill level that makes an agent a lead for escalations, and how
 * the SLA timers are polled.
 */
@ConfigurationProperties("casestream.routing")
public record RoutingProperties(double ruleConfidence, int classifierMinExamples, int leadLevel,
                                Duration timerPollInterval, int timerBatch, int drainBatch) {

    public RoutingProperties {
        ruleConfidence = ruleConfidence <= 0 ? 0.9 : ruleConfidence;
        classifierMinExamples = classifierMinExamples <= 0 ? 20 : classifierMinExamples;
        leadLevel = leadLevel <= 0 ? 5 : leadLevel;
        timerPollInterval = timerPollInterval == null ? Duration.ofSeconds(1) : timerPollInterval;
        timerBatch = timerBatch <= 0 ? 50 : timerBatch;
        drainBatch = drainBatch <= 0 ? 200 : drainBatch;
    }
}
