package org.casestream.routing.classification;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A case's subject and description as the rules and the classifier see them: lower case, split into word
 * tokens. The text is PII: it is kept in memory and in the routing schema, never logged.
 */
public record CaseText(String raw, List<String> tokens, String normalised) {

    public static CaseText of(String subject, String description) {
        String raw = (subject == null ? "" : subject) + "\n" + (description == null ? "" : description);
        List<String> tokens = tokens(raw);
        return new CaseText(raw, tokens, " " + String.join(" ", tokens) + " ");
    }

    public static List<String> tokens(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(token -> !token.isBlank())
                .toList();
    }

    @Override
    public String toString() {
        return "CaseText[" + tokens.size() + " tokens]";
    }
}
