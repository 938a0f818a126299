package org.casestream.notification.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.casestream.localstack.jwt.Role;
import org.casestream.notification.support.MailIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The survey link between the two services: the customer's done-mail (read back over IMAP) carries a link this
 * service signed, the command service takes it from the customer without a login and records their rating; the link
 * works once; and answering the done-mail still reopens the case, whose next done-mail asks again with a new link.
 */
class DoneMailSurveyIntegrationTest extends MailIntegrationTest {

    private static final Pattern LINK = Pattern.compile("/survey/([A-Za-z0-9_-]+)");

    private static int answer(String token, int rating) {
        return RestClient.builder().baseUrl(commandUrl())
                .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build()
                .post().uri("/api/surveys/{token}", token).body(Map.of("rating", rating, "comment", "Solved quickly"))
                .retrieve().toBodilessEntity().getStatusCode().value();
    }

    private static String linkIn(MimeMessage mail) {
        Matcher link = LINK.matcher(text(mail));
        assertThat(link.find()).as("a survey link in " + subject(mail)).isTrue();
        return link.group(1);
    }

    private static void status(UUID caseId, String status) {
        assertThat(commands(Role.AGENT).post().uri("/api/cases/{id}/status", caseId).body(Map.of("status", status))
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theCustomerRatesThroughTheDoneMailsLinkOnceAndAReplyStillReopens() {
        String first = newMessageId();
        String customer = newCustomer();
        sendToSupport(mail(first, "Ada Lovelace", customer, "Printer on fire", "It is on fire."));
        Map<String, Object> opened = awaitReceived(first);
        UUID caseId = (UUID) opened.get("case_id");
        status(caseId, "inprogress");
        status(caseId, "done");

        await().atMost(WAIT).ignoreExceptions().until(() -> inbox(customer).size() == 2);
        MimeMessage done = inbox(customer).get(1);
        assertThat(subject(done)).startsWith("Re: Printer on fire [" + opened.get("case_number") + " #");
        String token = linkIn(done);

        assertThat(answer(token, 5)).isEqualTo(200);
        assertThat(answer(token, 1)).as("used").isEqualTo(410);
        List<JsonNode> ratings = events(caseId, "SatisfactionRated");
        assertThat(ratings).hasSize(1);
        assertThat(ratings.getFirst().path("actor").asText()).startsWith("customer:");
        assertThat(ratings.getFirst().at("/data/rating").asInt()).isEqualTo(5);

        // the customer answers the done-mail: the case reopens, as before surveys
        String reply = newMessageId();
        sendToSupport(mail(reply, "Ada Lovelace", customer, subject(done), "It is on fire again.",
                "In-Reply-To: " + header(done, "Message-ID")));
        assertThat(awaitReceived(reply)).containsEntry("status", "replied").containsEntry("case_id", caseId);
        assertThat(events(caseId, "CaseReopened")).hasSize(1);

        status(caseId, "done");
        await().atMost(WAIT).ignoreExceptions().until(() -> inbox(customer).size() == 3);
        String again = linkIn(inbox(customer).get(2));
        assertThat(again).isNotEqualTo(token);
        assertThat(answer(again, 3)).isEqualTo(200);
        assertThat(events(caseId, "SatisfactionRated")).extracting(event -> event.at("/data/rating").asInt())
                .containsExactly(5, 3);
    }
}
