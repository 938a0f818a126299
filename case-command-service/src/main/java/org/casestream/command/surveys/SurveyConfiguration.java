package org.casestream.command.surveys;

import java.time.Duration;

import org.casestream.support.pruning.RetentionRule;
import org.casestream.support.surveys.SurveyTokens;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SurveyProperties.class)
class SurveyConfiguration {

    /** A used link's row outlives the link by a day: past its expiry the link is refused as expired anyway. */
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    @Bean
    SurveyTokens surveyTokens(SurveyProperties properties) {
        return new SurveyTokens(properties.key());
    }

    @Bean
    RetentionRule surveyResponsesRetention() {
        return RetentionRule.rows("survey_response", "expires_at < :cutoff", KEPT_AFTER_EXPIRY);
    }
}
