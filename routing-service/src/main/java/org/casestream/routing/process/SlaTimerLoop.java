package org.casestream.routing.process;

import org.casestream.routing.commands.CommandServiceUnavailable;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the durable SLA timers. A timer whose breach could not be sent stays unfired and is tried on the next
 * round, so timers fire late (after a restart or an outage of the command service) rather than never.
 */
@Component
public class SlaTimerLoop {

    private static final Logger log = LoggerFactory.getLogger(SlaTimerLoop.class);

    private final RoutingProcess process;

    public SlaTimerLoop(RoutingProcess process) {
        this.process = process;
    }

    @Scheduled(fixedDelayString = "${casestream.routing.timer-poll-interval:1s}")
    public void fireDue() {
        try {
            int fired = process.fireDueTimers();
            if (fired > 0) {
                log.info("Fired {} SLA timers", fired);
            }
        } catch (CommandServiceUnavailable e) {
            log.warn("SLA timers wait for the command service: {}", Redacted.causes(e));
        } catch (RuntimeException e) {
            log.error("SLA timer round failed: {}", Redacted.causes(e));
        }
    }
}
