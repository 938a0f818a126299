package org.casestream.notification.inbound;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.casestream.notification.inbound.ReceivedMail.AttachmentMeta;

/**
 * Reads a raw RFC 5322 message into what the email channel needs: who wrote, what they answer, their new text,
 * what they attached (name, type, size), and whether a machine sent it ({@link LoopGuard}). The text is
 * text/plain when the mail has it, else its HTML made plain; the quoted history is folded away in both.
 */
public final class MailReader {

    /** A message with no header section, or not a single header line, is not a mail. */
    public static final class UnreadableMail extends Exception {
        UnreadableMail(String message) {
            super(message);
        }
    }

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,900}>");
    /** Text a thread keeps per message: the intake takes at most 50,000 characters of a description or reply. */
    private static final int MAX_TEXT = 50_000;

    private final Set<String> ownAddresses;

    /** {@code ownAddresses}: the support address and the mailboxes' logins, whose mail is never a customer's. */
    public MailReader(Set<String> ownAddresses) {
        this.ownAddresses = ownAddresses.stream().map(a -> a.toLowerCase(Locale.ROOT).strip())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public ReceivedMail read(byte[] raw) throws UnreadableMail {
        if (raw == null || raw.length == 0) {
            throw new UnreadableMail("the message is empty");
        }
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            if (!message.getAllHeaders().hasMoreElements() || message.getHeader("From") == null
                    && message.getHeader("Message-ID") == null && message.getHeader("Subject") == null) {
                throw new UnreadableMail("no RFC 5322 header section (From, Message-ID or Subject)");
            }
            InternetAddress from = sender(message);
            String fromAddress = from == null ? null : from.getAddress();
            String subject = decodedSubject(message);
            Body body = new Body();
            walk(message, body, true);
            String text = body.plain != null ? MailText.foldQuotedHistory(body.plain)
                    : body.html != null ? MailText.foldQuotedHistory(MailText.htmlToText(body.html)) : "";
            if (text.length() > MAX_TEXT) {
                text = text.substring(0, MAX_TEXT);
            }
            String messageId = firstId(message.getHeader("Message-ID", " "));
            if (messageId == null) {
                messageId = derivedId(message, fromAddress, subject, text);
            }
            IgnoreReason ignored = LoopGuard.reasonToIgnore(message, fromAddress, ownAddresses).orElse(null);
            String name = from == null ? null : from.getPersonal();
            return new ReceivedMail(messageId, name, fromAddress, subject, text,
                    ids(message.getHeader("In-Reply-To", " ")), ids(message.getHeader("References", " ")),
                    body.attachments, ignored, body.reportedIds);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UnreadableMail("not a readable RFC 5322 message: " + e.getClass().getSimpleName());
        }
    }

    /** What a walk through the parts finds. */
    private static final class Body {
        String plain;
        String html;
        final List<AttachmentMeta> attachments = new ArrayList<>();
        final List<String> reportedIds = new ArrayList<>();
    }

    private static void walk(Part part, Body body, boolean top) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), body, false);
            }
            return;
        }
        if (!top && part.isMimeType("message/rfc822")) {
            // a report's returned message, or a forwarded one: what it names, never its text
            if (part.getContent() instanceof MimeMessage returned) {
                String id = firstId(returned.getHeader("Message-ID", " "));
                if (id != null) {
                    body.reportedIds.add(id);
                }
            }
            return;
        }
        if (part.isMimeType("text/rfc822-headers")) {
            try (InputStream in = part.getInputStream()) {
                String id = firstId(new InternetHeaders(in).getHeader("Message-ID", " "));
                if (id != null) {
                    body.reportedIds.add(id);
                }
            }
            return;
        }
        String filename = filename(part);
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || filename != null
                && !part.isMimeType("text/plain") && !part.isMimeType("text/html");
        if (!attached && part.isMimeType("text/plain") && body.plain == null) {
            body.plain = text(part);
        } else if (!attached && part.isMimeType("text/html") && body.html == null) {
            body.html = text(part);
        } else if (attached || filename != null) {
            byte[] content = decoded(part);
            body.attachments.add(new AttachmentMeta(
                    filename == null ? "attachment" : filename.substring(0, Math.min(filename.length(), 255)),
                    baseType(part.getContentType()), content.length, content));
        }
    }

    private static String filename(Part part) {
        try {
            String name = part.getFileName();
            return name == null || name.isBlank() ? null : MimeUtility.decodeText(name).strip();
        } catch (MessagingException | IOException e) {
            return null;
        }
    }

    /** The text of a part in its declared charset; an unknown charset is read as UTF-8 rather than failing. */
    private static String text(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
        } catch (IOException e) {
            // an unknown or broken charset: read the bytes below
        }
        try (InputStream in = part.getInputStream()) {
            Charset charset = StandardCharsets.UTF_8;
            try {
                String declared = new ContentType(part.getContentType()).getParameter("charset");
                if (declared != null) {
                    charset = Charset.forName(MimeUtility.javaCharset(declared));
                }
            } catch (RuntimeException | MessagingException ignored) {
                // keep UTF-8
            }
            return new String(in.readAllBytes(), charset);
        }
    }

    /** The part's bytes, decoded from their transfer encoding (the raw message's size cap bounds them). */
    private static byte[] decoded(Part part) {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException | MessagingException e) {
            return new byte[0];
        }
    }

    private static String baseType(String contentType) {
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static InternetAddress sender(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress address
                    && address.getAddress() != null) {
                return address;
            }
        } catch (MessagingException e) {
            // an unparseable From: the mail has no usable sender
        }
        return null;
    }

    private static String decodedSubject(MimeMessage message) {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : subject.replaceAll("[\\r\\n\\t]+", " ").strip();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String firstId(String header) {
        List<String> ids = ids(header);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    private static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher matcher = MESSAGE_ID.matcher(header);
            while (matcher.find() && ids.size() < 100) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }

    /**
     * A mail without a Message-ID still arrives once: the same date, sender, subject and text make the same id
     * (delivered twice, it is recognised; headers a relay adds on the way do not count).
     */
    private static String derivedId(MimeMessage message, String from, String subject, String text)
            throws MessagingException {
        String date = message.getHeader("Date", ",");
        String basis = date + "\n" + from + "\n" + subject + "\n" + text;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 20) + "@no-message-id.casestream.invalid>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
