package org.casestream.command.surveys;

import java.sql.Timestamp;
import java.time.Instant;

import org.casestream.support.surveys.SurveyToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which survey links were answered: the primary key makes the first answer of a link the only one. */
@Repository
class SurveyLedger {

    private final JdbcClient jdbc;

    SurveyLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the link for an answer, in the caller's transaction; false when it was answered before. A concurrent
     * answer waits for this transaction: if it commits, that one finds the row; if it rolls back, that one claims.
     */
    boolean claim(SurveyToken survey, Instant answeredAt) {
        return jdbc.sql("""
                        INSERT INTO survey_response (survey_id, case_id, answered_at, expires_at)
                        VALUES (:surveyId, :caseId, :answeredAt, :expiresAt)
                        ON CONFLICT DO NOTHING""")
                .param("surveyId", survey.surveyId()).param("caseId", survey.caseId())
                .param("answeredAt", Timestamp.from(answeredAt)).param("expiresAt", Timestamp.from(survey.expiresAt()))
                .update() == 1;
    }

    boolean answered(SurveyToken survey) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM survey_response WHERE survey_id = :surveyId)")
                .param("surveyId", survey.surveyId()).query(Boolean.class).single();
    }
}
