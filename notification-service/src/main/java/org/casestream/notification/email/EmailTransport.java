package org.casestream.notification.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.casestream.notification.deliveries.Delivery;
import org.casestream.notification.deliveries.DeliveryChannel;
import org.casestream.notification.deliveries.DeliveryTransport;
import org.casestream.notification.deliveries.SendOutcome;
import org.casestream.notification.platform.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends an email over SMTP. Every mail of a case references the same id, so mail clients thread them (the case
 * number in the subject does the same for people). In log mode nothing is sent and only the delivery id is
 * logged: the address and the text are PII.
 */
@Component
public class EmailTransport implements DeliveryTransport {

    private static final Logger log = LoggerFactory.getLogger(EmailTransport.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;

    public EmailTransport(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
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
            MimeMessage message = new StableMessageId(sender.createMimeMessage().getSession(),
                    "<delivery-" + delivery.id() + "@casestream>");
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.mailFrom());
            helper.setTo(delivery.recipient());
            helper.setSubject(delivery.subject());
            helper.setText(delivery.body(), false);
            if (delivery.caseId() != null) {
                String thread = "<case-" + delivery.caseId() + "@casestream>";
                message.setHeader("References", thread);
                message.setHeader("In-Reply-To", thread);
            }
            message.setHeader("X-Casestream-Delivery", delivery.id().toString());
            sender.send(message);
            return SendOutcome.delivered(250);
        } catch (MessagingException | MailException e) {
            return SendOutcome.failed(null, "SMTP: " + e.getClass().getSimpleName());
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
