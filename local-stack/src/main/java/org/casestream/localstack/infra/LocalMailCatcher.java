package org.casestream.localstack.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mail catcher for running without a mail server (GreenMail): the notification service sends real SMTP to it,
 * nothing leaves the machine, and every mail can be read back over IMAP (each recipient is a mailbox whose login
 * and password are its address). The support mailbox is the exception: it has a password of its own, and the
 * notification service reads it over IMAP as the email channel's inbox (mail to it becomes cases). Mail is kept in
 * memory only.
 */
public final class LocalMailCatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalMailCatcher.class);

    private final GreenMail greenMail;

    private LocalMailCatcher(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static LocalMailCatcher start(int smtpPort, int imapPort, String supportMailbox, String supportPassword) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        greenMail.setUser(supportMailbox, supportMailbox, supportPassword);
        LOG.info("Mail catcher: SMTP on localhost:{}, IMAP on localhost:{}, support mailbox {}", smtpPort, imapPort,
                supportMailbox);
        return new LocalMailCatcher(greenMail);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
