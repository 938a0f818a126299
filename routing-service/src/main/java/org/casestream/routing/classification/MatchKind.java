package org.casestream.routing.classification;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a rule's pattern is matched against a case's text. */
public enum MatchKind {
    /** One word, matched as a whole token ("refund" does not match "refunded"). */
    KEYWORD,
    /** Several words in a row, matched on word boundaries, case and punctuation ignored. */
    PHRASE,
    /** A Java regular expression found anywhere in subject + description, case-insensitive. */
    REGEX;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MatchKind of(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public boolean matches(String pattern, CaseText text) {
        return switch (this) {
            case KEYWORD -> text.tokens().contains(pattern.trim().toLowerCase(Locale.ROOT));
            case PHRASE -> {
                String phrase = String.join(" ", CaseText.tokens(pattern));
                yield !phrase.isEmpty() && text.normalised().contains(" " + phrase + " ");
            }
            case REGEX -> compile(pattern).matcher(text.raw()).find();
        };
    }

    /** Null when the pattern is acceptable for this kind, otherwise why not. */
    public String problemWith(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return "must not be blank";
        }
        return switch (this) {
            case KEYWORD -> CaseText.tokens(pattern).size() == 1 ? null : "a keyword is one word";
            case PHRASE -> CaseText.tokens(pattern).isEmpty() ? "a phrase needs a word" : null;
            case REGEX -> {
                try {
                    compile(pattern);
                    yield null;
                } catch (PatternSyntaxException e) {
                    yield "not a valid regular expression";
                }
            }
        };
    }

    private static Pattern compile(String pattern) {
        return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
