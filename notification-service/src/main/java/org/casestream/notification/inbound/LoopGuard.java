package org.casestream.notification.inbound;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Tells a person's mail from a machine's (RFC 3834 and what mail systems really send), so that an auto-reply, an
 * out-of-office, a bounce, a list's mail or our own mail coming back never opens a case and is never answered: two
 * help desks, or a help desk and an auto-responder, would otherwise answer each other for ever. Reads headers only.
 */
public final class LoopGuard {

    private static final Pattern OUT_OF_OFFICE_SUBJECT = Pattern.compile(
            "^\\s*(automatic reply|auto-?reply|autoreply|out of (the )?office|abwesenheitsnotiz|réponse automatique"
                    + "|respuesta automática|risposta automatica|auto:)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DAEMON = Pattern.compile("^(mailer-daemon|postmaster|mail-daemon)@.*",
            Pattern.CASE_INSENSITIVE);
    /** Our own Message-IDs: {@code <delivery-...@casestream>}, {@code <case-...@casestream>}. */
    private static final Pattern OWN_MESSAGE_ID = Pattern.compile(".*@casestream>\\s*$");

    private LoopGuard() {
    }

    /** Why the message must be left alone, if it must; {@code ownAddresses} lower-case. */
    public static Optional<IgnoreReason> reasonToIgnore(MimeMessage message, String fromAddress,
            Set<String> ownAddresses) throws MessagingException {
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of(IgnoreReason.AUTO_SUBMITTED);
        }
        if (message.isMimeType("multipart/report")) {
            return Optional.of(IgnoreReason.DELIVERY_REPORT);
        }
        String returnPath = header(message, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")
                || fromAddress != null && DAEMON.matcher(fromAddress).matches()) {
            return Optional.of(IgnoreReason.BOUNCE);
        }
        String precedence = header(message, "Precedence");
        if (precedence != null) {
            String value = precedence.strip().toLowerCase(Locale.ROOT);
            if (value.equals("auto_reply")) {
                return Optional.of(IgnoreReason.AUTO_REPLY);
            }
            if (value.equals("bulk") || value.equals("junk") || value.equals("list")) {
                return Optional.of(IgnoreReason.BULK);
            }
        }
        if (header(message, "X-Autoreply") != null || header(message, "X-Autorespond") != null
                || header(message, "X-Auto-Reply") != null) {
            return Optional.of(IgnoreReason.AUTO_REPLY);
        }
        if (header(message, "List-Id") != null || header(message, "List-Unsubscribe") != null
                || header(message, "List-Post") != null) {
            return Optional.of(IgnoreReason.MAILING_LIST);
        }
        if (header(message, "X-Auto-Response-Suppress") != null) {
            return Optional.of(IgnoreReason.AUTO_RESPONSE_SUPPRESSED);
        }
        String messageId = header(message, "Message-ID");
        String loop = header(message, "X-Loop");
        if (messageId != null && OWN_MESSAGE_ID.matcher(messageId).matches()
                || header(message, "X-Casestream-Delivery") != null
                || loop != null && ownAddresses.stream().anyMatch(own -> loop.toLowerCase(Locale.ROOT).contains(own))
                || fromAddress != null && ownAddresses.contains(fromAddress.toLowerCase(Locale.ROOT))) {
            return Optional.of(IgnoreReason.OWN_MAIL);
        }
        String subject = message.getSubject();
        if (subject != null && OUT_OF_OFFICE_SUBJECT.matcher(subject).matches()) {
            return Optional.of(IgnoreReason.OUT_OF_OFFICE);
        }
        if (fromAddress == null || !plausible(fromAddress)) {
            return Optional.of(IgnoreReason.NO_SENDER);
        }
        return Optional.empty();
    }

    private static boolean plausible(String address) {
        try {
            new InternetAddress(address, true).validate();
            return address.length() <= 320 && address.indexOf('@') > 0;
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        return message.getHeader(name, ",");
    }
}
