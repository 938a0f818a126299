package org.casestream.notification.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.casestream.testkit.Mailbox;
import org.casestream.command.CaseCommandApplication;
import org.casestream.localstack.jwt.Role;
import org.casestream.support.security.TokenSource;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.casestream.testkit.Ports;
import org.casestream.testkit.TestInfrastructure;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The email channel end to end: the service reads the support mailbox of the tests' GreenMail over IMAP (IDLE) and
 * passes its mail to the real command service, which this base starts once per test JVM in its own database (as
 * routing's tests do); the command service publishes its events to the tests' Kafka, which this service consumes
 * and mails the customer from. Mail goes in over real SMTP, and is read back over real IMAP.
 */
@Import(MailIntegrationTest.NotificationTokens.class)
public abstract class MailIntegrationTest extends IntegrationTest {

    public static final String SUPPORT = "support@casestream.local";
    public static final String SUPPORT_PASSWORD = "support-mailbox-secret";

    private static int commandPort;
    private static ConfigurableApplicationContext commandService;

    /** The notification service's token as the gateway's token endpoint issues it: role notification, channel email. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class NotificationTokens {

        @Bean
        TokenSource notificationToken() {
            return MailIntegrationTest::serviceToken;
        }
    }

    public static String serviceToken() {
        return TestInfrastructure.token(Role.NOTIFICATION, "notification-service", Map.of("channel", "email"));
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        startCommandService();
        mailProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** What points an instance at the support mailbox and the command service; for further instances too. */
    public static Map<String, String> mailProperties() {
        SMTP.setUser(SUPPORT, SUPPORT, SUPPORT_PASSWORD);
        return Map.ofEntries(
                Map.entry("casestream.mail.inbound.mailboxes[0].name", "support"),
                Map.entry("casestream.mail.inbound.mailboxes[0].host", "127.0.0.1"),
                Map.entry("casestream.mail.inbound.mailboxes[0].port", String.valueOf(SMTP.getImap().getPort())),
                Map.entry("casestream.mail.inbound.mailboxes[0].user", SUPPORT),
                Map.entry("casestream.mail.inbound.mailboxes[0].password", SUPPORT_PASSWORD),
                Map.entry("casestream.mail.inbound.mailboxes[0].tls", "false"),
                Map.entry("casestream.mail.inbound.command-url", "http://localhost:" + commandPort),
                Map.entry("casestream.mail.inbound.token-source", "test"),
                Map.entry("casestream.mail.inbound.retry-after", "1s"),
                Map.entry("casestream.mail.inbound.idle-refresh", "5s"),
                Map.entry("casestream.mail.inbound.initial-backoff", "50ms"));
    }

    private static synchronized void startCommandService() {
        if (commandService != null && commandService.isActive()) {
            return;
        }
        commandPort = Ports.free();
        commandService = Instances.start(CaseCommandApplication.class, Instances.onTestInfrastructure(Map.of(
                // both services have an application.yml at the classpath root: name the command service's own
                "spring.config.location", commandServiceConfig(),
                "server.port", String.valueOf(commandPort),
                "spring.datasource.url", TestInfrastructure.createDatabase("notification_it_commands"),
                "spring.jmx.enabled", "false")));
    }

    private static String commandServiceConfig() {
        try {
            return Collections.list(MailIntegrationTest.class.getClassLoader().getResources("application.yml"))
                    .stream().map(URL::toString).filter(url -> url.contains("case-command-service"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no command service application.yml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the command service, as people use it

    protected static RestClient commands(Role role) {
        return Callers.as(commandUrl(), role);
    }

    /** The command service's base URL, for a caller without credentials (a customer answering a survey link). */
    protected static String commandUrl() {
        return "http://localhost:" + commandPort;
    }

    /** The case's events as the command service's history gives them: {type, data, ...}. */
    protected static List<JsonNode> history(UUID caseId) {
        JsonNode entries = commands(Role.LEAD).get().uri("/api/cases/{id}/history", caseId).retrieve()
                .body(JsonNode.class);
        List<JsonNode> list = new ArrayList<>();
        entries.forEach(list::add);
        return list;
    }

    protected static List<JsonNode> events(UUID caseId, String type) {
        return history(caseId).stream().filter(entry -> entry.path("type").asText().equals(type)).toList();
    }

    // ---- mail in

    /** An RFC 5322 message as a customer's client writes it; {@code headers} are extra lines ("Name: value"). */
    protected static String mail(String messageId, String fromName, String from, String subject, String body,
            String... headers) {
        StringBuilder raw = new StringBuilder()
                .append("From: ").append(fromName).append(" <").append(from).append(">\r\n")
                .append("To: Support <").append(SUPPORT).append(">\r\n")
                .append("Subject: ").append(subject).append("\r\n")
                .append("Date: Tue, 3 Mar 2026 10:00:00 +0000\r\n");
        if (messageId != null) {
            raw.append("Message-ID: ").append(messageId).append("\r\n");
        }
        for (String header : headers) {
            raw.append(header).append("\r\n");
        }
        if (!String.join("\n", headers).toLowerCase().contains("content-type")) {
            raw.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n");
        }
        return raw.append("\r\n").append(body.replace("\r\n", "\n").replace("\n", "\r\n")).append("\r\n").toString();
    }

    /** Delivers the message to the support mailbox over SMTP exactly as written (its Message-ID kept). */
    protected static void sendToSupport(String raw) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(SMTP.getSmtp().getPort()));
        Session session = Session.getInstance(properties);
        try (Transport transport = session.getTransport("smtp")) {
            MimeMessage message = new MimeMessage(session,
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            transport.connect();
            // sendMessage, not Transport.send: saveChanges() would give the message a new Message-ID
            transport.sendMessage(message, new Address[] {new InternetAddress(SUPPORT)});
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String newMessageId() {
        return "<" + UUID.randomUUID() + "@mail.example.com>";
    }

    protected static String newCustomer() {
        return "cust-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** The row a received message left, once it is no longer being handled. */
    protected Map<String, Object> awaitReceived(String messageId) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql(
                "SELECT count(*) FROM inbound_message WHERE message_id = ? AND status <> 'processing'")
                .param(messageId).query(Long.class).single() == 1);
        return received(messageId);
    }

    protected Map<String, Object> received(String messageId) {
        return jdbc.sql("SELECT status, reason, case_id, case_number, attachments, raw_size, raw IS NOT NULL AS kept "
                        + "FROM inbound_message WHERE message_id = ?")
                .param(messageId).query().singleRow();
    }

    protected long casesOpenedFrom(String messageId) {
        return jdbc.sql("SELECT count(*) FROM inbound_message WHERE message_id = ? AND status = 'opened'")
                .param(messageId).query(Long.class).single();
    }

    // ---- mail out, read back over IMAP

    /** The mails in an address's IMAP inbox (GreenMail: login and password are the address), oldest first. */
    protected static List<MimeMessage> inbox(String address) {
        return inbox(address, address);
    }

    protected static int supportMessages() {
        return inbox(SUPPORT, SUPPORT_PASSWORD).size();
    }

    private static List<MimeMessage> inbox(String address, String password) {
        return Mailbox.inbox("127.0.0.1", SMTP.getImap().getPort(), address, password);
    }

    protected static String header(MimeMessage message, String name) {
        return Mailbox.header(message, name);
    }
}
