package org.casestream.notification.inbound;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.casestream.notification.platform.NotificationProperties;
import org.casestream.notification.threads.MailThreads;
import org.casestream.support.security.ClientCredentialsTokenSource;
import org.casestream.support.security.TokenSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * The email channel's intake: the reader of received mail, the intake client under this service's own identity,
 * and one reader per configured mailbox, started once the service is ready and closed with it.
 */
@Configuration(proxyBeanMethods = false)
public class InboundConfiguration {

    /**
     * This service's client credentials at the gateway's token endpoint (it holds no signing key). Without a secret
     * it has no identity: mailboxes refuse to start, and the raw endpoint answers 503. Tests without a gateway say
     * {@code token-source: test} and define their own {@link TokenSource}.
     */
    @Bean
    @ConditionalOnProperty(name = "casestream.mail.inbound.token-source", havingValue = "client-credentials",
            matchIfMissing = true)
    TokenSource notificationClientCredentials(InboundMailProperties properties) {
        if (properties.clientSecret() == null || properties.clientSecret().isBlank()) {
            if (!properties.mailboxes().isEmpty()) {
                throw new IllegalStateException("casestream.mail.inbound.client-secret "
                        + "(CASESTREAM_NOTIFICATION_CLIENT_SECRET) is not set: reading mailboxes needs the notification "
                        + "service's client secret to pass the mail on to the command service");
            }
            return () -> {
                throw new IllegalStateException("casestream.mail.inbound.client-secret is not set");
            };
        }
        if (properties.tokenUri() == null || !properties.tokenUri().matches("https?://.+")) {
            throw new IllegalStateException("casestream.mail.inbound.token-uri is not an http(s) URL: set "
                    + "CASESTREAM_GATEWAY_URL (the gateway's token endpoint is <gateway>/oauth2/token)");
        }
        return new ClientCredentialsTokenSource(properties.tokenUri(), properties.clientId(), properties.clientSecret(),
                Clock.systemUTC());
    }

    @Bean
    IntakeClient intakeClient(InboundMailProperties properties, TokenSource tokens,
                              ObjectProvider<RestClient.Builder> http, ObjectProvider<MeterRegistry> meters) {
        if (!properties.mailboxes().isEmpty() && (properties.commandUrl() == null || properties.commandUrl().isBlank())) {
            throw new IllegalStateException("casestream.mail.inbound.command-url (CASESTREAM_COMMAND_URL) is not set: "
                    + "reading mailboxes needs the command service");
        }
        return new IntakeClient(properties, tokens, http.getIfAvailable(RestClient::builder), meters.getIfAvailable());
    }

    /** Mail from our own support address or one of our mailboxes is our own coming back, never a customer's. */
    @Bean
    MailReader mailReader(NotificationProperties notification, InboundMailProperties properties) {
        Set<String> own = new HashSet<>();
        own.add(notification.mailFrom());
        properties.mailboxes().stream().map(InboundMailProperties.Mailbox::user).filter(user -> user.contains("@"))
                .forEach(own::add);
        return new MailReader(own);
    }

    @Bean
    MailIntake mailIntake(MailReader reader, InboundLedger ledger, MailThreads threads, IntakeClient intake,
            InboundMailProperties properties) {
        return new MailIntake(reader, ledger, threads, intake, properties);
    }

    @Bean(destroyMethod = "close")
    Mailboxes mailboxes(InboundMailProperties properties, MailIntake intake, JdbcClient jdbc) {
        return new Mailboxes(properties.mailboxes().stream()
                .map(mailbox -> new MailboxReader(mailbox, intake, jdbc, properties)).toList());
    }

    /** The readers of every configured mailbox: started when the service is ready, closed when it stops. */
    public record Mailboxes(List<MailboxReader> readers) implements AutoCloseable {

        @EventListener(ApplicationReadyEvent.class)
        public void start() {
            readers.forEach(MailboxReader::start);
        }

        @Override
        public void close() {
            readers.forEach(MailboxReader::close);
        }
    }
}
