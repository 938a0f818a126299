package org.casestream.command.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.casestream.command.domain.InvalidCommand;
import org.casestream.command.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class ConcurrencyConflictRetriesTest {

    private final AtomicInteger scheduled = new AtomicInteger();
    private final RetryScheduler backOff = (command, failure, failures, task) -> {
        scheduled.incrementAndGet();
        return true;
    };
    private final ConcurrencyConflictRetries retries = new ConcurrencyConflictRetries(backOff);
    private final List<Class<? extends Throwable>[]> history = new ArrayList<>();

    @Test
    void retriesALostRace() {
        boolean retried = retries.scheduleRetry(GenericCommandMessage.asCommandMessage("cmd"),
                new ConcurrencyException("sequence 3 already inserted"), history, () -> { });

        assertThat(retried).isTrue();
        assertThat(scheduled).hasValue(1);
    }

    @Test
    void leavesALostRaceInsideTheCallersTransactionToTheCaller() {
        ConcurrencyConflictRetries inTransaction = new ConcurrencyConflictRetries(backOff, () -> true);

        boolean retried = inTransaction.scheduleRetry(GenericCommandMessage.asCommandMessage("cmd"),
                new ConcurrencyException("sequence 3 already inserted"), history, () -> { });

        assertThat(retried).isFalse();
        assertThat(scheduled).hasValue(0);
    }

    @Test
    void neverRetriesRuleViolationsOrBadInput() {
        assertThat(retries.scheduleRetry(GenericCommandMessage.asCommandMessage("cmd"),
                new RuleViolation("cannot go from new to done"), history, () -> { })).isFalse();
        assertThat(retries.scheduleRetry(GenericCommandMessage.asCommandMessage("cmd"),
                new InvalidCommand("parentId", "no such comment"), history, () -> { })).isFalse();
        assertThat(retries.scheduleRetry(GenericCommandMessage.asCommandMessage("cmd"),
                new IllegalStateException("database down"), history, () -> { })).isFalse();
        assertThat(scheduled).hasValue(0);
    }
}
