package org.casestream.notification.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.casestream.localstack.jwt.Role;
import org.casestream.notification.support.MailIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * An agent's public reply reaches the customer as mail from the support address, in the customer's conversation
 * (In-Reply-To their latest message, References the chain, the case's token in the subject), and the customer's
 * answer to it lands on the case; an internal note never leaves. Read back over IMAP.
 */
class OutboundReplyIntegrationTest extends MailIntegrationTest {

    @Test
    void anAgentsPublicReplyIsSentThreadedAndAnInternalNoteIsNot() throws Exception {
        String first = newMessageId();
        String customer = newCustomer();
        sendToSupport(mail(first, "Ada Lovelace", customer, "Cannot log in", "The reset mail never arrives."));
        Map<String, Object> opened = awaitReceived(first);
        UUID caseId = (UUID) opened.get("case_id");
        String caseNumber = (String) opened.get("case_number");
        await().atMost(WAIT).ignoreExceptions().until(() -> inbox(customer).size() == 1);
        MimeMessage acknowledgement = inbox(customer).getFirst();
        String token = subject(acknowledgement).replaceAll(".*#([a-z0-9]+)].*", "$1");

        String second = newMessageId();
        sendToSupport(mail(second, "Ada Lovelace", customer, subject(acknowledgement), "Any news?",
                "In-Reply-To: " + header(acknowledgement, "Message-ID")));
        assertThat(awaitReceived(second)).containsEntry("status", "replied");

        assertThat(commands(Role.AGENT).post().uri("/api/cases/{id}/comments", caseId)
                .body(Map.of("body", "SECRET-NOTE the account looks compromised", "visibility", "internal"))
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);
        assertThat(commands(Role.AGENT).post().uri("/api/cases/{id}/comments", caseId)
                .body(Map.of("body", "Please try the new reset link.", "visibility", "public"))
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);

        await().atMost(WAIT).ignoreExceptions().until(() -> inbox(customer).size() == 2);
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> inbox(customer).size() == 2);
        List<MimeMessage> mails = inbox(customer);
        assertThat(mails).allSatisfy(mail -> assertThat(text(mail)).doesNotContain("SECRET-NOTE"));
        MimeMessage reply = mails.get(1);
        assertThat(subject(reply)).isEqualTo("Re: Cannot log in [" + caseNumber + " #" + token + "]");
        assertThat(reply.getFrom()[0].toString()).isEqualTo("support@casestream.local");
        assertThat(text(reply)).contains("Please try the new reset link.");
        assertThat(header(reply, "In-Reply-To")).as("the customer's latest message").isEqualTo(second);
        assertThat(header(reply, "References").split("\\s+")).containsExactly(first,
                header(acknowledgement, "Message-ID"), second);
        assertThat(header(reply, "Message-ID")).matches("<delivery-[0-9a-f-]{36}@casestream>");
        assertThat(header(reply, "Auto-Submitted")).as("a person wrote it").isNull();

        // the customer answers the agent's mail: it lands on the case by its headers
        String third = newMessageId();
        sendToSupport(mail(third, "Ada Lovelace", customer, subject(reply).replace("[" + caseNumber + " #" + token
                + "]", ""), "That worked, thank you!", "In-Reply-To: " + header(reply, "Message-ID"),
                "References: " + header(reply, "References") + " " + header(reply, "Message-ID")));
        assertThat(awaitReceived(third)).containsEntry("status", "replied").containsEntry("case_id", caseId);
        assertThat(events(caseId, "CommentAdded")).extracting(event -> event.path("data").path("body").asText())
                .containsExactly("Any news?", "SECRET-NOTE the account looks compromised",
                        "Please try the new reset link.", "That worked, thank you!");
    }
}
