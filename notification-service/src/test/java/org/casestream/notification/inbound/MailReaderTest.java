package org.casestream.notification.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.casestream.notification.inbound.MailReader.UnreadableMail;
import org.casestream.notification.inbound.ReceivedMail.AttachmentMeta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden messages as real clients send them: the new text without the quoted history, the ids it answers, its
 * attachments' names, types and sizes, and the machines' mail told from people's.
 */
class MailReaderTest {

    private final MailReader reader = new MailReader(Set.of("support@casestream.local"));

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = MailReaderTest.class.getResourceAsStream("/mail/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\n", "\r\n")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gmail-reply.eml       | It still fails after the reset.\\nSecond line of the new text.",
            "outlook-reply.eml     | Thanks, the invoice arrived.",
            "original-message.eml  | Only this is new.",
            "gmail-html-reply.eml  | New words here.",
            "wrapped-attribution.eml | Fine now, thank you!"})
    void theNewTextIsKeptAndTheQuotedHistoryFolded(String file, String expected) throws Exception {
        ReceivedMail mail = reader.read(golden(file));
        assertThat(mail.text()).isEqualTo(expected.replace("\\n", "\n"));
        assertThat(mail.ignored()).isNull();
    }

    @Test
    void whoWroteWhatTheyAnswerAndWhatTheyAttached() throws Exception {
        String raw = """
                From: "Ada Lovelace" <ada@example.com>\r
                To: support@casestream.local\r
                Subject: =?UTF-8?Q?Rechnung_f=C3=BCr_M=C3=A4rz?=\r
                Message-ID: <m-1@example.com>\r
                In-Reply-To: <delivery-9@casestream>\r
                References: <first@example.com> <delivery-9@casestream>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="b1"\r
                \r
                --b1\r
                Content-Type: text/plain; charset=UTF-8\r
                \r
                See the invoice.\r
                --b1\r
                Content-Type: application/pdf; name="invoice.pdf"\r
                Content-Disposition: attachment; filename="invoice.pdf"\r
                Content-Transfer-Encoding: base64\r
                \r
                JVBERi0xLjQK\r
                --b1--\r
                """;
        ReceivedMail mail = reader.read(raw.getBytes(StandardCharsets.UTF_8));

        assertThat(mail.messageId()).isEqualTo("<m-1@example.com>");
        assertThat(mail.fromName()).isEqualTo("Ada Lovelace");
        assertThat(mail.fromAddress()).isEqualTo("ada@example.com");
        assertThat(mail.subject()).isEqualTo("Rechnung für März");
        assertThat(mail.text()).isEqualTo("See the invoice.");
        assertThat(mail.threadIds()).containsExactly("<delivery-9@casestream>", "<first@example.com>");
        assertThat(mail.attachments()).hasSize(1);
        AttachmentMeta invoice = mail.attachments().getFirst();
        assertThat(invoice.name()).isEqualTo("invoice.pdf");
        assertThat(invoice.contentType()).isEqualTo("application/pdf");
        assertThat(invoice.size()).isEqualTo(9);
        assertThat(invoice.content()).as("decoded from base64").hasSize(9);
        assertThat(mail.toString()).doesNotContain("ada", "Ada", "invoice", "Rechnung");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Auto-Submitted: auto-replied                     | auto-submitted",
            "Precedence: bulk                                 | bulk",
            "Precedence: list                                 | bulk",
            "Precedence: junk                                 | bulk",
            "List-Id: <news.example.com>                      | mailing-list",
            "List-Unsubscribe: <mailto:leave@example.com>     | mailing-list",
            "X-Auto-Response-Suppress: All                    | auto-response-suppressed",
            "X-Autoreply: yes                                 | auto-reply",
            "Return-Path: <>                                  | bounce",
            "X-Loop: support@casestream.local                 | own-mail"})
    void machinesMailIsToldFromPeoples(String header, String reason) throws Exception {
        ReceivedMail mail = reader.read(("From: Ada <ada@example.com>\r\n" + header + "\r\nSubject: Hello\r\n"
                + "Message-ID: <x@example.com>\r\n\r\nHello\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(mail.ignored()).isNotNull();
        assertThat(mail.ignored().wire()).isEqualTo(reason);
    }

    @Test
    void outOfOfficeBouncesAndOurOwnMailAreIgnoredAndAutoSubmittedNoIsAPerson() throws Exception {
        assertThat(read("From: Ada <ada@example.com>\r\nSubject: Automatic reply: Cannot log in\r\n").ignored())
                .isEqualTo(IgnoreReason.OUT_OF_OFFICE);
        assertThat(read("From: MAILER-DAEMON@mx.example.com\r\nSubject: Undelivered Mail\r\n").ignored())
                .isEqualTo(IgnoreReason.BOUNCE);
        assertThat(read("From: support@casestream.local\r\nSubject: Re: x\r\n").ignored())
                .isEqualTo(IgnoreReason.OWN_MAIL);
        assertThat(read("From: Ada <ada@example.com>\r\nAuto-Submitted: no\r\nSubject: Out of the blue\r\n").ignored())
                .isNull();
        assertThat(read("Subject: no sender\r\n").ignored()).isEqualTo(IgnoreReason.NO_SENDER);
    }

    @Test
    void aDeliveryReportIsIgnoredAndNamesTheMessageItReturns() throws Exception {
        String report = """
                From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\r
                Subject: Undelivered Mail Returned to Sender\r
                Message-ID: <dsn-1@mx.example.com>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"\r
                \r
                --r\r
                Content-Type: text/plain\r
                \r
                Your message could not be delivered.\r
                --r\r
                Content-Type: message/delivery-status\r
                \r
                Final-Recipient: rfc822; ada@example.com\r
                Action: failed\r
                Status: 5.1.1\r
                --r\r
                Content-Type: text/rfc822-headers\r
                \r
                Message-ID: <delivery-42@casestream>\r
                Subject: Re: Cannot log in\r
                --r--\r
                """;
        ReceivedMail mail = reader.read(report.getBytes(StandardCharsets.UTF_8));
        assertThat(mail.ignored()).isEqualTo(IgnoreReason.DELIVERY_REPORT);
        assertThat(mail.threadIds()).contains("<delivery-42@casestream>");
    }

    @Test
    void aMessageWithoutAnIdGetsOneFromItsContentTheSameEachTime() throws Exception {
        byte[] raw = "From: Ada <ada@example.com>\r\nDate: Tue, 3 Mar 2026 10:00:00 +0000\r\nSubject: Hi\r\n\r\nHello\r\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(reader.read(raw).messageId()).isEqualTo(reader.read(raw).messageId()).endsWith(".invalid>");
    }

    @Test
    void somethingThatIsNoMailIsRefused() {
        assertThatThrownBy(() -> reader.read(new byte[0])).isInstanceOf(UnreadableMail.class);
        assertThatThrownBy(() -> reader.read("just some words\r\n\r\nand more".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableMail.class);
    }

    private ReceivedMail read(String headers) throws UnreadableMail {
        return reader.read((headers + "Message-ID: <r-" + System.nanoTime() + "@example.com>\r\n\r\nHello\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }
}
