package org.casestream.routing.classification;

import java.util.TreeMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.casestream.events.Queue;

/**
 * Multinomial naive Bayes over word tokens with Laplace smoothing, trained from agents' corrections. Small
 * and incremental: a new correction is one {@link #train} call. Not thread-safe; build one per decision or
 * guard it.
 */
public final class NaiveBayesClassifier {

    private final Map<Queue, Map<String, Integer>> wordCounts = new TreeMap<>(Queue.ORDER);
    private final Map<Queue, Integer> totalWords = new TreeMap<>(Queue.ORDER);
    private final Map<Queue, Integer> documents = new TreeMap<>(Queue.ORDER);
    private final Set<String> vocabulary = new HashSet<>();
    private int examples;

    public record Prediction(Queue queue, double probability) {
    }

    public void train(List<String> tokens, Queue queue) {
        Map<String, Integer> counts = wordCounts.computeIfAbsent(queue, q -> new HashMap<>());
        for (String token : tokens) {
            counts.merge(token, 1, Integer::sum);
            vocabulary.add(token);
        }
        totalWords.merge(queue, tokens.size(), Integer::sum);
        documents.merge(queue, 1, Integer::sum);
        examples++;
    }

    public int examples() {
        return examples;
    }

    public int classes() {
        return documents.size();
    }

    /** The most probable queue and its posterior probability; empty before two queues have examples. */
    public Optional<Prediction> predict(List<String> tokens) {
        if (documents.size() < 2) {
            return Optional.empty();
        }
        Map<Queue, Double> logScores = new TreeMap<>(Queue.ORDER);
        int vocabularySize = vocabulary.size();
        for (Map.Entry<Queue, Integer> entry : documents.entrySet()) {
            Queue queue = entry.getKey();
            double score = Math.log((double) entry.getValue() / examples);
            Map<String, Integer> counts = wordCounts.get(queue);
            double denominator = totalWords.get(queue) + vocabularySize;
            for (String token : tokens) {
                // words never seen in training say nothing about any queue
                if (vocabulary.contains(token)) {
                    score += Math.log((counts.getOrDefault(token, 0) + 1.0) / denominator);
                }
            }
            logScores.put(queue, score);
        }
        double max = logScores.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double sum = logScores.values().stream().mapToDouble(score -> Math.exp(score - max)).sum();
        return logScores.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(best -> new Prediction(best.getKey(), Math.exp(best.getValue() - max) / sum));
    }
}
