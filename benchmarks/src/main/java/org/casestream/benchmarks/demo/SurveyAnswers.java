package org.casestream.benchmarks.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * The demo's customers answering the survey of their done-mail as a customer does: the mail read from their own
 * mailbox on the local mail server (IMAP, login = password = the address), the link's page answered through the
 * gateway without a login. A link answered before (the demo run again) is refused as used and not counted.
 */
final class SurveyAnswers {

    /** A rating the customer of {@code caseNumber} gives, once its done-mail is in their mailbox. */
    record Wanted(String caseNumber, String email, int rating, String comment) {
    }

    /** The local mail server could not be read: the demo goes on without ratings. */
    static final class MailAway extends Exception {
        MailAway(String message) {
            super(message);
        }
    }

    private static final Pattern LINK = Pattern.compile("/survey/([A-Za-z0-9_-]+)");

    private final GatewayApi api;
    private final String host;
    private final int port;

    SurveyAnswers(GatewayApi api, String host, int port) {
        this.api = api;
        this.host = host;
        this.port = port;
    }

    /** Answers every wanted rating whose done-mail arrives within {@code patience}; how many were recorded. */
    int answer(List<Wanted> wanted, Duration patience) throws MailAway {
        Map<String, List<Wanted>> pending = new LinkedHashMap<>();
        wanted.forEach(rating -> pending.computeIfAbsent(rating.email(), email -> new ArrayList<>()).add(rating));
        long deadline = System.nanoTime() + patience.toNanos();
        int recorded = 0;
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            for (var mailbox = pending.entrySet().iterator(); mailbox.hasNext(); ) {
                var entry = mailbox.next();
                for (String[] mail : mails(entry.getKey())) {
                    for (var rating = entry.getValue().iterator(); rating.hasNext(); ) {
                        Wanted next = rating.next();
                        Matcher link = LINK.matcher(mail[1]);
                        if (isAbout(mail[0], next.caseNumber()) && link.find()) {
                            if (api.call("POST", "/api/surveys/" + link.group(1), null,
                                    Map.of("rating", next.rating(), "comment", next.comment()), null).ok()) {
                                recorded++;
                            }
                            rating.remove();
                        }
                    }
                }
                if (entry.getValue().isEmpty()) {
                    mailbox.remove();
                }
            }
            if (!pending.isEmpty()) {
                pause();
            }
        }
        return recorded;
    }

    /** "[CS-1042] …" or "Re: … [CS-1042 #token]", never CS-10420's. */
    private static boolean isAbout(String subject, String caseNumber) {
        return subject.contains("[" + caseNumber + "]") || subject.contains("[" + caseNumber + " #");
    }

    /** Each mail in the address's inbox as {subject, text}; none while the server has no mailbox for it yet. */
    private List<String[]> mails(String address) throws MailAway {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect(host, port, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String[]> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                mails.add(new String[] {String.valueOf(message.getSubject()), String.valueOf(message.getContent())});
            }
            inbox.close(false);
            return mails;
        } catch (AuthenticationFailedException noMailYet) {
            return List.of();
        } catch (MessagingException | IOException e) {
            throw new MailAway("cannot read the customers' mail at " + host + ":" + port + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayApi.DemoFailure("interrupted");
        }
    }
}
