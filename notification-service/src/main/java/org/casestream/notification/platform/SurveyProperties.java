package org.casestream.notification.platform;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The survey link of a done-mail, from {@code casestream.surveys}: {@code key} signs it (CASESTREAM_SURVEY_KEY, the
 * command service checks it with the same; never in the repository), {@code link} is the public page with
 * {@code {token}} in it, {@code validFor} how long after the case went done it may be answered.
 */
@ConfigurationProperties("casestream.surveys")
@Validated
public record SurveyProperties(@NotBlank String key, @NotBlank String link,
                               @NotNull @DurationMin(hours = 1) Duration validFor) {

    public String link(String token) {
        return link.replace("{token}", token);
    }

    @Override
    public String toString() {
        return "SurveyProperties[key=(secret), link=" + link + ", validFor=" + validFor + "]";
    }
}
