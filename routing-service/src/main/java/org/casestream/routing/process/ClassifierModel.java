package org.casestream.routing.process;

import org.casestream.routing.classification.CaseText;
import org.casestream.routing.classification.NaiveBayesClassifier;
import org.springframework.stereotype.Component;

/**
 * The naive Bayes model trained on every correction in {@code routing.training_examples}. Rebuilt only when the
 * training set changed (any instance may have added to it), so every instance classifies with the same model.
 */
@Component
public class ClassifierModel {

    private final RoutingStore store;
    private String version;
    private NaiveBayesClassifier model = new NaiveBayesClassifier();

    public ClassifierModel(RoutingStore store) {
        this.store = store;
    }

    public synchronized NaiveBayesClassifier current() {
        String now = store.trainingVersion();
        if (!now.equals(version)) {
            NaiveBayesClassifier fresh = new NaiveBayesClassifier();
            store.trainingExamples().forEach(example ->
                    fresh.train(CaseText.tokens(example.text()), example.queue()));
            model = fresh;
            version = now;
        }
        return model;
    }
}
