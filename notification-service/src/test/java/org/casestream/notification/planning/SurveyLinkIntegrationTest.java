package org.casestream.notification.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.casestream.events.CaseStatus;
import org.casestream.events.Priority;
import org.casestream.events.cases.CaseMergedInto;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.notification.support.CaseScript;
import org.casestream.notification.support.IntegrationTest;
import org.casestream.support.surveys.SurveyTokens;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The done-mail to the customer asks for a rating with a link to the public survey page, signed for the case and
 * valid for 14 days from the moment it went done; a duplicate closed by a merge is not asked (its customer is asked
 * when the case it went on in is done); nobody but the customer gets the link.
 */
class SurveyLinkIntegrationTest extends IntegrationTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080/survey/([A-Za-z0-9_-]+)");
    private static final SurveyTokens TOKENS = new SurveyTokens(TestInfrastructure.SURVEY_KEY);

    @Test
    void theCustomersDoneMailCarriesASignedLinkForTheCase() {
        CaseScript script = new CaseScript();
        EventEnvelope done;
        publish(script.opened(Priority.MEDIUM),
                script.status(CaseStatus.NEW, CaseStatus.IN_PROGRESS),
                done = script.status(CaseStatus.IN_PROGRESS, CaseStatus.DONE));

        awaitMails(script.customerEmail, 2);
        List<MimeMessage> mails = mailsTo(script.customerEmail);
        assertThat(LINK.matcher(text(mails.getFirst())).find()).as("the acknowledgement asks nothing").isFalse();
        String doneMail = text(mails.get(1));
        assertThat(doneMail).contains("Rate our help from 1 to 5", "14 days");
        Matcher link = LINK.matcher(doneMail);
        assertThat(link.find()).isTrue();

        SurveyTokens.Verdict verdict = TOKENS.verify(link.group(1), Instant.now());
        assertThat(verdict).isInstanceOf(SurveyTokens.Valid.class);
        var token = ((SurveyTokens.Valid) verdict).token();
        assertThat(token.caseId()).isEqualTo(script.caseId);
        assertThat(token.expiresAt()).isBetween(done.time().plus(Duration.ofDays(14)).minusSeconds(1),
                done.time().plus(Duration.ofDays(14)));
        assertThat(TOKENS.verify(link.group(1), done.time().plus(Duration.ofDays(14)).plusSeconds(1)))
                .isInstanceOf(SurveyTokens.Expired.class);
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> text(mail).contains("/survey/"))
                .filter(mail -> subject(mail).contains(script.caseNumber)).toList())
                .as("only the customer's mail has the link").hasSize(1);
    }

    @Test
    void aDuplicateClosedByAMergeIsNotAskedForARating() {
        CaseScript script = new CaseScript();
        publish(script.opened(Priority.MEDIUM),
                script.then(new CaseMergedInto(script.caseId, UUID.randomUUID(), "CS-4711")),
                script.status(CaseStatus.NEW, CaseStatus.DONE));

        awaitMails(script.customerEmail, 2);
        MimeMessage closed = mailsTo(script.customerEmail).get(1);
        assertThat(subject(closed)).contains("resolved");
        assertThat(text(closed)).doesNotContain("/survey/", "Rate our help");
    }
}
