package org.casestream.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.casestream.testkit.Mailbox;

/**
 * Customers' mail on the platform's local mail server, as a customer's mail client sees it: a message written to
 * the support mailbox over SMTP, a customer's own mailbox read over IMAP (login = password = the address).
 */
public final class Mailboxes {

    public static final String SUPPORT = "support@casestream.local";
    private static final Pattern SURVEY_LINK = Pattern.compile("https?://[^\\s/]+/survey/([A-Za-z0-9_-]+)");

    private final int smtpPort;
    private final int imapPort;

    public Mailboxes(Platform platform) {
        this.smtpPort = platform.port("CASESTREAM_SMTP_PORT");
        this.imapPort = platform.port("CASESTREAM_IMAP_PORT");
    }

    /** A new Message-ID, as a customer's mail client makes one. */
    public static String newMessageId() {
        return "<" + UUID.randomUUID() + "@mail.example.test>";
    }

    /** Writes to the support mailbox from {@code from}; {@code headers} are extra lines ("Name: value"). */
    public void toSupport(String messageId, String fromName, String from, String subject, String body,
            String... headers) {
        StringBuilder raw = new StringBuilder()
                .append("From: ").append(fromName).append(" <").append(from).append(">\r\n")
                .append("To: Support <").append(SUPPORT).append(">\r\n")
                .append("Subject: ").append(subject).append("\r\n")
                .append("Message-ID: ").append(messageId).append("\r\n");
        for (String header : headers) {
            raw.append(header).append("\r\n");
        }
        raw.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").append(body).append("\r\n");
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "localhost");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        Session session = Session.getInstance(properties);
        try (Transport transport = session.getTransport("smtp")) {
            MimeMessage message = new MimeMessage(session,
                    new ByteArrayInputStream(raw.toString().getBytes(StandardCharsets.UTF_8)));
            transport.connect();
            // sendMessage keeps the Message-ID as written (Transport.send would make a new one)
            transport.sendMessage(message, new Address[] {new InternetAddress(SUPPORT)});
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mails in {@code address}'s inbox, oldest first; none while the server has no mailbox for it yet. */
    public List<MimeMessage> inbox(String address) {
        return Mailbox.inbox("localhost", imapPort, address, address);
    }

    /** Waits for a mail in {@code address}'s inbox that {@code wanted} accepts. */
    public MimeMessage awaitMail(String address, Predicate<MimeMessage> wanted, Duration patience) {
        return await().atMost(patience).pollInterval(Duration.ofMillis(500))
                .until(() -> inbox(address).stream().filter(wanted).reduce((first, second) -> second),
                        Optional::isPresent).orElseThrow();
    }

    /** Waits for the mail with a survey link in {@code address}'s inbox; the link's token. */
    public String awaitSurveyToken(String address, Duration patience) {
        return surveyToken(awaitMail(address, mail -> surveyToken(mail) != null, patience));
    }

    /** The survey link's token in a mail, or null. */
    public static String surveyToken(MimeMessage mail) {
        Matcher link = SURVEY_LINK.matcher(text(mail));
        return link.find() ? link.group(1) : null;
    }

    public static String text(MimeMessage mail) {
        try {
            return String.valueOf(mail.getContent());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage mail, String name) {
        return Mailbox.header(mail, name);
    }
}
