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

    private final TrainingSet trainingSet;
    private String version;
    private NaiveBayesClassifier model = new NaiveBayesClassifier();

    public ClassifierModel(TrainingSet trainingSet) {
        this.trainingSet = trainingSet;
    }

    public synchronized NaiveBayesClassifier current() {
        String now = trainingSet.version();
        if (!now.equals(version)) {
            NaiveBayesClassifier fresh = new NaiveBayesClassifier();
            trainingSet.examples().forEach(example ->
                    fresh.train(CaseText.tokens(example.text()), example.queue()));
            model = fresh;
            version = now;
        }
        return model;
    }
}
