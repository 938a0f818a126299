package org.casestream.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(Duration.ofMillis(250), Duration.ofSeconds(4));

    @Test
    void noWaitBeforeAFailureThenDoublingUpToTheCap() {
        assertThat(throttle.delayAfter(0)).isEqualTo(Duration.ZERO);
        assertThat(throttle.delayAfter(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(throttle.delayAfter(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(throttle.delayAfter(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delayAfter(5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.delayAfter(1000)).isEqualTo(Duration.ofSeconds(4));
    }
}
