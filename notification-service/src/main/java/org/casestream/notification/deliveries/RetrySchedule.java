package org.casestream.notification.deliveries;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.time.Instant;
import org.casestream.notification.platform.NotificationProperties;
import org.springframework.stereotype.Component;

/**
 * When a failed delivery is tried again: resilience4j's exponential backoff with random jitter, so receivers
 * coming back are not hit by every sender at once. The wait is stored on the row rather than slept in memory,
 * so a retry survives a restart and a waiting delivery holds no thread.
 */
@Component
public class RetrySchedule {

    private final IntervalFunction intervals;
    private final int maxAttempts;

    public RetrySchedule(NotificationProperties properties) {
        NotificationProperties.Retry retry = properties.retry();
        this.intervals = IntervalFunction.ofExponentialRandomBackoff(retry.initialInterval(), retry.multiplier(),
                retry.randomization(), retry.maxInterval());
        this.maxAttempts = retry.maxAttempts();
    }

    /** After {@code attemptsInRound} failed attempts: is that the last one allowed? */
    public boolean exhausted(int attemptsInRound) {
        return attemptsInRound >= maxAttempts;
    }

    public Instant nextAttempt(int attemptsInRound, Instant now) {
        return now.plus(Duration.ofMillis(intervals.apply(attemptsInRound)));
    }
}
