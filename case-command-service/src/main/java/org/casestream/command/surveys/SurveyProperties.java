package org.casestream.command.surveys;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code casestream.surveys.key}: the key survey links are signed with (CASESTREAM_SURVEY_KEY, at least 32
 * characters), the notification service's too; never in the repository: {@code ./casestream up} generates one into
 * {@code .casestream/secrets/survey-key}, production must give it.
 */
@ConfigurationProperties("casestream.surveys")
@Validated
public record SurveyProperties(@NotBlank String key) {

    @Override
    public String toString() {
        return "SurveyProperties[key=(secret)]";
    }
}
