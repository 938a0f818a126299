package org.casestream.routing.classification;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How a rule's pattern is matched against a case's text. */
public enum MatchKind {
    /** One word, matched as a whole token ("refund" does not match "refunded"). */
    KEYWORD,
    /** Several words in a row, matched on word boundaries, case and punctuation ignored. */
    PHRASE,
    /**
     * A regular expression found anywhere in subject + description, case-insensitive, matched by RE2/J in time
     * linear in the text: no pattern an admin saves can stall routing (no backreferences or lookaround).
     */
    REGEX;

    /** Longer patterns, or ones that compile to a bigger program, are refused when a rule is saved. */
    public static final int MAX_PATTERN_LENGTH = 500;
    public static final int MAX_PROGRAM_SIZE = 2_000;
    /** RE2/J expands a counted repeat; a large count (nested ones multiply) overflows its compiler's stack. */
    public static final int MAX_REPEAT = 100;
    private static final java.util.regex.Pattern COUNTED_REPEAT = java.util.regex.Pattern.compile("\\{(\\d+)(?:,(\\d*))?}");

    private static final Logger log = LoggerFactory.getLogger(MatchKind.class);

    /**
     * Each rule's pattern is compiled once, not on every case. A stored pattern RE2 refuses (saved before rules
     * were checked with it) matches nothing, and says so once in the log, rather than failing every case.
     */
    private static final LoadingCache<String, Optional<Pattern>> COMPILED = Caffeine.newBuilder()
            .maximumSize(1_000)
            .build(pattern -> {
                String problem = regexProblem(pattern);
                if (problem != null) {
                    log.warn("A regex rule is disabled until an admin fixes it: {} ({})", problem, pattern);
                    return Optional.empty();
                }
                return Optional.of(compile(pattern));
            });

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
            case REGEX -> COMPILED.get(pattern).map(regex -> regex.matcher(text.raw()).find()).orElse(false);
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
            case REGEX -> regexProblem(pattern);
        };
    }

    private static String regexProblem(String pattern) {
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            return "a regular expression is at most " + MAX_PATTERN_LENGTH + " characters";
        }
        java.util.regex.Matcher repeat = COUNTED_REPEAT.matcher(pattern);
        while (repeat.find()) {
            for (String count : new String[] {repeat.group(1), repeat.group(2)}) {
                if (count != null && !count.isEmpty() && (count.length() > 3 || Integer.parseInt(count) > MAX_REPEAT)) {
                    return "a counted repeat is at most {" + MAX_REPEAT + "}";
                }
            }
        }
        try {
            return compile(pattern).programSize() > MAX_PROGRAM_SIZE ? "the regular expression is too complex" : null;
        } catch (PatternSyntaxException e) {
            // RE2 has no lookaround, backreferences or possessive repeats: those are refused here, at save time
            return "not a valid regular expression (RE2 syntax: no lookaround or backreferences): "
                    + e.getDescription();
        }
    }

    /** Case-insensitive; RE2/J folds case by Unicode rules. */
    private static Pattern compile(String pattern) {
        return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
    }
}
