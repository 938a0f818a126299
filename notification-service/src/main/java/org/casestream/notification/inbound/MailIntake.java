package org.casestream.notification.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casestream.notification.inbound.InboundLedger.Busy;
import org.casestream.notification.inbound.InboundLedger.Claim;
import org.casestream.notification.inbound.InboundLedger.Claimed;
import org.casestream.notification.inbound.InboundLedger.Done;
import org.casestream.notification.inbound.IntakeClient.Receipt;
import org.casestream.notification.inbound.MailReader.UnreadableMail;
import org.casestream.notification.threads.MailThreads;
import org.casestream.notification.threads.MailThreads.ThreadedCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a received message does, exactly once per Message-ID: nothing when a machine sent it (recorded as ignored,
 * with the reason); a customer comment on its case when it answers a known conversation (by In-Reply-To /
 * References first, then by the case's token in the subject); otherwise a new case. The message is claimed
 * ({@link InboundLedger}) before the command service is called, and the call's Idempotency-Key is derived from the
 * Message-ID, so neither a second copy, nor a second instance, nor a retry after a crash makes a second case.
 * Logs say what happened to which case, never who wrote or what.
 */
public class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);
    private static final int MAX_SUBJECT = 250;
    private static final int MAX_NAME = 200;

    /** What became of a message. */
    public enum Result {
        OPENED, REPLIED, IGNORED,
        /** Handled before (another copy, another instance, an earlier read): nothing more happened. */
        DUPLICATE,
        /** Another instance holds it right now. */
        BUSY,
        /** The command service was away: the message is to be read again later. */
        RETRY
    }

    public record Outcome(Result result, String messageId, UUID caseId, String caseNumber, String reason) {

        /** Nothing more to do for this message here. */
        public boolean finished() {
            return result != Result.BUSY && result != Result.RETRY;
        }
    }

    private final MailReader reader;
    private final InboundLedger ledger;
    private final MailThreads threads;
    private final IntakeClient intake;
    private final InboundMailProperties properties;
    private final ObjectMapper json = new ObjectMapper();

    public MailIntake(MailReader reader, InboundLedger ledger, MailThreads threads, IntakeClient intake,
            InboundMailProperties properties) {
        this.reader = reader;
        this.ledger = ledger;
        this.threads = threads;
        this.intake = intake;
        this.properties = properties;
    }

    /** {@code source}: where it came from (a mailbox's name, or the raw endpoint), never an address. */
    public Outcome receive(byte[] raw, String source) throws UnreadableMail {
        return receive(reader.read(raw), raw, source);
    }

    Outcome receive(ReceivedMail mail, byte[] raw, String source) {
        Claim claim = ledger.claim(mail.messageId(), source, raw, properties.rawLimit(), properties.lease());
        return switch (claim) {
            case Busy busy -> new Outcome(Result.BUSY, mail.messageId(), null, null, null);
            case Done done -> new Outcome(Result.DUPLICATE, mail.messageId(), done.entry().caseId(),
                    done.entry().caseNumber(), done.entry().reason());
            case Claimed claimed -> handle(mail);
        };
    }

    private Outcome handle(ReceivedMail mail) {
        Optional<ThreadedCase> thread = threads.caseOfMessages(mail.threadIds())
                .or(() -> MailThreads.tokenIn(mail.subject()).flatMap(threads::caseOfToken));
        if (mail.ignored() != null) {
            return ignore(mail, mail.ignored(), thread);
        }
        String key = idempotencyKey(mail.messageId());
        String attachments = attachmentsJson(mail);
        try {
            if (thread.isPresent() && thread.get().caseNumber() != null) {
                try {
                    Receipt receipt = intake.reply(key, thread.get().caseNumber(), replyText(mail),
                            mail.attachments());
                    return done(mail, InboundLedger.REPLIED, Result.REPLIED, receipt, attachments);
                } catch (IntakeClient.UnknownCase e) {
                    // the conversation's case is not the email channel's (an agent opened it): a case of its own
                    log.info("A reply to case {} opens a new case: the email channel did not open that one",
                            thread.get().caseId());
                }
            }
            Receipt receipt = intake.openTicket(key, customerName(mail), mail.fromAddress(), subject(mail),
                    mail.text(), mail.attachments());
            threads.tokenFor(receipt.caseId(), receipt.caseNumber());
            return done(mail, InboundLedger.OPENED, Result.OPENED, receipt, attachments);
        } catch (IntakeClient.Refused e) {
            log.warn("The intake refused a received message ({}): recorded as ignored", e.status());
            return ignore(mail, IgnoreReason.REFUSED, Optional.empty());
        } catch (IntakeClient.Unavailable e) {
            log.warn("A received message waits for the intake: {}", e.getMessage());
            ledger.release(mail.messageId(), Instant.now().plus(properties.retryAfter()));
            return new Outcome(Result.RETRY, mail.messageId(), null, null, null);
        }
    }

    private Outcome done(ReceivedMail mail, String status, Result result, Receipt receipt, String attachments) {
        threads.record(mail.messageId(), receipt.caseId(), MailThreads.IN);
        ledger.finish(mail.messageId(), status, null, receipt.caseId(), receipt.caseNumber(), attachments);
        log.info("Received mail {} case {}", result == Result.OPENED ? "opened" : "added a reply to",
                receipt.caseId());
        return new Outcome(result, mail.messageId(), receipt.caseId(), receipt.caseNumber(), null);
    }

    private Outcome ignore(ReceivedMail mail, IgnoreReason reason, Optional<ThreadedCase> thread) {
        if (reason.answersAutomatically() && thread.isPresent()) {
            threads.stopAutomaticMail(List.of(thread.get().caseId()));
        }
        UUID caseId = thread.map(ThreadedCase::caseId).orElse(null);
        ledger.finish(mail.messageId(), InboundLedger.IGNORED, reason, caseId,
                thread.map(ThreadedCase::caseNumber).orElse(null), attachmentsJson(mail));
        log.info("Received mail ignored: {}", reason.wire());
        return new Outcome(Result.IGNORED, mail.messageId(), caseId, null, reason.wire());
    }

    /** Stable per Message-ID and visible ASCII, as the intake requires. */
    static String idempotencyKey(String messageId) {
        try {
            return "mail-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(messageId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String replyText(ReceivedMail mail) {
        if (!mail.text().isBlank()) {
            return mail.text();
        }
        return mail.attachments().isEmpty() ? "(no text)" : "(attachments only)";
    }

    private static String subject(ReceivedMail mail) {
        String subject = mail.subject() == null || mail.subject().isBlank() ? "(no subject)" : mail.subject();
        return subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject;
    }

    private static String customerName(ReceivedMail mail) {
        String name = mail.fromName() == null || mail.fromName().isBlank()
                ? mail.fromAddress().substring(0, Math.max(1, mail.fromAddress().indexOf('@')))
                : mail.fromName().strip();
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    private String attachmentsJson(ReceivedMail mail) {
        if (mail.attachments().isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(new ArrayList<>(mail.attachments()));
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
