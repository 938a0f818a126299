package org.casestream.routing;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.casestream.routing.classification.SemanticClassifier;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Routing's own knobs, checked at start: the consumer group its instances share the case events in, and how
 * many consumers each runs (the topic has 6 partitions; decisions that assign still go one at a time); how the
 * semantic classifier votes and how sure it must be ({@link SemanticClassifier.Settings}), the skill level that
 * makes an agent a lead for escalations, and how the SLA timers are polled.
 */
@ConfigurationProperties("casestream.routing")
@Validated
public record RoutingProperties(@NotBlank String consumerGroup, @Positive int consumers,
                                @Valid Classifier classifier, int leadLevel,
                                @DurationMin(millis = 1) Duration timerPollInterval, int timerBatch, int drainBatch) {

    public RoutingProperties {
        consumerGroup = consumerGroup == null ? "routing-service" : consumerGroup;
        consumers = consumers == 0 ? 3 : consumers;
        classifier = classifier == null ? new Classifier(0, 0, 0, 0) : classifier;
        leadLevel = leadLevel <= 0 ? 5 : leadLevel;
        timerPollInterval = timerPollInterval == null ? Duration.ofSeconds(1) : timerPollInterval;
        timerBatch = timerBatch <= 0 ? 50 : timerBatch;
        drainBatch = drainBatch <= 0 ? 200 : drainBatch;
    }

    /** The semantic classifier's settings; a zero takes the default. */
    public record Classifier(@PositiveOrZero int neighbours, @PositiveOrZero double temperature,
                             @DecimalMin("0.0") @DecimalMax("1.0") double threshold,
                             @DecimalMin("0.0") @DecimalMax("1.0") double minSimilarity) {

        public SemanticClassifier.Settings settings() {
            SemanticClassifier.Settings defaults = SemanticClassifier.Settings.DEFAULTS;
            return new SemanticClassifier.Settings(neighbours == 0 ? defaults.neighbours() : neighbours,
                    temperature == 0 ? defaults.temperature() : temperature,
                    threshold == 0 ? defaults.threshold() : threshold,
                    minSimilarity == 0 ? defaults.minSimilarity() : minSimilarity);
        }
    }
}
