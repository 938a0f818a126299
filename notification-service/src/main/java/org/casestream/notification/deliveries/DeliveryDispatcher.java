package org.casestream.notification.deliveries;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
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
    /** Recording stops this long before the lease ends, so no other sender has taken the delivery meanwhile. */
    private static final Duration RECORD_MARGIN = Duration.ofSeconds(5);
    private static final Duration MAX_RECORD_PAUSE = Duration.ofSeconds(5);

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
        Instant claimedAt = Instant.now();
        for (Delivery delivery : due) {
            try {
                senders.execute(() -> attempt(delivery, claimedAt));
            } catch (RejectedExecutionException shuttingDown) {
                return; // its lease runs out and the next start sends it
            }
        }
    }

    void attempt(Delivery delivery) {
        attempt(delivery, Instant.now());
    }

    void attempt(Delivery delivery, Instant claimedAt) {
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
        if (outcome.delivered()) {
            sent.increment();
            record(delivery, outcome, DeliveryLog.SENT, now, claimedAt);
        } else if (!outcome.retryable() || retries.exhausted(round)) {
            dead.increment();
            log.warn("Delivery {} ({}) is a dead letter after {} attempt(s): {}", delivery.id(),
                    delivery.channel().wire(), round, outcome.error());
            record(delivery, outcome, DeliveryLog.DEAD, now, claimedAt);
        } else {
            failed.increment();
            record(delivery, outcome, DeliveryLog.RETRYING, retries.nextAttempt(round, now), claimedAt);
        }
    }

    /**
     * The outcome is known only here: while the database is away (PostgreSQL restarting, say) it is kept and
     * written again and again until the delivery's lease ends, because a sent mail not recorded is sent again. Only
     * when the lease runs out first is it given up; then the delivery goes out once more, with the same
     * Message-ID and delivery id, which receivers dedupe by.
     */
    private void record(Delivery delivery, SendOutcome outcome, String status, Instant nextAttempt, Instant claimedAt) {
        Instant until = claimedAt.plus(properties.dispatch().lease()).minus(RECORD_MARGIN);
        Duration pause = Duration.ofMillis(200);
        while (true) {
            try {
                deliveries.recordAttempt(delivery, outcome, status, nextAttempt);
                return;
            } catch (RuntimeException e) {
                if (!Instant.now().plus(pause).isBefore(until)) {
                    log.warn("Could not record the attempt of delivery {} within its lease ({}); it will be tried again",
                            delivery.id(), Redacted.causes(e));
                    return;
                }
                log.info("Recording the attempt of delivery {} failed ({}); trying again", delivery.id(),
                        Redacted.causes(e));
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(MAX_RECORD_PAUSE) > 0 ? MAX_RECORD_PAUSE : pause.multipliedBy(2);
            }
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
