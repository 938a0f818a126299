package org.casestream.benchmarks.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.casestream.benchmarks.MachineFacts;
import org.casestream.events.Queue;
import org.casestream.routing.classification.CaseText;
import org.casestream.routing.classification.ClassificationRule;
import org.casestream.routing.classification.Example;
import org.casestream.routing.classification.NaiveBayesClassifier;
import org.casestream.routing.classification.QueueClassifier;
import org.casestream.routing.classification.SeededRules;
import org.casestream.routing.classification.SemanticClassifier;
import org.casestream.routing.classification.SentenceEmbedder;
import org.casestream.routing.classification.ShippedExamples;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How well routing's classifier puts messages it has never seen in the right queue, next to the seeded rules alone
 * and naive Bayes alone (trained on the same shipped examples), and what a classification costs in CPU. The
 * evaluation set ({@code classify/evaluation.tsv}) was written apart from the shipped examples, by another hand,
 * from the same labelling guide; {@code None} marks messages that belong to no queue.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Accuracy per queue, confusion matrix, Unclassified share and CPU per classification.")
public final class ClassifyBenchmark implements Callable<Integer> {

    static final String EVALUATION = "/classify/evaluation.tsv";
    static final double PRECISION_TARGET = 0.90;
    static final double LEFT_OUT_TARGET = 0.05;
    static final double CPU_MS_TARGET = 10;

    @Option(names = "--evaluation", description = "A labelled set (Expected<TAB>subject<TAB>description); default: the one shipped with the benchmark.")
    Path evaluation;

    @Option(names = "--passes", defaultValue = "3", description = "Passes over the set to measure CPU (default: ${DEFAULT-VALUE}).")
    int passes;

    @Option(names = "--threshold", description = "The share of the vote a queue needs (default: routing's).")
    Double threshold;

    @Option(names = "--min-similarity", description = "The similarity below which a text is about nothing known (default: routing's).")
    Double minSimilarity;

    record Labelled(Queue expected, CaseText text) {
    }

    /** What one way of classifying did with the set. */
    static final class Score {
        final String name;
        final Map<Queue, Map<Queue, Integer>> confusion = new TreeMap<>(Queue.ORDER);
        int right;
        int wrong;
        int leftOut;
        int inQueues;
        int noneKept;
        int none;

        Score(String name) {
            this.name = name;
        }

        void add(Queue expected, Queue got) {
            confusion.computeIfAbsent(expected, q -> new TreeMap<>(Queue.ORDER)).merge(got, 1, Integer::sum);
            if (Queue.UNCLASSIFIED.equals(expected)) {
                none++;
            } else {
                inQueues++;
            }
            if (Queue.UNCLASSIFIED.equals(got)) {
                if (Queue.UNCLASSIFIED.equals(expected)) {
                    noneKept++;
                } else {
                    leftOut++;
                }
            } else if (got == expected) {
                right++;
            } else {
                wrong++;
            }
        }

        double precision() {
            return right + wrong == 0 ? 0 : (double) right / (right + wrong);
        }

        double leftOutShare() {
            return (double) leftOut / inQueues;
        }

        double accuracy() {
            return (double) (right + noneKept) / (inQueues + none);
        }

        double recall(Queue queue) {
            Map<Queue, Integer> row = confusion.getOrDefault(queue, Map.of());
            int total = row.values().stream().mapToInt(Integer::intValue).sum();
            return total == 0 ? 0 : (double) row.getOrDefault(queue, 0) / total;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ClassifyBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        MachineFacts machine = MachineFacts.capture();
        List<Labelled> set = load();
        long started = System.nanoTime();
        SentenceEmbedder embedder = new SentenceEmbedder();
        List<Example> shipped = ShippedExamples.load();
        List<float[]> vectors = embedder.embedAll(shipped.stream().map(Example::text).toList());
        SemanticClassifier.Settings defaults = SemanticClassifier.Settings.DEFAULTS;
        SemanticClassifier.Settings settings = new SemanticClassifier.Settings(defaults.neighbours(),
                defaults.temperature(), threshold == null ? defaults.threshold() : threshold,
                minSimilarity == null ? defaults.minSimilarity() : minSimilarity);
        SemanticClassifier classifier = new SemanticClassifier(embedder, settings, shipped, vectors);
        System.out.printf("Model loaded and %d shipped examples embedded in %d ms%n", shipped.size(),
                (System.nanoTime() - started) / 1_000_000);
        NaiveBayesClassifier bayes = new NaiveBayesClassifier();
        shipped.forEach(example -> bayes.train(CaseText.tokens(example.text()), example.queue()));
        List<ClassificationRule> rules = SeededRules.RULES;

        List<SemanticClassifier.Prediction> predictions = set.stream().map(l -> classifier.predict(l.text())).toList();
        List<Score> scores = List.of(
                score("rules alone", set, i -> QueueClassifier.firstMatch(set.get(i).text(), rules)
                        .map(ClassificationRule::queue).orElse(Queue.UNCLASSIFIED)),
                score("naive Bayes alone", set, i -> bayes.predict(set.get(i).text().tokens())
                        .map(NaiveBayesClassifier.Prediction::queue).orElse(Queue.UNCLASSIFIED)),
                score("semantic alone", set, i -> predictions.get(i).queue()),
                score("as routing runs it", set, i -> QueueClassifier.classify(set.get(i).text(), rules,
                        predictions.get(i)).queue()));

        System.out.printf("%nEvaluation set: %d messages (%d of a queue, %d of none), never seen in training; "
                        + "trained on %d shipped examples; threshold %.2f, minimum similarity %.2f, %d neighbours%n%n",
                set.size(), scores.getFirst().inQueues, scores.getFirst().none, shipped.size(), settings.threshold(),
                settings.minSimilarity(), settings.neighbours());
        printSideBySide(scores);
        Score routing = scores.getLast();
        printConfusion(routing);
        Cost cost = cost(embedder, classifier, set);
        System.out.printf("%nCost on %s (%d CPUs, load %s at start):%n", machine.os(), machine.nproc(),
                machine.loadAverageStart());
        System.out.printf("  one at a time: %.2f ms CPU per classification (process CPU over %d classifications), "
                + "wall p50 %.2f ms, p99 %.2f ms%n", cost.cpuMsEach, cost.count, cost.p50, cost.p99);
        System.out.printf("  in batches of 32: %.2f ms CPU per message%n", cost.cpuMsBatched);
        System.out.printf("  similar cases among 5,000 embedded cases (in memory): %.2f ms CPU per query%n",
                cost.similarMs);
        System.out.printf("%nTargets: >= %.0f %% right of those classified: %s (%.1f %%); <= %.0f %% of queue messages "
                        + "left Unclassified: %s (%.1f %%); < %.0f ms CPU per classification: %s (%.2f ms)%n",
                PRECISION_TARGET * 100, met(routing.precision() >= PRECISION_TARGET), routing.precision() * 100,
                LEFT_OUT_TARGET * 100, met(routing.leftOutShare() <= LEFT_OUT_TARGET), routing.leftOutShare() * 100,
                CPU_MS_TARGET, met(cost.cpuMsEach < CPU_MS_TARGET), cost.cpuMsEach);
        return 0;
    }

    private static String met(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static Score score(String name, List<Labelled> set, Function<Integer, Queue> classify) {
        Score score = new Score(name);
        for (int i = 0; i < set.size(); i++) {
            score.add(set.get(i).expected(), classify.apply(i));
        }
        return score;
    }

    private static void printSideBySide(List<Score> scores) {
        StringBuilder header = new StringBuilder(String.format("%-38s", ""));
        scores.forEach(score -> header.append(String.format("%20s", score.name)));
        System.out.println(header);
        row(scores, "right of those classified", score -> percent(score.precision()));
        row(scores, "queue messages left Unclassified", score -> percent(score.leftOutShare()));
        row(scores, "no-queue messages kept Unclassified", score -> score.noneKept + " of " + score.none);
        row(scores, "Unclassified in all", score -> percent((double) (score.leftOut + score.noneKept)
                / (score.inQueues + score.none)));
        row(scores, "  of which right to be", score -> score.noneKept + " of " + (score.leftOut + score.noneKept));
        row(scores, "overall accuracy", score -> percent(score.accuracy()));
        for (Queue queue : Queue.SHIPPED) {
            if (!Queue.UNCLASSIFIED.equals(queue)) {
                row(scores, "  " + queue.wire() + " (share put there)", score -> percent(score.recall(queue)));
            }
        }
    }

    private static void row(List<Score> scores, String label, Function<Score, String> cell) {
        StringBuilder line = new StringBuilder(String.format("%-38s", label));
        scores.forEach(score -> line.append(String.format("%20s", cell.apply(score))));
        System.out.println(line);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static void printConfusion(Score score) {
        System.out.printf("%nConfusion matrix, %s (rows: expected, columns: routed to)%n", score.name);
        StringBuilder header = new StringBuilder(String.format("%-14s", ""));
        for (Queue column : Queue.SHIPPED) {
            header.append(String.format("%14s", column.wire()));
        }
        System.out.println(header);
        for (Queue expected : Queue.SHIPPED) {
            StringBuilder line = new StringBuilder(String.format("%-14s",
                    Queue.UNCLASSIFIED.equals(expected) ? "(none)" : expected.wire()));
            for (Queue got : Queue.SHIPPED) {
                line.append(String.format("%14d", score.confusion.getOrDefault(expected, Map.of()).getOrDefault(got, 0)));
            }
            System.out.println(line);
        }
    }

    record Cost(int count, double cpuMsEach, double p50, double p99, double cpuMsBatched, double similarMs) {
    }

    /** Process CPU (every thread ONNX Runtime uses counts), after a warm-up pass. */
    private Cost cost(SentenceEmbedder embedder, SemanticClassifier classifier, List<Labelled> set) {
        set.forEach(labelled -> classifier.predict(labelled.text()));
        double[] wall = new double[set.size() * passes];
        long cpuBefore = processCpuNanos();
        for (int pass = 0; pass < passes; pass++) {
            for (int i = 0; i < set.size(); i++) {
                long start = System.nanoTime();
                classifier.predict(set.get(i).text());
                wall[pass * set.size() + i] = (System.nanoTime() - start) / 1e6;
            }
        }
        double cpuEach = (processCpuNanos() - cpuBefore) / 1e6 / wall.length;
        Arrays.sort(wall);

        List<String> texts = set.stream().map(labelled -> labelled.text().raw()).toList();
        long batchBefore = processCpuNanos();
        List<float[]> embedded = new ArrayList<>();
        for (int pass = 0; pass < passes; pass++) {
            for (int from = 0; from < texts.size(); from += 32) {
                embedded.addAll(embedder.embedAll(texts.subList(from, Math.min(texts.size(), from + 32))));
            }
        }
        double batched = (processCpuNanos() - batchBefore) / 1e6 / (texts.size() * passes);

        float[][] cases = new float[5_000][];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = embedded.get(i % embedded.size());
        }
        int queries = 200;
        long similarBefore = processCpuNanos();
        double sink = 0;
        for (int q = 0; q < queries; q++) {
            float[] self = embedded.get(q % embedded.size());
            for (float[] other : cases) {
                sink += SemanticClassifier.dot(self, other);
            }
        }
        double similar = (processCpuNanos() - similarBefore) / 1e6 / queries;
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("an embedding was not a number");
        }
        return new Cost(wall.length, cpuEach, wall[wall.length / 2], wall[(int) (wall.length * 0.99)], batched,
                similar);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private List<Labelled> load() throws IOException {
        List<String> lines;
        if (evaluation != null) {
            lines = Files.readAllLines(evaluation, StandardCharsets.UTF_8);
        } else {
            try (InputStream in = ClassifyBenchmark.class.getResourceAsStream(EVALUATION)) {
                if (in == null) {
                    throw new IllegalStateException(EVALUATION + " is missing from the classpath");
                }
                lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            }
        }
        List<Labelled> set = new ArrayList<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException("line " + number + " is not Expected<TAB>subject<TAB>description");
            }
            set.add(new Labelled(ShippedExamples.queueOf(fields[0].strip()), CaseText.of(fields[1], fields[2])));
        }
        return set;
    }
}
