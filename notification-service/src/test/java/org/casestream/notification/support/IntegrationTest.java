package org.casestream.notification.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.casestream.events.Topics;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.localstack.jwt.Role;
import org.casestream.testkit.Callers;
import org.casestream.testkit.CaseEventsTopic;
import org.casestream.testkit.Ports;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The base of every integration test: the whole service on a random port, on the real PostgreSQL and Kafka of
 * {@link TestInfrastructure}, a real SMTP and IMAP server (GreenMail) and a real HTTP receiver for Slack and webhooks.
 * Events go in the way the command service publishes them: CloudEvents records on the case events topic.
 * Retries are fast here (200 ms doubling, 5 tries) so dead letters come within seconds.
 */
// the test SMTP server logs the addresses it sees (the service itself never does): keep that out of test logs too
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.com.icegreen=WARN")
@AutoConfigureObservability(tracing = false)
public abstract class IntegrationTest {

    public static final int MAX_ATTEMPTS = 5;
    protected static final String LEAD = "lead-on-duty@example.com";
    protected static final String SLACK_PATH = "/slack/team";
    protected static final Duration WAIT = Duration.ofSeconds(30);

    protected static final GreenMail SMTP;
    protected static final Receiver RECEIVER = new Receiver();

    static {
        TestInfrastructure.start();
        SMTP = new GreenMail(new ServerSetup[] {
                new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        SMTP.start();
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    /** One key per test JVM: a further instance reads the secrets the first one stored. */
    private static final String KEY = newKey();

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        serviceProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** Everything an instance of the service is started with here; for further instances too. */
    public static Map<String, String> serviceProperties() {
        Map<String, String> all = new java.util.HashMap<>(TestInfrastructure.serviceProperties());
        all.putAll(Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(SMTP.getSmtp().getPort()),
                "casestream.notification.key", KEY));
        all.putAll(Map.of(
                "casestream.notification.dispatch.interval", "100ms",
                "casestream.notification.dispatch.request-timeout", "2s",
                "casestream.notification.retry.max-attempts", String.valueOf(MAX_ATTEMPTS),
                "casestream.notification.retry.initial-interval", "200ms",
                "casestream.notification.retry.max-interval", "1s",
                // the receivers are plain http on this machine, as in local development
                "casestream.notification.dispatch.require-https", "false"));
        return all;
    }

    /** Every test starts from the same admin settings: local receivers allowed, one lead, a team Slack hook. */
    @BeforeEach
    void defaultSettings() {
        putSettings(true, List.of(LEAD));
        assertOk(as(Role.ADMIN).put().uri("/api/notification-settings/slack/default")
                .body(Map.of("url", RECEIVER.url(SLACK_PATH))).retrieve().toBodilessEntity().getStatusCode().value());
    }

    protected void putSettings(boolean allowPrivateTargets, List<String> leads) {
        int status = as(Role.ADMIN).put().uri("/api/notification-settings")
                .body(Map.of("allowPrivateTargets", allowPrivateTargets, "leadEmails", leads))
                .retrieve().toBodilessEntity().getStatusCode().value();
        assertOk(status);
    }

    private static void assertOk(int status) {
        if (status != 200) {
            throw new AssertionError("admin settings answered " + status);
        }
    }

    protected RestClient as(Role role) {
        return Callers.as("http://localhost:" + port, role);
    }

    /** Publishes the events as the command service does, one by one, each acknowledged before the next; where the last landed. */
    protected static RecordMetadata publish(EventEnvelope... envelopes) {
        return CaseEventsTopic.publish(Topics.CASE_EVENTS, List.of(envelopes)).getLast();
    }

    /** Publishes many events at once (the producer batches them), then waits until the broker has them all. */
    protected static void publishAll(List<EventEnvelope> envelopes) {
        CaseEventsTopic.publishAll(Topics.CASE_EVENTS, envelopes);
    }

    /** The delivery log of a case, as the API shows it. */
    protected List<Map<String, Object>> notificationsOf(UUID caseId) {
        return as(Role.LEAD).get().uri("/api/notifications?caseId={id}", caseId).retrieve()
                .body(new ParameterizedTypeReference<>() { });
    }

    /** Mails GreenMail received for one address, oldest first. */
    protected static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                Address[] to = message.getRecipients(Message.RecipientType.TO);
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    protected static List<String> subjectsTo(String address) {
        return mailsTo(address).stream().map(IntegrationTest::subject).toList();
    }

    protected static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String text(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void awaitMails(String address, int count) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> mailsTo(address).size() >= count);
    }
}
