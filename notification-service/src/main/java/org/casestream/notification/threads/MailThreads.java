package org.casestream.notification.threads;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mail conversation of each case: its subject token, the Message-IDs of its messages both ways, and whether the
 * customer's side answers automatically. The inbound side finds a reply's case here; the outbound side takes a
 * mail's subject token and its In-Reply-To / References from here.
 */
@Component
public class MailThreads {

    /** {@code [CS-1042 #k7f3q9x2]} anywhere in a subject. */
    private static final Pattern SUBJECT_TOKEN = Pattern.compile("\\[(CS-\\d{1,18})\\s+#([a-z0-9]{6,32})]",
            Pattern.CASE_INSENSITIVE);
    /** No 0/o, 1/l/i: a token read aloud or retyped stays the same token. */
    private static final char[] TOKEN_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final int TOKEN_LENGTH = 8;
    /** References keep the first message and the latest ones (RFC 5322 lets a long chain be shortened so). */
    private static final int REFERENCES_KEPT = 10;

    public static final String IN = "in";
    public static final String OUT = "out";

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    public MailThreads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A case number and token a subject carries, as written. */
    public record SubjectToken(String caseNumber, String token) {
    }

    public static Optional<SubjectToken> tokenIn(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher matcher = SUBJECT_TOKEN.matcher(subject);
        return matcher.find()
                ? Optional.of(new SubjectToken(matcher.group(1).toUpperCase(Locale.ROOT),
                        matcher.group(2).toLowerCase(Locale.ROOT)))
                : Optional.empty();
    }

    /** The subject the customer sees on every mail of a case opened by email: a reply, with the case's token. */
    public static String replySubject(String caseSubject, String caseNumber, String token) {
        String subject = caseSubject == null ? "" : SUBJECT_TOKEN.matcher(caseSubject).replaceAll("").strip();
        String reply = subject.regionMatches(true, 0, "re:", 0, 3) ? subject : "Re: " + subject;
        return (reply + " [" + caseNumber + " #" + token + "]").replaceAll("[\\r\\n]+", " ");
    }

    /** The case's token, made (random) the first time it is asked for. */
    public String tokenFor(UUID caseId, String caseNumber) {
        while (true) {
            Optional<String> existing = token(caseId);
            if (existing.isPresent()) {
                return existing.get();
            }
            // a token another case already has (or the case's row written meanwhile) inserts nothing: look again
            jdbc.sql("INSERT INTO mail_case (case_id, case_number, token, created_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT DO NOTHING")
                    .params(caseId, caseNumber, newToken(), Timestamp.from(Instant.now()))
                    .update();
        }
    }

    public Optional<String> token(UUID caseId) {
        return jdbc.sql("SELECT token FROM mail_case WHERE case_id = ?").param(caseId).query(String.class).optional();
    }

    /** Whether the case's mail is a conversation (it has a token): its mails to the customer thread as replies. */
    public boolean isConversation(UUID caseId) {
        return token(caseId).isPresent();
    }

    /** The case a subject's token names; only when number and token both match, so neither can be guessed alone. */
    public Optional<ThreadedCase> caseOfToken(SubjectToken written) {
        return jdbc.sql("SELECT case_id, case_number FROM mail_case WHERE token = ? AND case_number = ?")
                .params(written.token(), written.caseNumber())
                .query((rs, n) -> new ThreadedCase(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional();
    }

    /** The case of the latest of {@code messageIds} (In-Reply-To first, then References from the newest). */
    public Optional<ThreadedCase> caseOfMessages(List<String> messageIds) {
        for (String id : messageIds) {
            Optional<ThreadedCase> found = jdbc.sql("""
                    SELECT t.case_id, m.case_number FROM mail_thread t LEFT JOIN mail_case m ON m.case_id = t.case_id
                    WHERE t.message_id = ?""")
                    .param(id)
                    .query((rs, n) -> new ThreadedCase(rs.getObject(1, UUID.class), rs.getString(2)))
                    .optional();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A case a message belongs to; its number is null when the case has no conversation row yet. */
    public record ThreadedCase(UUID caseId, String caseNumber) {
    }

    public void record(String messageId, UUID caseId, String direction) {
        jdbc.sql("INSERT INTO mail_thread (message_id, case_id, direction, at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (message_id) DO NOTHING")
                .params(messageId, caseId, direction, Timestamp.from(Instant.now()))
                .update();
    }

    /** The customer's latest message on the case: what a mail to them replies to. */
    public Optional<String> latestFromCustomer(UUID caseId) {
        return jdbc.sql("SELECT message_id FROM mail_thread WHERE case_id = ? AND direction = 'in' "
                        + "ORDER BY at DESC, message_id LIMIT 1")
                .param(caseId).query(String.class).optional();
    }

    /** The conversation's Message-IDs for References: the first, then the latest ones, oldest first. */
    public List<String> references(UUID caseId) {
        List<String> all = jdbc.sql("SELECT message_id FROM mail_thread WHERE case_id = ? ORDER BY at, message_id")
                .param(caseId).query(String.class).list();
        if (all.size() <= REFERENCES_KEPT) {
            return all;
        }
        List<String> kept = new ArrayList<>();
        kept.add(all.getFirst());
        kept.addAll(all.subList(all.size() - (REFERENCES_KEPT - 1), all.size()));
        return kept;
    }

    /** The customer's side answered automatically (an out-of-office, a bounce): send them no more automatic mail. */
    public void stopAutomaticMail(Collection<UUID> caseIds) {
        caseIds.forEach(caseId -> jdbc.sql("UPDATE mail_case SET auto_mail_stopped = true WHERE case_id = ?")
                .param(caseId).update());
    }

    public boolean automaticMailStopped(UUID caseId) {
        return jdbc.sql("SELECT auto_mail_stopped FROM mail_case WHERE case_id = ?").param(caseId)
                .query(Boolean.class).optional().orElse(false);
    }

    private String newToken() {
        char[] token = new char[TOKEN_LENGTH];
        for (int i = 0; i < token.length; i++) {
            token[i] = TOKEN_ALPHABET[random.nextInt(TOKEN_ALPHABET.length)];
        }
        return new String(token);
    }
}
