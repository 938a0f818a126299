package org.casestream.notification.email;

import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.casestream.notification.deliveries.Delivery;
import org.casestream.notification.deliveries.DeliveryChannel;
import org.casestream.notification.deliveries.DeliveryTransport;
import org.casestream.notification.deliveries.SendOutcome;
import org.casestream.notification.platform.NotificationProperties;
import org.casestream.notification.threads.MailThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends an email over SMTP. Every mail of a case references the same id, so mail clients thread them (the case
 * number in the subject does the same for people). A mail to the customer of a case that is a mail conversation
 * (opened by email) answers the customer's latest message instead ({@code In-Reply-To}, {@code References} = the
 * conversation) and is noted in it, so the customer's reply to it finds the case. Automatic mails say so
 * ({@code Auto-Submitted}, RFC 3834), and every mail asks not to be answered by out-of-office replies. In log mode
 * nothing is sent and only the delivery id is logged: the address and the text are PII.
 */
@Component
public class EmailTransport implements DeliveryTransport {

    private static final Logger log = LoggerFactory.getLogger(EmailTransport.class);
    /** The one mail to a customer that a person wrote; every other one is automatic. */
    private static final String PERSONAL_REPLY = "customer/agent-reply";

    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;
    private final MailThreads threads;

    public EmailTransport(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties,
            MailThreads threads) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.threads = threads;
    }

    /** The Message-ID of a delivery's mail, the same however often it is sent. */
    public static String messageId(java.util.UUID deliveryId) {
        return "<delivery-" + deliveryId + "@casestream>";
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.EMAIL;
    }

    @Override
    public SendOutcome send(Delivery delivery) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (properties.logMailOnly() || sender == null) {
            log.info("Mail mode is log-only: delivery {} ({}) would have been mailed", delivery.id(),
                    delivery.eventType());
            return SendOutcome.delivered(null);
        }
        try {
            String messageId = messageId(delivery.id());
            MimeMessage message = new StableMessageId(sender.createMimeMessage().getSession(), messageId);
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.mailFrom());
            helper.setTo(delivery.recipient());
            helper.setSubject(delivery.subject());
            helper.setText(delivery.body(), false);
            boolean conversation = delivery.caseId() != null && delivery.toCustomer()
                    && threads.isConversation(delivery.caseId());
            if (conversation) {
                java.util.Optional<String> latest = threads.latestFromCustomer(delivery.caseId());
                if (latest.isPresent()) {
                    setHeader(message, "In-Reply-To", latest.get());
                }
                List<String> references = threads.references(delivery.caseId());
                if (!references.isEmpty()) {
                    setHeader(message, "References", String.join(" ", references));
                }
            } else if (delivery.caseId() != null) {
                String thread = "<case-" + delivery.caseId() + "@casestream>";
                message.setHeader("References", thread);
                message.setHeader("In-Reply-To", thread);
            }
            if (!PERSONAL_REPLY.equals(delivery.template())) {
                message.setHeader("Auto-Submitted", "auto-generated");
            }
            message.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
            message.setHeader("X-Casestream-Delivery", delivery.id().toString());
            sender.send(message);
            if (conversation) {
                noteInConversation(delivery, messageId);
            }
            return SendOutcome.delivered(250);
        } catch (MessagingException | MailException e) {
            return SendOutcome.failed(null, "SMTP: " + e.getClass().getSimpleName());
        }
    }

    /** The mail went: a failure to note it only loses header threading for its reply (the subject token remains). */
    private void noteInConversation(Delivery delivery, String messageId) {
        try {
            threads.record(messageId, delivery.caseId(), MailThreads.OUT);
        } catch (RuntimeException e) {
            log.warn("Delivery {} was sent but not noted in its case's conversation: {}", delivery.id(),
                    e.getClass().getSimpleName());
        }
    }

    /** Message-IDs are ASCII; one that is not (a broken client's) is left out rather than folded into a bad header. */
    private static void setHeader(MimeMessage message, String name, String value) throws MessagingException {
        String oneLine = value.replaceAll("[\\r\\n]+", " ").strip();
        if (!oneLine.isEmpty() && oneLine.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            message.setHeader(name, oneLine);
        }
    }

    /**
     * A message whose Message-ID is the delivery's, not a new one per send: a delivery sent again (its outcome could
     * not be recorded before a crash) is the same message to the receiver, which mail clients show once.
     */
    private static final class StableMessageId extends MimeMessage {

        private final String messageId;

        StableMessageId(jakarta.mail.Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
