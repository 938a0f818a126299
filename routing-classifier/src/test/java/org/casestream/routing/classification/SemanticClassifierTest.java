package org.casestream.routing.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.casestream.events.Queue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real model (all-MiniLM-L6-v2 in process) over the shipped examples. */
class SemanticClassifierTest {

    private static SentenceEmbedder embedder;
    private static List<Example> shipped;
    private static List<float[]> vectors;
    private static SemanticClassifier classifier;

    /** The issue found the seeded rules leaving these messages Unclassified. */
    private static final List<ClassificationRule> SEEDED = SeededRules.RULES;

    @BeforeAll
    static void model() {
        embedder = new SentenceEmbedder();
        shipped = ShippedExamples.load();
        vectors = embedder.embedAll(shipped.stream().map(Example::text).toList());
        classifier = new SemanticClassifier(embedder, SemanticClassifier.Settings.DEFAULTS, shipped, vectors);
    }

    @Test
    void messagesTheRulesLeftUnclassifiedReachTheirQueue() {
        Map<String, Queue> messages = Map.of(
                "can I reset the PIN of my user profile?", Queue.LOGIN,
                "what do I have to do to recover my account access key?", Queue.LOGIN,
                "how many days does it take for my stuff to get to Spain?", Queue.DELIVERIES,
                "you took the money two times for the same purchase", Queue.PAYMENTS,
                "I sent the shoes back to you a month ago and I am still waiting for my money", Queue.REFUNDS);

        messages.forEach((message, queue) -> {
            CaseText text = CaseText.of(message, "");
            assertThat(QueueClassifier.firstMatch(text, SEEDED).map(ClassificationRule::queue).orElse(Queue.UNCLASSIFIED))
                    .as("the seeded rules alone on: " + message).isNotEqualTo(queue);
            QueueDecision decision = QueueClassifier.classify(text, SEEDED, classifier.predict(text));
            assertThat(decision.queue()).as(message + ": " + decision.prediction().scores()).isEqualTo(queue);
            assertThat(decision.source()).isEqualTo(ClassificationSource.CLASSIFIER);
        });
    }

    @Test
    void aPredictionSaysWhichExamplesItRestsOn() {
        SemanticClassifier.Prediction prediction = classifier.predict(CaseText.of("Password reset",
                "The reset link you mailed me has expired"));

        assertThat(prediction.queue()).isEqualTo(Queue.LOGIN);
        assertThat(prediction.confidence()).isGreaterThanOrEqualTo(prediction.threshold());
        assertThat(prediction.neighbours()).hasSize(SemanticClassifier.Settings.DEFAULTS.neighbours());
        assertThat(prediction.neighbours().getFirst().example().queue()).isEqualTo(Queue.LOGIN);
        assertThat(prediction.neighbours()).extracting(SemanticClassifier.Neighbour::similarity)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(prediction.scores().stream().mapToDouble(SemanticClassifier.QueueScore::score).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(prediction.vector()).hasSize(embedder.dimension());
    }

    @Test
    void aMessageOfNoQueueStaysUnclassified() {
        for (String message : List.of("Are you hiring? I would love to work in your warehouse team",
                "asdfgh qwerty", "Just wanted to say your staff in the Leeds shop were lovely")) {
            SemanticClassifier.Prediction prediction = classifier.predict(CaseText.of(message, ""));
            assertThat(prediction.queue()).as(message).isEqualTo(Queue.UNCLASSIFIED);
            assertThat(prediction.confident()).isFalse();
        }
    }

    @Test
    void theShippedExamplesClassifyEachOtherWhenEachIsLeftOut() {
        int right = 0;
        int wrong = 0;
        int leftOut = 0;
        int inQueues = 0;
        for (int i = 0; i < shipped.size(); i++) {
            List<Example> others = new ArrayList<>(shipped);
            List<float[]> otherVectors = new ArrayList<>(vectors);
            others.remove(i);
            otherVectors.remove(i);
            Queue got = new SemanticClassifier(embedder, SemanticClassifier.Settings.DEFAULTS, others, otherVectors)
                    .predict(vectors.get(i)).queue();
            Queue want = shipped.get(i).queue();
            if (!Queue.UNCLASSIFIED.equals(want)) {
                inQueues++;
            }
            if (Queue.UNCLASSIFIED.equals(got)) {
                leftOut += Queue.UNCLASSIFIED.equals(want) ? 0 : 1;
            } else if (got == want) {
                right++;
            } else {
                wrong++;
            }
        }
        double precision = (double) right / (right + wrong);
        double unclassified = (double) leftOut / inQueues;
        System.out.printf("leave-one-out over %d shipped examples: %.1f %% right of those classified, %.1f %% of "
                + "queue messages left Unclassified%n", shipped.size(), precision * 100, unclassified * 100);
        assertThat(precision).isGreaterThanOrEqualTo(0.9);
        assertThat(unclassified).isLessThanOrEqualTo(0.08);
    }

    @Test
    void theProductShipsAtLeastFiftyExamplesPerQueue() {
        Map<Queue, Long> perQueue = shipped.stream().collect(Collectors.groupingBy(Example::queue,
                Collectors.counting()));
        for (Queue queue : Queue.SHIPPED) {
            assertThat(perQueue.getOrDefault(queue, 0L)).as(queue.wire()).isGreaterThanOrEqualTo(
                    Queue.UNCLASSIFIED.equals(queue) ? 30 : 50);
        }
        assertThat(shipped.stream().map(Example::text).collect(Collectors.toMap(Function.identity(), t -> 1,
                Integer::sum)).values()).as("no example twice").allMatch(count -> count == 1);
    }
}
