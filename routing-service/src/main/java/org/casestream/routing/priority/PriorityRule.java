package org.casestream.routing.priority;

import java.util.Objects;

import org.casestream.events.Channel;
import org.casestream.events.Priority;
import org.casestream.events.Tier;
import org.casestream.routing.classification.CaseText;
import org.casestream.routing.classification.MatchKind;

/** "A case whose text / tier / channel matches gets at least this priority." */
public record PriorityRule(long id, int position, PriorityRuleKind kind, String pattern, Priority priority) {

    public PriorityRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(priority, "priority");
    }

    public boolean matches(CaseText text, Tier tier, Channel channel) {
        return switch (kind) {
            case KEYWORD -> MatchKind.KEYWORD.matches(pattern, text);
            case PHRASE -> MatchKind.PHRASE.matches(pattern, text);
            case REGEX -> MatchKind.REGEX.matches(pattern, text);
            case TIER -> tier != null && tier.wire().equalsIgnoreCase(pattern.trim());
            case CHANNEL -> channel != null && channel.wire().equalsIgnoreCase(pattern.trim());
        };
    }

    /** Null when the pattern is acceptable for this kind, otherwise why not. */
    public static String problemWith(PriorityRuleKind kind, String pattern) {
        return switch (kind) {
            case KEYWORD -> MatchKind.KEYWORD.problemWith(pattern);
            case PHRASE -> MatchKind.PHRASE.problemWith(pattern);
            case REGEX -> MatchKind.REGEX.problemWith(pattern);
            case TIER -> parses(() -> Tier.of(pattern.trim()), pattern);
            case CHANNEL -> parses(() -> Channel.of(pattern.trim()), pattern);
        };
    }

    private static String parses(Runnable parse, String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return "must not be blank";
        }
        try {
            parse.run();
            return null;
        } catch (IllegalArgumentException e) {
            return "unknown value";
        }
    }
}
