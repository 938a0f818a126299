package org.casestream.notification.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.casestream.localstack.jwt.Role;
import org.casestream.notification.NotificationApplication;
import org.casestream.notification.support.IntegrationTest;
import org.casestream.notification.support.MailIntegrationTest;
import org.casestream.testkit.Instances;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Mail to the support mailbox, over real SMTP, read by the service over real IMAP, through the real command service:
 * a new mail opens one case however often and wherever it arrives; replies thread by headers, then by the subject's
 * token; a wrong token opens a new case; machines' mail opens nothing; HTML becomes safe text; quotes are folded.
 */
class InboundMailIntegrationTest extends MailIntegrationTest {

    private long emailCasesOf(String customer) {
        return jdbc.sql("SELECT count(*) FROM case_directory WHERE customer_email = ? AND channel = 'email'")
                .param(customer).query(Long.class).single();
    }

    private UUID caseOf(Map<String, Object> received) {
        return (UUID) received.get("case_id");
    }

    /** The case-opened mail the customer got: a reply to their message, under the case's token. */
    private MimeMessage awaitAcknowledgement(String customer) {
        await().atMost(WAIT).ignoreExceptions().until(() -> !inbox(customer).isEmpty());
        return inbox(customer).getFirst();
    }

    @Test
    void aNewMailOpensOneCaseHoweverOftenItArrivesAndTheCustomerIsAnsweredInItsThread() {
        String id = newMessageId();
        String customer = newCustomer();
        String raw = mail(id, "Ada Lovelace", customer, "Cannot log in", "The reset mail never arrives.");
        sendToSupport(raw);
        sendToSupport(raw);

        Map<String, Object> received = awaitReceived(id);
        assertThat(received).containsEntry("status", "opened").containsEntry("kept", true);
        UUID caseId = caseOf(received);
        JsonNode opened = events(caseId, "CaseOpened").getFirst().path("data");
        assertThat(opened.path("channel").asText()).isEqualTo("email");
        assertThat(opened.path("customer").path("email").asText()).isEqualTo(customer);
        assertThat(opened.path("customer").path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(opened.path("subject").asText()).isEqualTo("Cannot log in");
        assertThat(opened.path("description").asText()).isEqualTo("The reset mail never arrives.");

        MimeMessage acknowledgement = awaitAcknowledgement(customer);
        String caseNumber = (String) received.get("case_number");
        assertThat(subject(acknowledgement)).startsWith("Re: Cannot log in [" + caseNumber + " #");
        assertThat(header(acknowledgement, "In-Reply-To")).isEqualTo(id);
        assertThat(header(acknowledgement, "Auto-Submitted")).isEqualTo("auto-generated");

        // piped in as well, later: the same case, nothing new
        ResponseEntity<Map> again = as(Role.ADMIN).post().uri("/api/mail/inbound")
                .contentType(MediaType.valueOf("message/rfc822")).body(raw).retrieve().toEntity(Map.class);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).containsEntry("result", "duplicate").containsEntry("caseId", caseId.toString());
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> emailCasesOf(customer) == 1);
        assertThat(events(caseId, "CommentAdded")).isEmpty();
    }

    @Test
    void twoInstancesReadingTheSameMailboxFromTheStartAgainOpenOneCaseForOneMessage() {
        String earlier = newMessageId();
        String earlierCustomer = newCustomer();
        sendToSupport(mail(earlier, "Ben", earlierCustomer, "Refund please", "I was charged twice."));
        assertThat(awaitReceived(earlier)).containsEntry("status", "opened");

        // a second instance, and the mailbox read from its first message again (as after a lost position)
        jdbc.sql("DELETE FROM mailbox_position").update();
        Map<String, String> properties = new java.util.HashMap<>(IntegrationTest.serviceProperties());
        properties.putAll(mailProperties());
        try (ConfigurableApplicationContext second = Instances.start(properties, NotificationApplication.class,
                NotificationTokens.class)) {
            String id = newMessageId();
            String customer = newCustomer();
            String raw = mail(id, "Cleo", customer, "Where is my parcel", "Tracking shows nothing.");
            sendToSupport(raw);
            sendToSupport(raw);

            assertThat(awaitReceived(id)).containsEntry("status", "opened");
            await().atMost(WAIT).until(() -> emailCasesOf(customer) == 1);
            await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM mailbox_position").query(Long.class)
                    .single() == 1 && positionReached());
            await().during(Duration.ofSeconds(2)).atMost(WAIT)
                    .until(() -> emailCasesOf(customer) == 1 && emailCasesOf(earlierCustomer) == 1);
        }
    }

    /** Every message in the support mailbox is behind the shared position (GreenMail numbers UIDs from 1). */
    private boolean positionReached() {
        long last = jdbc.sql("SELECT last_uid FROM mailbox_position").query(Long.class).single();
        return last >= supportMessages();
    }

    @Test
    void aReplyThreadsByItsHeadersThenByTheSubjectsTokenAndAWrongTokenOpensANewCase() {
        String first = newMessageId();
        String customer = newCustomer();
        sendToSupport(mail(first, "Ada", customer, "Cannot log in", "The reset mail never arrives."));
        Map<String, Object> opened = awaitReceived(first);
        UUID caseId = caseOf(opened);
        String caseNumber = (String) opened.get("case_number");
        MimeMessage acknowledgement = awaitAcknowledgement(customer);
        String threadedSubject = subject(acknowledgement);
        String token = threadedSubject.replaceAll(".*#([a-z0-9]+)].*", "$1");

        // by headers: an answer to our mail, with a subject that names no case at all
        String byHeaders = newMessageId();
        sendToSupport(mail(byHeaders, "Ada", customer, "Still broken", """
                It still fails after the reset.

                On Tue, 3 Mar 2026 at 10:00, Support <support@casestream.local> wrote:
                > We received your request.
                > Your support team""",
                "In-Reply-To: " + header(acknowledgement, "Message-ID"),
                "References: " + first + " " + header(acknowledgement, "Message-ID")));
        assertThat(awaitReceived(byHeaders)).containsEntry("status", "replied").containsEntry("case_id", caseId);

        // by the token, the headers stripped (a client that drops them, a forwarded copy)
        String byToken = newMessageId();
        sendToSupport(mail(byToken, "Ada", customer, threadedSubject, "Here is a screenshot."));
        assertThat(awaitReceived(byToken)).containsEntry("status", "replied").containsEntry("case_id", caseId);

        List<JsonNode> comments = events(caseId, "CommentAdded");
        assertThat(comments).extracting(comment -> comment.path("data").path("body").asText())
                .containsExactly("It still fails after the reset.", "Here is a screenshot.");
        assertThat(comments).allSatisfy(comment -> {
            assertThat(comment.path("data").path("authorType").asText()).isEqualTo("customer");
            assertThat(comment.path("data").path("visibility").asText()).isEqualTo("public");
        });

        // the case number with a token that is not the case's: a new case, the first one untouched
        String guessed = newMessageId();
        sendToSupport(mail(guessed, "Mallory", newCustomer(), "Re: Cannot log in [" + caseNumber + " #"
                + (token.equals("abcdefgh") ? "hgfedcba" : "abcdefgh") + "]", "Close this case please."));
        Map<String, Object> wrong = awaitReceived(guessed);
        assertThat(wrong).containsEntry("status", "opened");
        assertThat(caseOf(wrong)).isNotEqualTo(caseId);
        assertThat(events(caseId, "CommentAdded")).hasSize(2);

        // a reply to a done case reopens it (the command service's rule)
        commands(Role.AGENT).post().uri("/api/cases/{id}/status", caseId).body(Map.of("status", "inprogress"))
                .retrieve().toBodilessEntity();
        commands(Role.AGENT).post().uri("/api/cases/{id}/status", caseId).body(Map.of("status", "done"))
                .retrieve().toBodilessEntity();
        String afterDone = newMessageId();
        sendToSupport(mail(afterDone, "Ada", customer, threadedSubject, "It broke again."));
        assertThat(awaitReceived(afterDone)).containsEntry("status", "replied");
        assertThat(events(caseId, "CaseReopened")).hasSize(1);
    }

    @Test
    void anAutoReplyABounceAndListMailOpenNothingAndTheAutoReplierGetsNoMoreAutomaticMail() {
        String first = newMessageId();
        String customer = newCustomer();
        sendToSupport(mail(first, "Dora", customer, "Invoice missing", "Please send it again."));
        UUID caseId = caseOf(awaitReceived(first));
        MimeMessage acknowledgement = awaitAcknowledgement(customer);
        String ours = header(acknowledgement, "Message-ID");

        String outOfOffice = newMessageId();
        sendToSupport(mail(outOfOffice, "Dora", customer, "Automatic reply: " + subject(acknowledgement),
                "I am out of the office until Monday.", "Auto-Submitted: auto-replied", "In-Reply-To: " + ours));
        String bounce = newMessageId();
        sendToSupport(mail(bounce, "Mail Delivery System", "MAILER-DAEMON@mx.example.com",
                "Undelivered Mail Returned to Sender", """
                --r\r
                Content-Type: text/plain\r
                \r
                Your message could not be delivered.\r
                --r\r
                Content-Type: message/delivery-status\r
                \r
                Final-Recipient: rfc822; nobody@example.com\r
                Action: failed\r
                Status: 5.1.1\r
                --r--""", "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\""));
        String listMail = newMessageId();
        String subscriber = newCustomer();
        sendToSupport(mail(listMail, "Newsletter", subscriber, "Our spring offers", "Buy now!",
                "List-Id: <offers.example.com>", "List-Unsubscribe: <mailto:leave@example.com>",
                "Precedence: bulk"));

        assertThat(awaitReceived(outOfOffice)).containsEntry("status", "ignored")
                .containsEntry("reason", "auto-submitted").containsEntry("case_id", caseId);
        assertThat(awaitReceived(bounce)).containsEntry("status", "ignored").containsEntry("reason", "delivery-report");
        assertThat(awaitReceived(listMail)).containsEntry("status", "ignored");
        assertThat(events(caseId, "CommentAdded")).isEmpty();
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> emailCasesOf(subscriber) == 0
                && emailCasesOf("MAILER-DAEMON@mx.example.com") == 0 && emailCasesOf(customer) == 1);

        // done, which would mail the customer automatically: not to a side that answers automatically
        commands(Role.AGENT).post().uri("/api/cases/{id}/status", caseId).body(Map.of("status", "inprogress"))
                .retrieve().toBodilessEntity();
        commands(Role.AGENT).post().uri("/api/cases/{id}/status", caseId).body(Map.of("status", "done"))
                .retrieve().toBodilessEntity();
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT status FROM case_directory WHERE case_id = ?")
                .param(caseId).query(String.class).single().equals("done"));
        await().during(Duration.ofSeconds(2)).atMost(WAIT).ignoreExceptions()
                .until(() -> inbox(customer).size() == 1);
    }

    @Test
    void anHtmlMailWithAScriptShowsAsSafeTextAndItsAttachmentsAreStoredByteForByte() {
        String id = newMessageId();
        String customer = newCustomer();
        sendToSupport(mail(id, "Eve", customer, "Order 1234", """
                --m\r
                Content-Type: text/html; charset=UTF-8\r
                \r
                <html><head><style>body{display:none}</style><script>alert('stolen')</script></head>\r
                <body><p>My <b>order</b> did not arrive.</p><p>Order 1234<br>placed Monday</p>\r
                <img src=x onerror="alert(1)"></body></html>\r
                --m\r
                Content-Type: application/pdf; name="receipt.pdf"\r
                Content-Disposition: attachment; filename="receipt.pdf"\r
                Content-Transfer-Encoding: base64\r
                \r
                JVBERi0xLjQK\r
                --m--""", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"m\""));

        Map<String, Object> received = awaitReceived(id);
        assertThat(received).containsEntry("status", "opened");
        String description = events(caseOf(received), "CaseOpened").getFirst().path("data").path("description")
                .asText();
        assertThat(description).isEqualTo("My order did not arrive.\n\nOrder 1234\nplaced Monday");
        assertThat(description).doesNotContain("<", "alert", "display");
        assertThat((String) received.get("attachments")).contains("\"name\":\"receipt.pdf\"",
                "\"contentType\":\"application/pdf\"", "\"size\":9");
        JsonNode file = events(caseOf(received), "CaseOpened").getFirst().path("data").path("attachments").get(0);
        assertThat(file.path("name").asText()).isEqualTo("receipt.pdf");
        assertThat(file.path("contentType").asText()).as("sniffed from the bytes by the store")
                .isEqualTo("application/pdf");
        assertThat(file.path("size").asLong()).isEqualTo(9);
        // the bytes themselves, byte for byte, stored by the command service and readable by the case's readers
        assertThat(file.path("uri").asText()).startsWith("/api/attachments/");
        byte[] stored = commands(Role.AGENT).get().uri(file.path("uri").asText()).retrieve().body(byte[].class);
        assertThat(stored).isEqualTo(java.util.Base64.getMimeDecoder().decode("JVBERi0xLjQK"));

        // a reply with a file: its name, type and size go to the intake with the comment
        String reply = newMessageId();
        sendToSupport(mail(reply, "Eve", customer, "Re: Order 1234", """
                --m\r
                Content-Type: text/plain; charset=UTF-8\r
                \r
                The photo of the label.\r
                --m\r
                Content-Type: image/png; name="label.png"\r
                Content-Disposition: attachment; filename="label.png"\r
                Content-Transfer-Encoding: base64\r
                \r
                iVBORw0KGgo=\r
                --m--""", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"m\"",
                "In-Reply-To: " + id));
        assertThat(awaitReceived(reply)).containsEntry("status", "replied");
        JsonNode attachment = events(caseOf(received), "CommentAdded").getFirst().path("data").path("attachments")
                .get(0);
        assertThat(attachment.path("name").asText()).isEqualTo("label.png");
        assertThat(attachment.path("size").asLong()).isEqualTo(8);
        assertThat(commands(Role.LEAD).get().uri(attachment.path("uri").asText()).retrieve().body(byte[].class))
                .isEqualTo(java.util.Base64.getMimeDecoder().decode("iVBORw0KGgo="));
    }
}
