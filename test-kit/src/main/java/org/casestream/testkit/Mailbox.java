package org.casestream.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

/** A mailbox read over IMAP as a customer's mail client reads it. */
public final class Mailbox {

    private Mailbox() {
    }

    /**
     * Copies of the mails in {@code user}'s inbox, oldest first; none while the server has no mailbox for them yet
     * (a local mail server makes one with its first mail, so a login before that is refused).
     */
    public static List<MimeMessage> inbox(String host, int imapPort, String user, String password) {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect(host, imapPort, user, password);
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            List<MimeMessage> copies = new ArrayList<>();
            for (Message message : folder.getMessages()) {
                copies.add(new MimeMessage((MimeMessage) message));
            }
            folder.close(false);
            return copies;
        } catch (AuthenticationFailedException noMailYet) {
            return List.of();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every value of header {@code name}, joined by spaces; null when the mail has none. */
    public static String header(MimeMessage mail, String name) {
        try {
            return mail.getHeader(name, " ");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
