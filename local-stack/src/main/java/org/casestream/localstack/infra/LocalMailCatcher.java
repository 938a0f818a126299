package org.casestream.localstack.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mail catcher for running without a mail server (GreenMail): the notification service sends real SMTP to it,
 * nothing leaves the machine, and every mail can be read back over IMAP (each recipient is a mailbox whose login
 * and password are its address). Mail is kept in memory only.
 */
public final class LocalMailCatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalMailCatcher.class);

    private final GreenMail greenMail;

    private LocalMailCatcher(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static LocalMailCatcher start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        LOG.info("Mail catcher: SMTP on localhost:{}, IMAP on localhost:{}", smtpPort, imapPort);
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
