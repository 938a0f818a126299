package org.casestream.notification.deliveries;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.casestream.notification.platform.NotificationProperties;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what is due. Each claimed delivery goes out on a virtual thread of its own and nobody waits for it, so a
 * slow or absent receiver holds only its own lane (the dispatcher keeps claiming others); a failure is retried on
 * the {@link RetrySchedule} and parked as a dead letter after the last try.
 */
@Component
public class DeliveryDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final DeliveryLog deliveries;
    private final RetrySchedule retries;
    private final NotificationProperties properties;
    private final Map<DeliveryChannel, DeliveryTransport> transports = new EnumMap<>(DeliveryChannel.class);
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("delivery-", 0).factory());
    private volatile boolean running = true;
    private final Counter sent;
    private final Counter failed;
    private final Counter dead;

    public DeliveryDispatcher(DeliveryLog deliveries, RetrySchedule retries, NotificationProperties properties,
            List<DeliveryTransport> transports, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.retries = retries;
        this.properties = properties;
        transports.forEach(transport -> this.transports.put(transport.channel(), transport));
        this.sent = meters.counter("casestream.notification.attempts", "outcome", "sent");
        this.failed = meters.counter("casestream.notification.attempts", "outcome", "failed");
        this.dead = meters.counter("casestream.notification.attempts", "outcome", "dead");
        Gauge.builder("casestream.notification.dead.letters", () -> deliveries.count(DeliveryLog.DEAD))
                .description("deliveries parked after their last try").register(meters);
    }

    @Scheduled(fixedDelayString = "${casestream.notification.dispatch.interval}")
    public void dispatch() {
        if (!running) {
            return;
        }
        List<Delivery> due;
        try {
            due = deliveries.claimDue(properties.dispatch().batchSize(), properties.dispatch().lease());
        } catch (RuntimeException e) {
            log.warn("Could not claim due deliveries ({})", Redacted.causes(e));
            return;
        }
        for (Delivery delivery : due) {
            try {
                senders.execute(() -> attempt(delivery));
            } catch (RejectedExecutionException shuttingDown) {
                return; // its lease runs out and the next start sends it
            }
        }
    }

    void attempt(Delivery delivery) {
        SendOutcome outcome;
        DeliveryTransport transport = transports.get(delivery.channel());
        try {
            outcome = transport == null ? SendOutcome.refused("no transport for " + delivery.channel().wire())
                    : transport.send(delivery);
        } catch (RuntimeException e) {
            log.warn("Delivery {} failed ({})", delivery.id(), Redacted.causes(e));
            outcome = SendOutcome.failed(null, e.getClass().getSimpleName());
        }
        Instant now = Instant.now();
        int round = delivery.roundAttempts() + 1;
        try {
            if (outcome.delivered()) {
                sent.increment();
                deliveries.recordAttempt(delivery, outcome, DeliveryLog.SENT, now);
            } else if (!outcome.retryable() || retries.exhausted(round)) {
                dead.increment();
                log.warn("Delivery {} ({}) is a dead letter after {} attempt(s): {}", delivery.id(),
                        delivery.channel().wire(), round, outcome.error());
                deliveries.recordAttempt(delivery, outcome, DeliveryLog.DEAD, now);
            } else {
                failed.increment();
                deliveries.recordAttempt(delivery, outcome, DeliveryLog.RETRYING, retries.nextAttempt(round, now));
            }
        } catch (RuntimeException e) {
            // the lease runs out and the delivery is tried again: at least once, receivers dedupe by delivery id
            log.warn("Could not record the attempt of delivery {} ({})", delivery.id(), Redacted.causes(e));
        }
    }

    /**
     * Stops claiming as soon as the context starts closing (before the database pool goes) and gives the sends
     * in flight a moment to record their outcome; any left keep their lease and are sent again after it.
     */
    @EventListener(ContextClosedEvent.class)
    void closing() throws InterruptedException {
        running = false;
        senders.shutdown();
        if (!senders.awaitTermination(5, TimeUnit.SECONDS)) {
            log.info("Deliveries still in flight at shutdown are sent again when their lease ends");
        }
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }
}
