package org.casestream.routing.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Naive Bayes is kept to compare with (the classification benchmark prints it beside the semantic classifier). */
class NaiveBayesClassifierTest {

    @Test
    void learnsFromLabelledCasesAndPredictsHeldOutOnes() {
        NaiveBayesClassifier model = new NaiveBayesClassifier();
        assertThat(model.predict(CaseText.tokens("anything"))).as("nothing to go on before two queues").isEmpty();
        List<LabelledCases.Labelled> training = LabelledCases.training();
        training.forEach(example -> model.train(example.text().tokens(), example.queue()));

        List<LabelledCases.Labelled> heldOut = LabelledCases.heldOut();
        long right = heldOut.stream()
                .filter(e -> model.predict(e.text().tokens()).orElseThrow().queue().equals(e.queue()))
                .count();

        assertThat(model.examples()).isEqualTo(training.size());
        assertThat((double) right / heldOut.size()).isGreaterThanOrEqualTo(0.6);
    }
}
