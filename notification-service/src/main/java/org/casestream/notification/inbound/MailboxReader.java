package org.casestream.notification.inbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.casestream.notification.inbound.InboundMailProperties.Mailbox;
import org.casestream.notification.inbound.MailReader.UnreadableMail;
import org.casestream.support.web.Redacted;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads one mailbox folder over IMAP (Angus Mail), on a thread of its own: every message past the position this
 * folder was read up to (its UIDVALIDITY and last UID, in {@code mailbox_position}, shared by every instance) goes
 * to the {@link MailIntake}; the position moves past a message only once it is finished, so a message the command
 * service could not take yet is read again. Then it waits with IDLE where the server offers it (broken off and issued
 * again every {@code idle-refresh}, since servers and firewalls drop quiet connections), else for the poll interval.
 * The mailbox is only read: nothing is deleted, moved or flagged. A failure (the server away, a wrong password)
 * is logged without any address and tried again after {@code retry-after}.
 */
public final class MailboxReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);

    private final Mailbox mailbox;
    private final MailIntake intake;
    private final JdbcClient jdbc;
    private final InboundMailProperties properties;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("mailbox-idle-refresh").factory());
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Store store;

    public MailboxReader(Mailbox mailbox, MailIntake intake, JdbcClient jdbc, InboundMailProperties properties) {
        this.mailbox = mailbox;
        this.intake = intake;
        this.jdbc = jdbc;
        this.properties = properties;
        this.thread = Thread.ofPlatform().daemon().name("mailbox-" + mailbox.name()).unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            IMAPFolder folder = null;
            try {
                folder = open();
                while (running) {
                    boolean allFinished = readNew(folder);
                    if (!allFinished) {
                        pause(properties.retryAfter());
                    } else if (supportsIdle()) {
                        idle(folder);
                    } else {
                        pause(properties.pollInterval());
                    }
                }
            } catch (MessagingException | RuntimeException e) {
                if (running) {
                    log.warn("Mailbox {} could not be read; trying again in {}: {}", mailbox.name(),
                            properties.retryAfter(), Redacted.causes(e));
                    pause(properties.retryAfter());
                }
            } finally {
                closeQuietly(folder);
            }
        }
    }

    private IMAPFolder open() throws MessagingException {
        String protocol = mailbox.tls() ? "imaps" : "imap";
        Properties session = new Properties();
        String prefix = "mail." + protocol + ".";
        long readTimeout = properties.idleRefresh().plus(properties.readTimeout()).toMillis();
        session.put("mail.store.protocol", protocol);
        session.put(prefix + "host", mailbox.host());
        session.put(prefix + "port", String.valueOf(mailbox.port()));
        session.put(prefix + "connectiontimeout", String.valueOf(properties.connectTimeout().toMillis()));
        // longer than an IDLE lasts before it is refreshed: a dead connection still ends in an error
        session.put(prefix + "timeout", String.valueOf(readTimeout));
        session.put(prefix + "writetimeout", String.valueOf(properties.readTimeout().toMillis()));
        if (mailbox.tls()) {
            session.put(prefix + "ssl.checkserveridentity", "true");
        }
        if (mailbox.starttls()) {
            session.put(prefix + "starttls.enable", "true");
            session.put(prefix + "starttls.required", "true");
            session.put(prefix + "ssl.checkserveridentity", "true");
        }
        Store opened = Session.getInstance(session).getStore(protocol);
        opened.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
        store = opened;
        IMAPFolder folder = (IMAPFolder) opened.getFolder(mailbox.folder());
        folder.open(Folder.READ_ONLY);
        return folder;
    }

    private boolean supportsIdle() throws MessagingException {
        return store instanceof IMAPStore imap && imap.hasCapability("IDLE");
    }

    /** Hands every message past the position to the intake, in UID order; true when all of them are finished. */
    boolean readNew(IMAPFolder folder) throws MessagingException {
        long validity = folder.getUIDValidity();
        long last = position(validity);
        for (Message message : folder.getMessagesByUID(last + 1, UIDFolder.MAXUID)) {
            long uid = folder.getUID(message);
            if (uid <= last) {
                continue; // a range past the last UID answers with the last message
            }
            if (!running || !handle(message)) {
                return false;
            }
            last = uid;
            advance(validity, uid);
        }
        return true;
    }

    private boolean handle(Message message) throws MessagingException {
        byte[] raw;
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            message.writeTo(out);
            raw = out.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("could not fetch a message", e);
        }
        try {
            return intake.receive(raw, mailbox.name()).finished();
        } catch (UnreadableMail e) {
            log.warn("Mailbox {} holds a message that is no mail ({}); it is skipped", mailbox.name(),
                    e.getMessage());
            return true;
        }
    }

    /** Waits for the server to say something changed, at most {@code idle-refresh}. */
    private void idle(IMAPFolder folder) throws MessagingException {
        // any command from another thread ends the IDLE (Angus sends DONE first): a NOOP when it is time
        ScheduledFuture<?> refresh = refresher.schedule(() -> {
            try {
                folder.doCommand(protocol -> {
                    protocol.simpleCommand("NOOP", null);
                    return null;
                });
            } catch (MessagingException | RuntimeException e) {
                // the IDLE itself fails as well and the reader reconnects
            }
        }, properties.idleRefresh().toMillis(), TimeUnit.MILLISECONDS);
        try {
            folder.idle(true);
        } finally {
            refresh.cancel(false);
        }
    }

    /** The last UID read in this folder, or 0 when its UIDVALIDITY changed (the mailbox was rebuilt): read all. */
    private long position(long validity) {
        return jdbc.sql("SELECT last_uid FROM mailbox_position WHERE mailbox = ? AND folder = ? AND uid_validity = ?")
                .params(mailbox.name(), mailbox.folder(), validity)
                .query(Long.class).optional().orElse(0L);
    }

    private void advance(long validity, long uid) {
        jdbc.sql("""
                INSERT INTO mailbox_position (mailbox, folder, uid_validity, last_uid, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (mailbox, folder) DO UPDATE SET
                    last_uid = CASE WHEN mailbox_position.uid_validity = excluded.uid_validity
                                    THEN greatest(mailbox_position.last_uid, excluded.last_uid)
                                    ELSE excluded.last_uid END,
                    uid_validity = excluded.uid_validity, updated_at = excluded.updated_at""")
                .params(mailbox.name(), mailbox.folder(), validity, uid, Timestamp.from(Instant.now()))
                .update();
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void closeQuietly(Folder folder) {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            // closing a broken connection
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException | RuntimeException e) {
            // closing a broken connection
        }
    }

    @Override
    public void close() {
        running = false;
        refresher.shutdownNow();
        Store current = store;
        if (current != null) {
            try {
                current.close();
            } catch (MessagingException | RuntimeException e) {
                // ends the IDLE and the reader's loop
            }
        }
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
