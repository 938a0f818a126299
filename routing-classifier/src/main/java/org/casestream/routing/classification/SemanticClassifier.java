package org.casestream.routing.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

import org.casestream.events.Queue;

/**
 * Classifies a text by the labelled examples nearest to it in sentence-embedding space: the {@code neighbours}
 * most similar examples vote, each with weight {@code exp((similarity - best) / temperature)}, so the closest
 * count most; a queue's share of the vote is its confidence. Examples of no queue ({@link Queue#UNCLASSIFIED})
 * vote too, and a text close to nothing at all ({@code minSimilarity}) stays Unclassified. Immutable and
 * thread-safe: a new example means a new classifier (the vectors already computed are reused).
 */
public final class SemanticClassifier {

    /**
     * @param neighbours    how many nearest examples vote
     * @param temperature   how fast a neighbour's weight falls with its distance from the nearest one
     * @param threshold     the confidence a queue needs for the case to go there; below it the case stays
     *                      Unclassified with the runners-up recorded
     * @param minSimilarity below this cosine similarity to every example, the text is about nothing we know
     */
    public record Settings(int neighbours, double temperature, double threshold, double minSimilarity) {

        public static final Settings DEFAULTS = new Settings(9, 0.05, 0.55, 0.4);

        public Settings {
            if (neighbours < 1 || temperature <= 0 || threshold < 0 || threshold > 1) {
                throw new IllegalArgumentException("neighbours >= 1, temperature > 0, 0 <= threshold <= 1");
            }
        }
    }

    /** One example near the text, with its cosine similarity. */
    public record Neighbour(Example example, double similarity) {
    }

    /** A queue's share of the vote. */
    public record QueueScore(Queue queue, double score) {
    }

    /**
     * What the classifier thinks: {@code queue} is Unclassified unless a queue won at least the threshold.
     *
     * @param best       the queue with the largest share of the vote (may be Unclassified: "none of them")
     * @param confidence its share
     * @param scores     every queue that got a share, largest first (the runners-up after the first)
     * @param neighbours the nearest examples, nearest first
     * @param vector     the text's embedding, kept to find similar cases; null when there was nothing to compare
     */
    public record Prediction(Queue queue, Queue best, double confidence, List<QueueScore> scores,
                             List<Neighbour> neighbours, double threshold, int examples, float[] vector) {

        public Prediction {
            scores = List.copyOf(scores);
            neighbours = List.copyOf(neighbours);
        }

        public boolean confident() {
            return !Queue.UNCLASSIFIED.equals(queue);
        }

        /** Nothing to compare with: no examples, so no opinion (and no embedding computed). */
        public static Prediction nothing(double threshold, int examples) {
            return new Prediction(Queue.UNCLASSIFIED, Queue.UNCLASSIFIED, 0, List.of(), List.of(), threshold,
                    examples, null);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Prediction that && queue.equals(that.queue) && best.equals(that.best)
                    && Double.compare(confidence, that.confidence) == 0 && scores.equals(that.scores)
                    && neighbours.equals(that.neighbours) && Double.compare(threshold, that.threshold) == 0
                    && examples == that.examples && Arrays.equals(vector, that.vector);
        }

        @Override
        public int hashCode() {
            return Objects.hash(queue, best, confidence, scores, neighbours, threshold, examples)
                    * 31 + Arrays.hashCode(vector);
        }

        @Override
        public String toString() {
            return "Prediction[" + queue + ", best=" + best + " " + confidence + ", " + examples + " examples]";
        }
    }

    private final SentenceEmbedder embedder;
    private final Settings settings;
    private final List<Example> examples;
    private final float[][] vectors;

    /** A classifier without examples: it has no opinion on anything, and needs no model to say so. */
    public static SemanticClassifier untrained(Settings settings) {
        return new SemanticClassifier(null, settings, List.of(), List.of());
    }

    /** {@code vectors.get(i)} is the unit embedding of {@code examples.get(i)}'s text. */
    public SemanticClassifier(SentenceEmbedder embedder, Settings settings, List<Example> examples,
            List<float[]> vectors) {
        if (examples.size() != vectors.size()) {
            throw new IllegalArgumentException("one vector per example");
        }
        if (embedder == null && !examples.isEmpty()) {
            throw new IllegalArgumentException("examples need the embedder that embeds the texts to compare");
        }
        this.embedder = embedder;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.examples = List.copyOf(examples);
        this.vectors = vectors.toArray(float[][]::new);
    }

    public int examples() {
        return examples.size();
    }

    public Settings settings() {
        return settings;
    }

    public Prediction predict(CaseText text) {
        if (examples.isEmpty()) {
            return Prediction.nothing(settings.threshold(), 0);
        }
        return predict(embedder.embed(text.raw()));
    }

    public Prediction predict(float[] vector) {
        List<Neighbour> nearest = nearest(vector, settings.neighbours());
        if (nearest.isEmpty() || nearest.getFirst().similarity() < settings.minSimilarity()) {
            return new Prediction(Queue.UNCLASSIFIED, Queue.UNCLASSIFIED, 0, List.of(), nearest,
                    settings.threshold(), examples.size(), vector);
        }
        double top = nearest.getFirst().similarity();
        Map<Queue, Double> votes = new TreeMap<>(Queue.ORDER);
        double total = 0;
        for (Neighbour neighbour : nearest) {
            double weight = Math.exp((neighbour.similarity() - top) / settings.temperature());
            votes.merge(neighbour.example().queue(), weight, Double::sum);
            total += weight;
        }
        double sum = total;
        List<QueueScore> scores = votes.entrySet().stream()
                .map(vote -> new QueueScore(vote.getKey(), vote.getValue() / sum))
                .sorted(Comparator.comparingDouble(QueueScore::score).reversed())
                .toList();
        QueueScore winner = scores.getFirst();
        Queue queue = winner.score() >= settings.threshold() ? winner.queue() : Queue.UNCLASSIFIED;
        return new Prediction(queue, winner.queue(), winner.score(), scores, nearest, settings.threshold(),
                examples.size(), vector);
    }

    /** The {@code count} examples most similar to the vector, most similar first. */
    public List<Neighbour> nearest(float[] vector, int count) {
        PriorityQueue<Neighbour> kept = new PriorityQueue<>(Comparator.comparingDouble(Neighbour::similarity));
        for (int i = 0; i < vectors.length; i++) {
            double similarity = dot(vector, vectors[i]);
            if (kept.size() < count) {
                kept.add(new Neighbour(examples.get(i), similarity));
            } else if (similarity > kept.peek().similarity()) {
                kept.poll();
                kept.add(new Neighbour(examples.get(i), similarity));
            }
        }
        List<Neighbour> nearest = new ArrayList<>(kept);
        nearest.sort(Comparator.comparingDouble(Neighbour::similarity).reversed());
        return nearest;
    }

    /** Cosine similarity of two unit vectors. */
    public static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
