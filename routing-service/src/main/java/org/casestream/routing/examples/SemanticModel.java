package org.casestream.routing.examples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import org.casestream.routing.RoutingProperties;
import org.casestream.routing.classification.Example;
import org.casestream.routing.classification.SemanticClassifier;
import org.casestream.routing.classification.SentenceEmbedder;
import org.casestream.routing.classification.ShippedExamples;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The semantic classifier over every example in use: the queues' examples (shipped and admins') and what people
 * taught by re-queueing. Rebuilt only when they changed (any instance may have added one), and then only the new
 * texts are embedded, so every instance classifies with the same examples at the cost of one query per case.
 * At start, before the case events are consumed, it adds the shipped examples this site has never had (a fresh
 * site gets them all, a newer release its new ones; one an admin removed stays removed) and builds once.
 */
@Component
public class SemanticModel {

    private static final Logger LOG = LoggerFactory.getLogger(SemanticModel.class);

    private final SentenceEmbedder embedder;
    private final QueueExamples queueExamples;
    private final TrainingSet trainingSet;
    private final SemanticClassifier.Settings settings;
    private String version;
    private SemanticClassifier classifier;
    private Map<String, float[]> vectors = new HashMap<>();

    public SemanticModel(QueueExamples queueExamples, TrainingSet trainingSet, RoutingProperties properties) {
        this.embedder = new SentenceEmbedder();
        this.queueExamples = queueExamples;
        this.trainingSet = trainingSet;
        this.settings = properties.classifier().settings();
    }

    @PostConstruct
    void ready() {
        int added = queueExamples.seedShipped(ShippedExamples.load());
        long started = System.nanoTime();
        int count = current().examples();
        LOG.info("Semantic classifier ready: {} examples ({} shipped ones new), built in {} ms", count, added,
                (System.nanoTime() - started) / 1_000_000);
    }

    public synchronized SemanticClassifier current() {
        String now = queueExamples.version();
        if (!now.equals(version)) {
            List<Example> examples = new ArrayList<>(queueExamples.examples());
            examples.addAll(trainingSet.examples());
            Map<String, float[]> known = new HashMap<>();
            List<String> fresh = examples.stream().map(Example::text).distinct()
                    .filter(text -> {
                        float[] vector = vectors.get(text);
                        if (vector != null) {
                            known.put(text, vector);
                        }
                        return vector == null;
                    })
                    .toList();
            if (!fresh.isEmpty()) {
                List<float[]> embedded = embedder.embedAll(fresh);
                for (int i = 0; i < fresh.size(); i++) {
                    known.put(fresh.get(i), embedded.get(i));
                }
            }
            vectors = known;
            classifier = new SemanticClassifier(embedder, settings, examples,
                    examples.stream().map(example -> known.get(example.text())).toList());
            version = now;
        }
        return classifier;
    }

    public SentenceEmbedder embedder() {
        return embedder;
    }
}
