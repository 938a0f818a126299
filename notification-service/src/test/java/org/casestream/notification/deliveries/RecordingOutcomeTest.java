package org.casestream.notification.deliveries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.casestream.notification.platform.NotificationProperties;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A mail that went out while PostgreSQL restarts: its outcome is written again until the database is back (within
 * the lease), not dropped, because a sent delivery not recorded as sent is sent a second time.
 */
class RecordingOutcomeTest {

    private final AtomicInteger sends = new AtomicInteger();
    private final List<String> recorded = new CopyOnWriteArrayList<>();

    @Test
    void aSentDeliveryIsRecordedOnceTheDatabaseIsBackInsteadOfBeingSentAgain() {
        DeliveryDispatcher dispatcher = dispatcher(3, Duration.ofSeconds(60));
        Delivery delivery = new Delivery(UUID.randomUUID(), "event-1", "CaseOpened", UUID.randomUUID(),
                DeliveryChannel.EMAIL, "ana@example.com", null, "We got your message", "Hello", 0, 0);

        dispatcher.attempt(delivery, Instant.now());

        assertThat(sends.get()).isEqualTo(1);
        assertThat(recorded).containsExactly(DeliveryLog.SENT);
    }

    @Test
    void anOutcomeThatCannotBeRecordedWithinTheLeaseIsLeftToTheLease() {
        DeliveryDispatcher dispatcher = dispatcher(Integer.MAX_VALUE, Duration.ofSeconds(6));
        Delivery delivery = new Delivery(UUID.randomUUID(), "event-2", "CaseOpened", UUID.randomUUID(),
                DeliveryChannel.EMAIL, "ben@example.com", null, "We got your message", "Hello", 0, 0);

        dispatcher.attempt(delivery, Instant.now());

        assertThat(recorded).isEmpty();
    }

    private DeliveryDispatcher dispatcher(int failuresFirst, Duration lease) {
        AtomicInteger failures = new AtomicInteger();
        DeliveryLog log = new DeliveryLog(null) {
            @Override
            public void recordAttempt(Delivery delivery, SendOutcome outcome, String status, Instant nextAttempt) {
                if (failures.getAndIncrement() < failuresFirst) {
                    throw new DataAccessResourceFailureException("PostgreSQL is restarting");
                }
                recorded.add(status);
            }

            @Override
            public long count(String status) {
                return 0;
            }
        };
        DeliveryTransport mail = new DeliveryTransport() {
            @Override
            public DeliveryChannel channel() {
                return DeliveryChannel.EMAIL;
            }

            @Override
            public SendOutcome send(Delivery delivery) {
                sends.incrementAndGet();
                return SendOutcome.delivered(250);
            }
        };
        NotificationProperties properties = new NotificationProperties("t", "g", null, "key", "smtp", "support@example.com",
                "http://localhost/cases/{caseId}",
                new NotificationProperties.Dispatch(Duration.ofSeconds(1), 10, lease, Duration.ofSeconds(1),
                        Duration.ofSeconds(2), false),
                new NotificationProperties.Retry(5, Duration.ofSeconds(1), 2, 0.5, Duration.ofMinutes(1)), false);
        return new DeliveryDispatcher(log, new RetrySchedule(properties), properties, List.of(mail), new SimpleMeterRegistry());
    }
}
