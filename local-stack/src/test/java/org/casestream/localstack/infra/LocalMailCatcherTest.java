package org.casestream.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Properties;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/** The local support mailbox is real: mail sent to it over SMTP is read over IMAP with its own password only. */
class LocalMailCatcherTest {

    private static final String SUPPORT = "support@casestream.local";

    @Test
    void mailToTheSupportAddressIsReadOverImapWithItsPasswordAndNotWithTheAddress() throws Exception {
        int smtp = freePort();
        int imap = freePort();
        try (LocalMailCatcher catcher = LocalMailCatcher.start(smtp, imap, SUPPORT, "generated-secret")) {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", String.valueOf(smtp));
            Session session = Session.getInstance(properties);
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom("ada@example.org");
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
            mail.setSubject("Cannot log in");
            mail.setText("The reset mail never arrives.");
            Transport.send(mail);

            try (Store store = session.getStore("imap")) {
                store.connect("127.0.0.1", imap, SUPPORT, "generated-secret");
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessages()).extracting(Message::getSubject).containsExactly("Cannot log in");
            }
            assertThatThrownBy(() -> {
                try (Store store = session.getStore("imap")) {
                    store.connect("127.0.0.1", imap, SUPPORT, SUPPORT);
                }
            }).isInstanceOf(AuthenticationFailedException.class);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
