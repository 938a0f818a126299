package org.casestream.support.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.casestream.support.surveys.SurveyTokens.Expired;
import org.casestream.support.surveys.SurveyTokens.Forged;
import org.casestream.support.surveys.SurveyTokens.Valid;
import org.junit.jupiter.api.Test;

class SurveyTokensTest {

    private static final String KEY = "k3y-for-tests-only-0123456789abcdefghij";
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final SurveyTokens tokens = new SurveyTokens(KEY);
    private final SurveyToken token = new SurveyToken(UUID.randomUUID(), UUID.randomUUID(), NOW.plus(Duration.ofDays(14)));

    @Test
    void aSignedTokenSaysWhatItWasSignedWithUntilItExpires() {
        String text = tokens.sign(token);

        assertThat(text).matches("[A-Za-z0-9_-]{76}");
        assertThat(tokens.verify(text, NOW)).isEqualTo(new Valid(token));
        assertThat(tokens.verify(text, token.expiresAt().minusSeconds(1))).isEqualTo(new Valid(token));
        assertThat(tokens.verify(text, token.expiresAt())).isEqualTo(new Expired(token));
        assertThat(new SurveyTokens(" " + KEY + "\n").verify(text, NOW)).as("the key as a file holds it")
                .isInstanceOf(Valid.class);
    }

    @Test
    void aTokenMadeWithAnotherKeyOrChangedInAnyByteIsForged() {
        String text = tokens.sign(token);
        byte[] bytes = Base64.getUrlDecoder().decode(text);

        assertThat(tokens.verify(new SurveyTokens(KEY + "x").sign(token), NOW)).isInstanceOf(Forged.class);
        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 1;
            assertThat(tokens.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(changed), NOW))
                    .as("byte %d changed", i).isInstanceOf(Forged.class);
        }
        // a later expiry with the old signature
        SurveyToken longer = new SurveyToken(token.surveyId(), token.caseId(), token.expiresAt().plus(Duration.ofDays(365)));
        String extended = tokens.sign(longer).substring(0, 55) + text.substring(55);
        assertThat(tokens.verify(extended, NOW)).isInstanceOf(Forged.class);
    }

    @Test
    void whatIsNoTokenAtAllIsForged() {
        String text = tokens.sign(token);
        for (String nonsense : new String[] {null, "", "not a token", text + "A", text.substring(1), "%%%", "x".repeat(5000)}) {
            assertThat(tokens.verify(nonsense, NOW)).as(String.valueOf(nonsense)).isInstanceOf(Forged.class);
        }
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new SurveyTokens("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32");
        assertThatThrownBy(() -> new SurveyTokens(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
