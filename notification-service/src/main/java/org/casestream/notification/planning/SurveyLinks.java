package org.casestream.notification.planning;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.casestream.events.kafka.EventEnvelope;
import org.casestream.notification.platform.SurveyProperties;
import org.casestream.support.surveys.SurveyToken;
import org.casestream.support.surveys.SurveyTokens;
import org.springframework.stereotype.Component;

/**
 * The survey link a done-mail asks the customer to answer: signed for the case, valid for
 * {@code casestream.surveys.valid-for} from the moment the case went done, one survey per done event. Made from the
 * event alone, so a redelivered event plans the very same link.
 */
@Component
public class SurveyLinks {

    private final SurveyTokens tokens;
    private final SurveyProperties properties;

    public SurveyLinks(SurveyProperties properties) {
        this.tokens = new SurveyTokens(properties.key());
        this.properties = properties;
    }

    /** For how many days a link may be answered, as the mail says it. */
    public long validDays() {
        return Math.max(1, properties.validFor().toDays());
    }

    public String linkFor(EventEnvelope done, UUID caseId) {
        UUID surveyId = UUID.nameUUIDFromBytes(("survey:" + done.eventId()).getBytes(StandardCharsets.UTF_8));
        return properties.link(tokens.sign(new SurveyToken(surveyId, caseId, done.time().plus(properties.validFor()))));
    }
}
