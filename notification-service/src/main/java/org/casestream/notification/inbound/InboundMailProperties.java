package org.casestream.notification.inbound;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The email channel's intake, from {@code casestream.mail.inbound}: the mailboxes read over IMAP (none by default),
 * how the received mail reaches the command service (its URL, and this service's own identity: client credentials
 * at the gateway's token endpoint, as routing has), and the limits.
 *
 * <p>{@code rawLimit}: the most bytes of a received message kept as it was (a larger one is kept as its size only);
 * {@code lease}: how long a message claimed by one instance is left to it before another takes it over;
 * {@code idleRefresh}: an IDLE is broken off and issued again this often (servers and firewalls drop quiet ones);
 * {@code pollInterval}: how often a mailbox without IDLE is read; {@code retryAfter}: the wait after a mailbox or the
 * command service failed.
 */
@ConfigurationProperties("casestream.mail.inbound")
@Validated
public record InboundMailProperties(@Valid List<Mailbox> mailboxes, String commandUrl, String tokenUri,
                                    String clientId, String clientSecret, String tokenSource,
                                    @Positive int rawLimit, Duration lease, Duration idleRefresh,
                                    Duration pollInterval, Duration retryAfter,
                                    Duration connectTimeout, Duration readTimeout, @Positive int maxAttempts,
                                    Duration initialBackoff) {

    public InboundMailProperties {
        mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
        clientId = clientId == null || clientId.isBlank() ? "notification-service" : clientId;
        tokenSource = tokenSource == null || tokenSource.isBlank() ? "client-credentials" : tokenSource;
        rawLimit = rawLimit <= 0 ? 1_048_576 : rawLimit;
        lease = lease == null ? Duration.ofSeconds(60) : lease;
        idleRefresh = idleRefresh == null ? Duration.ofMinutes(5) : idleRefresh;
        pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
        retryAfter = retryAfter == null ? Duration.ofSeconds(10) : retryAfter;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
    }

    /**
     * One mailbox: {@code name} (in logs and in the stored messages' source, never an address), IMAP host and port,
     * the login and its password (from the environment), the folder, and TLS: {@code tls} for IMAPS (port 993),
     * {@code starttls} to require STARTTLS on a plain port; neither only on this machine.
     */
    public record Mailbox(@NotBlank String name, @NotBlank String host, @Positive int port, @NotBlank String user,
                          String password, String folder, boolean tls, boolean starttls) {

        public Mailbox {
            folder = folder == null || folder.isBlank() ? "INBOX" : folder;
        }

        @Override
        public String toString() {
            return "Mailbox[" + name + ", " + host + ":" + port + "/" + folder + (tls ? ", tls" : "") + "]";
        }
    }

    @Override
    public String toString() {
        return "InboundMailProperties[" + mailboxes + ", client " + clientId + "]";
    }
}
