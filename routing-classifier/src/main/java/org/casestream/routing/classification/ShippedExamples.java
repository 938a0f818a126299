package org.casestream.routing.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.casestream.events.Queue;

/**
 * The examples the product ships for each queue ({@code routing/default-examples.tsv}): written for Casestream,
 * several phrasings of each need, short and long, with typos; {@code None} marks messages of no queue. A line is
 * {@code Queue<TAB>message}; {@code #} starts a comment. An example's id is its line number.
 */
public final class ShippedExamples {

    public static final String RESOURCE = "/routing/default-examples.tsv";

    private ShippedExamples() {
    }

    public static List<Example> load() {
        try (InputStream in = ShippedExamples.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Example> parse(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            if (parts.length != 2 || parts[1].isBlank()) {
                throw new IllegalArgumentException(RESOURCE + " line " + number + " is not Queue<TAB>message");
            }
            examples.add(new Example(String.valueOf(number), queueOf(parts[0].strip()), Example.Source.SHIPPED,
                    parts[1].strip()));
        }
        return examples;
    }

    /**
     * A queue's name as the examples and the evaluation set write it; {@code None} is no queue. They are written for
     * the shipped queues, so any other name is a mistake in the file.
     */
    public static Queue queueOf(String name) {
        if ("None".equalsIgnoreCase(name)) {
            return Queue.UNCLASSIFIED;
        }
        Queue queue = Queue.of(name);
        if (!Queue.SHIPPED.contains(queue)) {
            throw new IllegalArgumentException("not a shipped queue: " + name);
        }
        return queue;
    }
}
