package org.casestream.support.surveys;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a survey link says, once its signature holds: which survey (one per done-mail, so a link is used once),
 * for which case, and until when it may be answered.
 */
public record SurveyToken(UUID surveyId, UUID caseId, Instant expiresAt) {

    public SurveyToken {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        // the link carries whole seconds
        expiresAt = Instant.ofEpochSecond(expiresAt.getEpochSecond());
    }
}
