package org.casestream.routing.classification;

import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Turns a text into a unit-length sentence embedding with all-MiniLM-L6-v2 (quantised), in process on ONNX
 * Runtime: the model ships inside a Maven artifact, so nothing is fetched at run time. Thread-safe; load it once
 * (about a second and 30 MB) and share it. Texts are cut to {@link #MAX_CHARACTERS}: a customer says what they
 * need at the start, and a longer text would only cost more (the model reads 256 word pieces at most).
 */
public final class SentenceEmbedder {

    public static final int MAX_CHARACTERS = 600;

    static {
        // DJL (the tokenizer's native library) would otherwise ask the EC2 metadata service where it runs
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    private final EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    public float[] embed(String text) {
        return unit(model.embed(cut(text)).content());
    }

    /** One call for many texts: the examples at start-up, a batch of cases. */
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(text -> TextSegment.from(cut(text))).toList();
        return model.embedAll(segments).content().stream().map(SentenceEmbedder::unit).toList();
    }

    public int dimension() {
        return model.dimension();
    }

    private static String cut(String text) {
        String trimmed = text == null ? "" : text.strip();
        String shortened = trimmed.length() <= MAX_CHARACTERS ? trimmed : trimmed.substring(0, MAX_CHARACTERS);
        // the model cannot embed nothing; a blank text is as far from every queue as text can be
        return shortened.isEmpty() ? "." : shortened;
    }

    private static float[] unit(Embedding embedding) {
        float[] vector = embedding.vector();
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }
}
