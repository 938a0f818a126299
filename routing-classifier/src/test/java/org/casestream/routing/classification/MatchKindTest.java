package org.casestream.routing.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Regex rules are admins' input that runs on every case: it must never stall routing. */
class MatchKindTest {

    @Test
    void aCatastrophicPatternRunsInLinearTime() {
        // with java.util.regex, each of these takes minutes to years on its text: backtracking is exponential
        String forty = "a".repeat(40);
        String fiftyThousand = "a".repeat(50_000) + "!";

        // a liveness bound, not a speed measurement: RE2/J answers in milliseconds, backtracking never would
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThat(MatchKind.REGEX.matches("(a|a?){1,40}b", CaseText.of(forty, ""))).isFalse();
            assertThat(MatchKind.REGEX.matches("(a+)+$", CaseText.of("", fiftyThousand))).isFalse();
            assertThat(MatchKind.REGEX.matches("(a|aa)+b", CaseText.of(forty, forty))).isFalse();
        });
    }

    @Test
    void patternsRe2CannotRunInLinearTimeAreRefusedWhenSaved() {
        assertThat(MatchKind.REGEX.problemWith("refund(?=ed)")).contains("not a valid regular expression");
        assertThat(MatchKind.REGEX.problemWith("(a)\\1")).contains("not a valid regular expression");
        assertThat(MatchKind.REGEX.problemWith("x".repeat(MatchKind.MAX_PATTERN_LENGTH + 1))).contains("at most");
        assertThat(MatchKind.REGEX.problemWith("(a{1,1000}){1,1000}")).contains("counted repeat");
        assertThat(MatchKind.REGEX.problemWith("((a{1,100}){1,100}){1,100}")).contains("too complex");
        assertThat(MatchKind.REGEX.problemWith("\\b(log ?in|sign ?in|password)\\b")).isNull();
    }

    @Test
    void aStoredPatternRe2RefusesMatchesNothingInsteadOfFailingEveryCase() {
        assertThat(MatchKind.REGEX.matches("refund(?=ed)", CaseText.of("refunded", ""))).isFalse();
    }

    @Test
    void matchingIsCaseInsensitiveAnywhereInTheText() {
        assertThat(MatchKind.REGEX.matches("\\bcharged? twice\\b", CaseText.of("I was CHARGED TWICE", ""))).isTrue();
        assertThat(MatchKind.REGEX.matches("über", CaseText.of("", "ÜBER alles"))).isTrue();
        assertThat(MatchKind.REGEX.matches("\\brefund\\b", CaseText.of("refunded", ""))).isFalse();
    }
}
