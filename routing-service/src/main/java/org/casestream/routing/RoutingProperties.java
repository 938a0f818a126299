package org.casestream.routing;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Routing's own knobs, checked at start: the consumer group its instances share the case events in, and how
 * many consumers each runs (the topic has 6 partitions; decisions that assign still go one at a time); how confident a rule is taken to be (the classifier must beat it), how many corrections
 * the classifier needs before it is trusted, the skill level that makes an agent a lead for escalations, and how
 * the SLA timers are polled.
 */
@ConfigurationProperties("casestream.routing")
@Validated
public record RoutingProperties(@NotBlank String consumerGroup, @Positive int consumers,
                                @DecimalMin("0.0") @DecimalMax("1.0") double ruleConfidence,
                                int classifierMinExamples, int leadLevel,
                                @DurationMin(millis = 1) Duration timerPollInterval, int timerBatch, int drainBatch) {

    public RoutingProperties {
        consumerGroup = consumerGroup == null ? "routing-service" : consumerGroup;
        consumers = consumers == 0 ? 3 : consumers;
        ruleConfidence = ruleConfidence <= 0 ? 0.9 : ruleConfidence;
        classifierMinExamples = classifierMinExamples <= 0 ? 20 : classifierMinExamples;
        leadLevel = leadLevel <= 0 ? 5 : leadLevel;
        timerPollInterval = timerPollInterval == null ? Duration.ofSeconds(1) : timerPollInterval;
        timerBatch = timerBatch <= 0 ? 50 : timerBatch;
        drainBatch = drainBatch <= 0 ? 200 : drainBatch;
    }
}
